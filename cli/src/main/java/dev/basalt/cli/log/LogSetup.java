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
import ch.qos.logback.core.rolling.RollingFileAppender;
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
 * rolled by time and/or size. Chronicle's own chatter stays at WARN.
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
    ctx.getLogger("net.openhft").setLevel(Level.WARN);
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
    } else {
      RollingFileAppender<ILoggingEvent> rolling = new RollingFileAppender<>();
      String date = s.rotation() == LogRotation.NEVER ? "yyyy-MM-dd" : s.rotation().datePattern();
      String pattern = dir.resolve("basalt.%d{" + date + "}" + (s.maxFileBytes() > 0 ? ".%i" : "") + ".log").toString();
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
      appender = rolling;
      rolling.setFile(file);
      rolling.setContext(ctx);
      policy.start();
    }
    appender.setContext(ctx);
    appender.setName(FILE);
    appender.setFile(file);
    appender.setAppend(true);
    appender.setEncoder(encoder(ctx, s.fileFormat()));
    appender.start();
    return appender;
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
