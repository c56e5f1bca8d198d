/**
 * Runtime control of the node's logging (Logback behind SLF4J): {@link
 * dev.basalt.adapters.log.LogControl} changes levels while the node runs, for {@code
 * admin_setLogLevel}. Nothing here reaches the core.
 */
package dev.basalt.adapters.log;
