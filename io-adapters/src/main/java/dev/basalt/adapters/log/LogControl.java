package dev.basalt.adapters.log;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import java.util.Locale;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;

/**
 * Changes log levels at run time (op-node's {@code admin_setLogLevel}): the root logger's, or one
 * logger's (a class or package name such as {@code dev.basalt.adapters.l1}). Level names are
 * op-node's and Logback's: {@code trace}, {@code debug}, {@code info}, {@code warn} ({@code
 * warning}), {@code error} ({@code crit}), {@code off}.
 */
public final class LogControl {
  private LogControl() {}

  /**
   * Sets the root level; returns the previous one.
   *
   * @throws IllegalArgumentException for a level name that is not one of the above
   */
  public static String setLevel(String level) {
    return setLevel(org.slf4j.Logger.ROOT_LOGGER_NAME, level);
  }

  /**
   * Sets {@code loggerName}'s level (the root for {@code ROOT} or an empty name); returns its
   * previous effective level.
   *
   * @throws IllegalArgumentException for an unknown level name
   * @throws IllegalStateException when SLF4J is not bound to Logback
   */
  public static String setLevel(String loggerName, String level) {
    Level parsed = parse(level);
    Logger logger = logger(loggerName);
    String previous = logger.getEffectiveLevel().toString().toLowerCase(Locale.ROOT);
    logger.setLevel(parsed);
    return previous;
  }

  /** {@code loggerName}'s effective level, lower-case. */
  public static String level(String loggerName) {
    return logger(loggerName).getEffectiveLevel().toString().toLowerCase(Locale.ROOT);
  }

  /** The Logback level for a name, or an {@link IllegalArgumentException} listing the valid names. */
  public static Level parse(String level) {
    String l = level == null ? "" : level.strip().toLowerCase(Locale.ROOT);
    return switch (l) {
      case "trace" -> Level.TRACE;
      case "debug" -> Level.DEBUG;
      case "info" -> Level.INFO;
      case "warn", "warning" -> Level.WARN;
      case "error", "crit", "critical", "fatal" -> Level.ERROR;
      case "off" -> Level.OFF;
      default -> throw new IllegalArgumentException(
          "unknown log level '" + level + "': use trace, debug, info, warn, error or off");
    };
  }

  private static Logger logger(String name) {
    ILoggerFactory factory = LoggerFactory.getILoggerFactory();
    if (!(factory instanceof LoggerContext context)) {
      throw new IllegalStateException("logging is not Logback (" + factory.getClass().getName() + "); levels cannot be changed");
    }
    String n = name == null || name.isBlank() ? org.slf4j.Logger.ROOT_LOGGER_NAME : name.strip();
    return context.getLogger(n);
  }
}
