package dev.basalt.cli;

import dev.basalt.adapters.log.LogControl;
import dev.basalt.adapters.rpc.LogLevelHook;

/**
 * {@code admin_setLogLevel}: sets the root level through {@link LogControl} (op-node's level names;
 * {@code crit} is error), the same control the node's logging flags configure.
 */
final class LogbackLevels implements LogLevelHook {
  @Override
  public void setLogLevel(String level) {
    try {
      LogControl.setLevel(level);
    } catch (IllegalStateException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }
}
