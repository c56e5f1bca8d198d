package dev.basalt.cli.flags;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Durations as both clients write them: op-node takes Go durations ({@code 30s}, {@code 1h30m},
 * {@code 500ms}, {@code 1.5s}), kona plain integers in a unit fixed per flag (milliseconds for
 * {@code --l2-engine-timeout}, seconds for {@code --p2p.peers.grace}, minutes for {@code
 * --p2p.ban.duration}). One converter per plain-integer unit; both spellings work everywhere.
 */
public final class GoDuration {
  private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d*)?|\\.\\d+)(ns|us|µs|μs|ms|s|m|h)");

  private GoDuration() {}

  /**
   * Parses {@code text}: a plain non-negative integer in {@code plainUnit}, or a Go duration (a
   * sequence of number-unit parts, units ns, us, ms, s, m, h). Negative durations are refused.
   *
   * @throws IllegalArgumentException saying what was expected
   */
  public static Duration parse(String text, ChronoUnit plainUnit) {
    String s = text.strip().toLowerCase(Locale.ROOT);
    if (s.matches("\\d+")) {
      try {
        return Duration.of(Long.parseLong(s), plainUnit);
      } catch (ArithmeticException | NumberFormatException e) {
        throw new IllegalArgumentException("duration out of range: " + text);
      }
    }
    Matcher m = PART.matcher(s);
    BigDecimal nanos = BigDecimal.ZERO;
    int at = 0;
    while (at < s.length() && m.find(at) && m.start() == at) {
      nanos = nanos.add(new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(nanosPer(m.group(2)))));
      at = m.end();
    }
    if (s.isEmpty() || at != s.length()) {
      throw new IllegalArgumentException("'" + text + "' is not a duration: use a whole number of "
          + plainUnit.toString().toLowerCase(Locale.ROOT) + " or a Go duration such as 500ms, 30s, 1h30m");
    }
    try {
      return Duration.ofNanos(nanos.longValueExact());
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException("duration out of range: " + text);
    }
  }

  private static long nanosPer(String unit) {
    return switch (unit) {
      case "ns" -> 1L;
      case "us", "µs", "μs" -> 1_000L;
      case "ms" -> 1_000_000L;
      case "s" -> 1_000_000_000L;
      case "m" -> 60_000_000_000L;
      case "h" -> 3_600_000_000_000L;
      default -> throw new IllegalStateException(unit);
    };
  }

  /** Go-style text for {@code d} ({@code 1h30m}, {@code 500ms}), for help and messages. */
  public static String format(Duration d) {
    if (d.isZero()) {
      return "0s";
    }
    if (d.toNanosPart() % 1_000_000 != 0) {
      return d.toNanos() + "ns";
    }
    if (d.toMillisPart() != 0) {
      return d.toMillis() + "ms";
    }
    StringBuilder s = new StringBuilder();
    if (d.toHours() > 0) {
      s.append(d.toHours()).append('h');
    }
    if (d.toMinutesPart() > 0) {
      s.append(d.toMinutesPart()).append('m');
    }
    if (d.toSecondsPart() > 0) {
      s.append(d.toSecondsPart()).append('s');
    }
    return s.toString();
  }

  private abstract static class Converter implements ITypeConverter<Duration> {
    private final ChronoUnit unit;

    Converter(ChronoUnit unit) {
      this.unit = unit;
    }

    @Override
    public Duration convert(String value) {
      try {
        return parse(value, unit);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }

  /** Plain integers are milliseconds. */
  public static final class Millis extends Converter {
    public Millis() {
      super(ChronoUnit.MILLIS);
    }
  }

  /** Plain integers are seconds. */
  public static final class Seconds extends Converter {
    public Seconds() {
      super(ChronoUnit.SECONDS);
    }
  }

  /** Plain integers are minutes. */
  public static final class Minutes extends Converter {
    public Minutes() {
      super(ChronoUnit.MINUTES);
    }
  }
}
