package dev.basalt.adapters.rpc;

/**
 * Changes the node's log level at run time ({@code admin_setLogLevel}). The CLI supplies it (it
 * owns the logging backend); the RPC server only parses the request.
 */
@FunctionalInterface
public interface LogLevelHook {
  /**
   * Sets the root log level.
   *
   * @param level a level name as op-node accepts them ({@code trace}, {@code debug}, {@code info},
   *     {@code warn}, {@code error}, {@code crit}), case-insensitive
   * @throws IllegalArgumentException for a name it does not know (the message is sent to the client)
   */
  void setLogLevel(String level);

  /** For nodes whose logging cannot be changed: every call fails. */
  LogLevelHook UNSUPPORTED = level -> {
    throw new IllegalArgumentException("changing the log level is not supported by this node");
  };
}
