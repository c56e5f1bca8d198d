package dev.basalt.cli.log;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.FileAppender;
import ch.qos.logback.core.Layout;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import ch.qos.logback.core.rolling.FixedWindowRollingPolicy;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeBasedTriggeringPolicy;
import ch.qos.logback.core.rolling.SizeAndTimeBasedRollingPolicy;
import ch.qos.logback.core.rolling.TimeBasedRollingPolicy;
import ch.qos.logback.core.util.FileSize;
import dev.basalt.adapters.log.LogControl;
import dev.basalt.cli.flags.LogFormat;
import dev.basalt.cli.flags.LogRotation;
import dev.basalt.cli.flags.LogSettings;
import java.nio.file.Path;
import org.slf4j.LoggerFactory;

/**
 * Replaces the default logging ({@code logback.xml}: full lines on standard error) with what the
 * node's flags ask for: console output in a format or none, and optionally a file in a directory,
 * rolled by time and/or size. Chronicle's own chatter stays at WARN, Netty's and Vert.x's at INFO.
 */
public final class LogSetup {
  static final String CONSOLE = "CONSOLE";
  static final String FILE = "FILE";

  private LogSetup() {}

  /** Applies {@code s}; without Logback behind SLF4J it does nothing (tests may bind another backend). */
  public static void apply(LogSettings s) {
    if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext ctx)) {
      return;
    }
    Logger root = ctx.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    root.detachAndStopAllAppenders();
    root.setLevel(LogControl.parse(s.level()));
    // Libraries' own debug output drowns the node's at -vvvv; LogControl can still open them up.
    ctx.getLogger("net.openhft").setLevel(Level.WARN);
    ctx.getLogger("io.netty").setLevel(Level.INFO);
    ctx.getLogger("io.vertx").setLevel(Level.INFO);
    if (!s.stdoutQuiet()) {
      ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
      console.setContext(ctx);
      console.setName(CONSOLE);
      console.setTarget("System.err");
      console.setEncoder(encoder(ctx, s.stdoutFormat()));
      console.start();
      root.addAppender(console);
    }
    s.fileDirectory().ifPresent(dir -> root.addAppender(fileAppender(ctx, dir, s)));
  }

  private static Appender<ILoggingEvent> fileAppender(LoggerContext ctx, Path dir, LogSettings s) {
    String file = dir.resolve(LogSettings.FILE_NAME).toString();
    FileAppender<ILoggingEvent> appender;
    if (s.rotation() == LogRotation.NEVER && s.maxFileBytes() == 0) {
      appender = new FileAppender<>();
    } else if (s.rotation() == LogRotation.NEVER) {
      appender = bySize(ctx, dir, file, s);
    } else {
      appender = byTime(ctx, dir, file, s);
    }
    appender.setContext(ctx);
    appender.setName(FILE);
    appender.setFile(file);
    appender.setAppend(true);
    appender.setEncoder(encoder(ctx, s.fileFormat()));
    appender.start();
    return appender;
  }

  /** Size only: basalt.log rolls to basalt.1.log .. basalt.N.log, the oldest dropped. */
  private static RollingFileAppender<ILoggingEvent> bySize(LoggerContext ctx, Path dir, String file, LogSettings s) {
    RollingFileAppender<ILoggingEvent> rolling = new RollingFileAppender<>();
    rolling.setContext(ctx);
    rolling.setFile(file);
    FixedWindowRollingPolicy window = new FixedWindowRollingPolicy();
    window.setContext(ctx);
    window.setFileNamePattern(dir.resolve("basalt.%i.log").toString());
    window.setMinIndex(1);
    window.setMaxIndex(s.maxFiles() == 0 ? LogSettings.DEFAULT_SIZE_ROLLED_FILES : s.maxFiles());
    window.setParent(rolling);
    SizeBasedTriggeringPolicy<ILoggingEvent> trigger = new SizeBasedTriggeringPolicy<>();
    trigger.setContext(ctx);
    trigger.setMaxFileSize(new FileSize(s.maxFileBytes()));
    // Check the size at every line (one stat): Logback's default looks only once a minute.
    trigger.setCheckIncrement(ch.qos.logback.core.util.Duration.buildByMilliseconds(0));
    rolling.setRollingPolicy(window);
    rolling.setTriggeringPolicy(trigger);
    window.start();
    trigger.start();
    return rolling;
  }

  /** By time (and size within a period): basalt.<period>[.<n>].log, keeping maxFiles periods. */
  private static RollingFileAppender<ILoggingEvent> byTime(LoggerContext ctx, Path dir, String file, LogSettings s) {
    RollingFileAppender<ILoggingEvent> rolling = new RollingFileAppender<>();
    rolling.setContext(ctx);
    rolling.setFile(file);
    String pattern = dir.resolve("basalt.%d{" + s.rotation().datePattern() + "}" + (s.maxFileBytes() > 0 ? ".%i" : "") + ".log").toString();
    TimeBasedRollingPolicy<ILoggingEvent> policy;
    if (s.maxFileBytes() > 0) {
      SizeAndTimeBasedRollingPolicy<ILoggingEvent> sized = new SizeAndTimeBasedRollingPolicy<>();
      sized.setMaxFileSize(new FileSize(s.maxFileBytes()));
      policy = sized;
    } else {
      policy = new TimeBasedRollingPolicy<>();
    }
    policy.setContext(ctx);
    policy.setFileNamePattern(pattern);
    policy.setMaxHistory(s.maxFiles());
    policy.setParent(rolling);
    rolling.setRollingPolicy(policy);
    policy.start();
    return rolling;
  }

  private static Encoder<ILoggingEvent> encoder(LoggerContext ctx, LogFormat format) {
    Layout<ILoggingEvent> layout = switch (format) {
      case JSON -> new JsonLayout();
      case LOGFMT -> new LogfmtLayout();
      default -> null;
    };
    if (layout != null) {
      layout.setContext(ctx);
      layout.start();
      LayoutWrappingEncoder<ILoggingEvent> e = new LayoutWrappingEncoder<>();
      e.setContext(ctx);
      e.setLayout(layout);
      e.start();
      return e;
    }
    PatternLayoutEncoder e = new PatternLayoutEncoder();
    e.setContext(ctx);
    e.setPattern(switch (format) {
      case COMPACT -> "%d{HH:mm:ss} %-5level %msg%n";
      case PRETTY -> "%d{HH:mm:ss.SSS} %highlight(%-5level) %cyan(%-24logger{0}) %msg%n";
      default -> "%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX} %-5level %-24logger{0} %msg%n";
    });
    e.start();
    return e;
  }
}
