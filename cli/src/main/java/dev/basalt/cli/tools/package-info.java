/**
 * The operator tools: {@code basalt decode ...}, {@code basalt block-hash} and {@code basalt
 * output-root}. They decode OP Stack data with the core's own decoders (never a second
 * implementation), so what they print is what derivation sees, and print it as JSON.
 *
 * <p>Invariants: success is pretty-printed JSON on standard output and exit code 0 ({@link
 * dev.basalt.cli.tools.ToolExit}); input a command cannot read is one line on standard error naming
 * what is wrong and where, and exit code 2, never a stack trace; only an unforeseen failure (a
 * bug) prints one, with exit code 4. Integers are exact JSON numbers (u64 and u256 alike); hashes,
 * addresses and bytes are lower-case {@code 0x} hex. Hex input may carry {@code 0x} and
 * surrounding whitespace; files may hold raw bytes or hex text ({@link
 * dev.basalt.cli.tools.InputBytes} tells them apart).
 */
package dev.basalt.cli.tools;
