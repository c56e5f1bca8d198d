package dev.basalt.cli.flags;

import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Log line formats: kona's names ({@code full}, {@code json}, {@code pretty}, {@code compact},
 * {@code logfmt}) and op-node's ({@code text}, {@code terminal}, {@code logfmt}, {@code json},
 * {@code json-pretty}) mapped onto them.
 */
public enum LogFormat {
  /** Time, level, logger and message (kona's default). */
  FULL,
  /** Time, level and message. */
  COMPACT,
  /** {@link #FULL} with the level coloured. */
  PRETTY,
  /** {@code key=value} pairs. */
  LOGFMT,
  /** One JSON object per line. */
  JSON;

  public static LogFormat parse(String text) {
    return switch (text.strip().toLowerCase(Locale.ROOT)) {
      case "full", "text" -> FULL;
      case "compact" -> COMPACT;
      case "pretty", "terminal" -> PRETTY;
      case "logfmt" -> LOGFMT;
      case "json", "json-pretty" -> JSON;
      default -> throw new IllegalArgumentException(
          "'" + text + "' is not a log format: use full, compact, pretty, logfmt or json (op-node's text, terminal, json-pretty work too)");
    };
  }

  /** Picocli converter through {@link #parse}. */
  public static final class Converter implements ITypeConverter<LogFormat> {
    @Override
    public LogFormat convert(String value) {
      try {
        return parse(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }
}
