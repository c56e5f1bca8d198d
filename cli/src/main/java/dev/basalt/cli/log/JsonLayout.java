package dev.basalt.cli.log;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.LayoutBase;
import java.time.Instant;
import java.util.Locale;

/** One JSON object per line: {@code timestamp}, {@code level}, {@code target}, {@code thread}, {@code message}, {@code error}. */
public final class JsonLayout extends LayoutBase<ILoggingEvent> {
  @Override
  public String doLayout(ILoggingEvent e) {
    StringBuilder s = new StringBuilder(160);
    s.append("{\"timestamp\":\"").append(Instant.ofEpochMilli(e.getTimeStamp())).append('"');
    s.append(",\"level\":\"").append(e.getLevel().toString().toLowerCase(Locale.ROOT)).append('"');
    field(s, "target", e.getLoggerName());
    field(s, "thread", e.getThreadName());
    field(s, "message", e.getFormattedMessage());
    IThrowableProxy t = e.getThrowableProxy();
    if (t != null) {
      field(s, "error", ThrowableProxyUtil.asString(t));
    }
    return s.append("}\n").toString();
  }

  private static void field(StringBuilder s, String name, String value) {
    s.append(",\"").append(name).append("\":");
    quote(s, value);
  }

  /** Appends {@code value} as a JSON string (RFC 8259 escapes). */
  static void quote(StringBuilder s, String value) {
    s.append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> s.append("\\\"");
        case '\\' -> s.append("\\\\");
        case '\n' -> s.append("\\n");
        case '\r' -> s.append("\\r");
        case '\t' -> s.append("\\t");
        default -> {
          if (c < 0x20) {
            s.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
          } else {
            s.append(c);
          }
        }
      }
    }
    s.append('"');
  }
}
