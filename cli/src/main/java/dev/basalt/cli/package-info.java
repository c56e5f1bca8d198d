/**
 * The {@code basalt} command line (Picocli): {@code node}, {@code registry}, {@code info}, {@code
 * jwt new}, {@code replay} and the operator tools. {@code node}'s flags live in {@link
 * dev.basalt.cli.flags} and resolve into {@link dev.basalt.cli.NodeSettings} before anything starts;
 * {@link dev.basalt.cli.FlagReference} writes {@code docs/flags.md} from them.
 * {@code node} runs the validator over the real adapters ({@link dev.basalt.cli.NodeAdapters});
 * with {@code --dev} it first starts the devnet's services in this process ({@link
 * dev.basalt.cli.devnet}) and points the same adapters at them.
 *
 * <p>Invariants: every option a command accepts is wired to behaviour; an option or combination
 * the node cannot honour yet is rejected at startup with a message naming it; for a real chain,
 * every startup check (flags, chain config, JWT secret, engine handshake) runs before the data
 * directory is touched, and a failed one is a single line on standard error with a non-zero exit.
 */
package dev.basalt.cli;
