/**
 * {@code basalt node}'s flags, one Picocli mixin per area ({@link dev.basalt.cli.flags.L1Flags},
 * {@link dev.basalt.cli.flags.EngineFlags}, {@link dev.basalt.cli.flags.ForkOverrideFlags}, {@link
 * dev.basalt.cli.flags.LogFlags}, {@link dev.basalt.cli.flags.P2pFlags}, ...) with kona-node's names,
 * aliases and defaults, op-node's names as aliases where they mean the same, and the environment
 * variables named by {@link dev.basalt.cli.flags.Env} read through {@link
 * dev.basalt.cli.flags.EnvDefaults} (a map, so tests hand in their own). Each mixin resolves its
 * flags into a checked settings record.
 *
 * <p>Invariants: a flag is either wired (it reaches a settings record the node runs with) or listed
 * in {@link dev.basalt.cli.flags.NotYetWired}, which refuses any value but its default by name;
 * a bad value is a {@link dev.basalt.cli.flags.FlagException} naming the flag and the fix;
 * durations accept kona's plain integers and op-node's Go durations ({@link
 * dev.basalt.cli.flags.GoDuration}); {@code docs/flags.md} is generated from these classes.
 */
package dev.basalt.cli.flags;
