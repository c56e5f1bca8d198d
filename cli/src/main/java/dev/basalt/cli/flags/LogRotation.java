package dev.basalt.cli.flags;

/** When a new log file starts (kona's {@code --logs.file.rotation} values, plus weekly and monthly). */
public enum LogRotation {
  MINUTELY("yyyy-MM-dd_HH-mm"),
  HOURLY("yyyy-MM-dd_HH"),
  DAILY("yyyy-MM-dd"),
  WEEKLY("yyyy-ww"),
  MONTHLY("yyyy-MM"),
  NEVER(null);

  private final String datePattern;

  LogRotation(String datePattern) {
    this.datePattern = datePattern;
  }

  /** The date part of rolled files' names (a Logback {@code %d} pattern), null for {@link #NEVER}. */
  public String datePattern() {
    return datePattern;
  }
}
