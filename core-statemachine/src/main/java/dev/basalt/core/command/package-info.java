/**
 * Commands: imperatives the core emits for adapters to carry out.
 *
 * <p>Invariants: commands are immutable records; every command that expects an answer implements
 * {@link dev.basalt.core.command.Request} and carries a correlation id drawn from the core's
 * deterministic counter, which the answering event echoes.
 */
package dev.basalt.core.command;
