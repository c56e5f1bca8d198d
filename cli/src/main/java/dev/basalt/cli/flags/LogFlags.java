package dev.basalt.cli.flags;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * kona's logging flags ({@code LogArgs}: {@code -v} counts 1 error .. 5 trace, default 3 info;
 * stdout and file formats; file directory and rotation) and op-node's {@code --log.level} and
 * {@code --log.format}, plus size-based rotation.
 */
@Command(description = "Logging")
public final class LogFlags {
  private static final String[] BY_COUNT = {"off", "error", "warn", "info", "debug", "trace"};
  private static final Set<String> LEVELS = Set.of("off", "error", "warn", "info", "debug", "trace");

  @Option(names = "-v", description = "Verbosity by count, as kona: -v error, -vv warn, -vvv info (default), -vvvv debug, -vvvvv trace.")
  @Env("KONA_LOG_LEVEL")
  boolean[] verbosity;

  @Option(names = "--log.level", paramLabel = "LEVEL",
      description = "Log level by name (op-node): trace, debug, info, warn, error (crit means error), off. Overrides KONA_LOG_LEVEL.")
  @Env("OP_NODE_LOG_LEVEL")
  String level;

  @Option(names = {"-q", "--logs.stdout.quiet"}, arity = "0..1", fallbackValue = "true", defaultValue = "false",
      description = "No logs on the console.")
  @Env("KONA_STDOUT_LOG_QUIET")
  boolean quiet;

  @Option(names = {"--logs.stdout.format", "--log.format"}, paramLabel = "FORMAT", defaultValue = "full", converter = LogFormat.Converter.class,
      description = "Console format: full, compact, pretty, logfmt or json (op-node's text, terminal, json-pretty too).")
  @Env({"KONA_LOG_STDOUT_FORMAT", "OP_NODE_LOG_FORMAT"})
  LogFormat stdoutFormat;

  @Option(names = "--logs.file.directory", paramLabel = "DIR", description = "Also log to DIR/basalt.log.")
  @Env("KONA_LOG_FILE_DIRECTORY")
  Path fileDirectory;

  @Option(names = "--logs.file.format", paramLabel = "FORMAT", defaultValue = "full", converter = LogFormat.Converter.class,
      description = "File format, as --logs.stdout.format.")
  @Env("KONA_LOG_FILE_FORMAT")
  LogFormat fileFormat;

  @Option(names = "--logs.file.rotation", paramLabel = "WHEN", defaultValue = "never",
      description = "Start a new log file minutely, hourly, daily, weekly, monthly or never.")
  @Env("KONA_LOG_FILE_ROTATION")
  LogRotation rotation;

  @Option(names = "--logs.file.max-size", paramLabel = "SIZE", defaultValue = "0",
      description = "Also start a new log file when it reaches SIZE (bytes, or with KB, MB, GB); 0 for no limit (Basalt).")
  @Env("BASALT_LOG_FILE_MAX_SIZE")
  String maxSize;

  @Option(names = "--logs.file.max-files", paramLabel = "N", defaultValue = "0",
      description = "Rolled log files to keep: with --logs.file.rotation, the newest N periods (0 keeps all); with only"
          + " --logs.file.max-size, basalt.1.log .. basalt.N.log (0 means 7, at most 20) (Basalt).")
  @Env("BASALT_LOG_FILE_MAX_FILES")
  int maxFiles;

  /**
   * The values, checked. The level is the {@code -v} count when given, else {@code --log.level}
   * (or {@code OP_NODE_LOG_LEVEL}), else {@code KONA_LOG_LEVEL}'s count, else 3 (info); {@code -v}
   * and {@code --log.level} both on the command line are a contradiction.
   *
   * @param vGiven whether {@code -v} was on the command line
   * @param levelGiven whether {@code --log.level} was on the command line
   */
  public LogSettings settings(EnvDefaults env, boolean vGiven, boolean levelGiven) {
    if (vGiven && levelGiven) {
      throw new FlagException("give the log level once: -v (counted) or --log.level (a name), not both");
    }
    String resolved;
    if (vGiven) {
      resolved = BY_COUNT[Math.min(verbosity.length, 5)];
    } else if (level != null) {
      resolved = levelName(level); // --log.level, or OP_NODE_LOG_LEVEL: a name is more specific than KONA_LOG_LEVEL's count
    } else {
      resolved = env.lookup(java.util.List.of("KONA_LOG_LEVEL")).map(e -> countName(e.getValue())).orElse("info");
    }
    if (maxFiles < 0 || maxFiles > LogSettings.MAX_SIZE_ROLLED_FILES && rotation == LogRotation.NEVER) {
      throw new FlagException("--logs.file.max-files must be 0.." + LogSettings.MAX_SIZE_ROLLED_FILES
          + " for size rotation (or 0 or more with --logs.file.rotation), got " + maxFiles);
    }
    long bytes = parseSize(maxSize);
    if ((bytes > 0 || maxFiles > 0 || rotation != LogRotation.NEVER) && fileDirectory == null) {
      throw new FlagException("--logs.file.rotation, --logs.file.max-size and --logs.file.max-files need --logs.file.directory");
    }
    return new LogSettings(resolved, quiet, stdoutFormat, Optional.ofNullable(fileDirectory), fileFormat, rotation, bytes, maxFiles);
  }

  private static String levelName(String text) {
    String l = text.strip().toLowerCase(Locale.ROOT);
    String name = switch (l) {
      case "crit", "critical", "fatal" -> "error";
      case "warning" -> "warn";
      default -> l;
    };
    if (!LEVELS.contains(name)) {
      throw new FlagException("--log.level must be trace, debug, info, warn, error or off, got '" + text + "'");
    }
    return name;
  }

  private static String countName(String text) {
    try {
      int n = Integer.parseInt(text.strip());
      if (n >= 0 && n <= 5) {
        return BY_COUNT[n];
      }
    } catch (NumberFormatException e) {
      // fall through to the message
    }
    throw new FlagException("KONA_LOG_LEVEL (-v) must be a verbosity 0..5 (3 is info), got '" + text + "'");
  }

  /** Bytes from {@code 1048576}, {@code 512KB}, {@code 100MB}, {@code 2GB} (binary multiples). */
  static long parseSize(String text) {
    String s = text.strip().toUpperCase(Locale.ROOT).replace(" ", "");
    long unit = 1;
    for (Map.Entry<String, Long> u : Map.of("KB", 1L << 10, "MB", 1L << 20, "GB", 1L << 30, "K", 1L << 10, "M", 1L << 20,
        "G", 1L << 30, "B", 1L).entrySet()) {
      if (s.endsWith(u.getKey()) && s.length() > u.getKey().length()
          && Character.isDigit(s.charAt(s.length() - u.getKey().length() - 1))) {
        unit = u.getValue();
        s = s.substring(0, s.length() - u.getKey().length());
        break;
      }
    }
    try {
      long n = Long.parseLong(s);
      if (n >= 0) {
        return Math.multiplyExact(n, unit);
      }
    } catch (NumberFormatException | ArithmeticException e) {
      // fall through to the message
    }
    throw new FlagException("--logs.file.max-size must be a size such as 100MB or 0, got '" + text + "'");
  }
}
