package dev.basalt.cli.log;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.LayoutBase;
import java.time.Instant;
import java.util.Locale;

/** logfmt lines: {@code time="..." level=info target=... msg="..."}, as kona's logfmt format. */
public final class LogfmtLayout extends LayoutBase<ILoggingEvent> {
  @Override
  public String doLayout(ILoggingEvent e) {
    StringBuilder s = new StringBuilder(160);
    s.append("time=\"").append(Instant.ofEpochMilli(e.getTimeStamp())).append('"');
    s.append(" level=").append(e.getLevel().toString().toLowerCase(Locale.ROOT));
    s.append(" target=").append(e.getLoggerName());
    s.append(" msg=");
    JsonLayout.quote(s, e.getFormattedMessage());
    IThrowableProxy t = e.getThrowableProxy();
    if (t != null) {
      s.append(" error=");
      JsonLayout.quote(s, ThrowableProxyUtil.asString(t));
    }
    return s.append('\n').toString();
  }
}
