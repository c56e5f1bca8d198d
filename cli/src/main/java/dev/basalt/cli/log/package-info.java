/**
 * The node's log output, configured from its flags: console and file appenders in kona's formats
 * (full, compact, pretty, logfmt, JSON), file rotation by time and size. Levels change at run time
 * through {@link dev.basalt.adapters.log.LogControl}.
 */
package dev.basalt.cli.log;
