/**
 * The {@code basalt} command line (Picocli): {@code node}, {@code replay} and the operator tools.
 *
 * <p>Invariants: every option a command accepts is wired to behaviour; an option or combination
 * the node cannot honour yet is rejected at startup with a message naming it.
 */
package dev.basalt.cli;
