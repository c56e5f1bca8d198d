package dev.basalt.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import dev.basalt.adapters.rpc.LogLevelHook;
import java.util.Locale;
import org.slf4j.LoggerFactory;

/** {@code admin_setLogLevel}: sets Logback's root level from op-node's level names ({@code crit} is error). */
final class LogbackLevels implements LogLevelHook {
  @Override
  public void setLogLevel(String level) {
    Level to = switch (level.strip().toLowerCase(Locale.ROOT)) {
      case "trace" -> Level.TRACE;
      case "debug" -> Level.DEBUG;
      case "info" -> Level.INFO;
      case "warn" -> Level.WARN;
      case "error", "crit" -> Level.ERROR;
      default -> throw new IllegalArgumentException("unknown log level '" + level + "' (trace, debug, info, warn, error, crit)");
    };
    if (!(LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME) instanceof Logger root)) {
      throw new IllegalArgumentException("the logging backend is not Logback; cannot change the level");
    }
    root.setLevel(to);
  }
}
