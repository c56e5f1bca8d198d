/**
 * The {@code replay} command line: {@code verify}, {@code inspect}, {@code events} and
 * {@code diff} over journal directories. Each command only parses arguments, opens journals
 * through a {@link dev.basalt.replay.cli.JournalOpener} and prints what the classes in
 * {@code dev.basalt.replay} compute, so tests can run them on memory journals.
 *
 * <p>Invariants: exit codes are stable ({@link dev.basalt.replay.cli.ExitCodes}); results go to
 * the command's standard output, diagnostics and progress to its standard error; every journal
 * opened is closed before the command returns.
 */
package dev.basalt.replay.cli;
