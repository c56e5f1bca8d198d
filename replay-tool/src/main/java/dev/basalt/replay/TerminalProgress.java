package dev.basalt.replay;

import java.io.Console;
import java.io.PrintWriter;
import java.lang.reflect.Method;
import java.util.Locale;
import java.util.Objects;

/**
 * A single-line progress bar ({@code [#####.....]  52.1%  2.4M events/s}) redrawn in place with a
 * carriage return, at most five times a second. Short replays finish before the first redraw and
 * never show it.
 */
public final class TerminalProgress implements ProgressListener {
  private static final long MIN_REDRAW_NANOS = 200_000_000L;
  private static final int BAR_WIDTH = 30;

  private final PrintWriter err;
  private long lastDrawNanos;
  private int drawnWidth;

  public TerminalProgress(PrintWriter err) {
    this.err = Objects.requireNonNull(err, "err");
  }

  /** A bar on {@code err} when we run on a terminal, otherwise no progress at all. */
  public static ProgressListener forConsole(PrintWriter err) {
    return onTerminal() ? new TerminalProgress(err) : ProgressListener.NONE;
  }

  /**
   * {@code System.console() != null}; on JDK 22 and later also {@code Console.isTerminal()},
   * because there a console exists even with redirected streams. Looked up reflectively since we
   * compile for 21.
   */
  static boolean onTerminal() {
    Console console = System.console();
    if (console == null) {
      return false;
    }
    try {
      Method isTerminal = Console.class.getMethod("isTerminal");
      return Boolean.TRUE.equals(isTerminal.invoke(console));
    } catch (ReflectiveOperationException e) {
      return true;
    }
  }

  @Override
  public void progress(long done, long total, long elapsedNanos) {
    if (elapsedNanos - lastDrawNanos < MIN_REDRAW_NANOS) {
      return;
    }
    lastDrawNanos = elapsedNanos;
    String line = render(done, total, elapsedNanos);
    err.print('\r');
    err.print(line);
    // Pad over the tail of a longer previous line.
    err.print(" ".repeat(Math.max(0, drawnWidth - line.length())));
    err.flush();
    drawnWidth = line.length();
  }

  @Override
  public void finish() {
    if (drawnWidth > 0) {
      err.print('\r');
      err.print(" ".repeat(drawnWidth));
      err.print('\r');
      err.flush();
      drawnWidth = 0;
    }
  }

  /** The bar text for {@code done} of {@code total} events (total 0: unknown, no percentage). */
  static String render(long done, long total, long elapsedNanos) {
    double rate = elapsedNanos <= 0 ? 0 : done * 1e9 / elapsedNanos;
    if (total <= 0) {
      return String.format(Locale.ROOT, "%,d events  %s events/s", done, human(rate));
    }
    double fraction = Math.min(1.0, (double) done / total);
    int filled = (int) (fraction * BAR_WIDTH);
    return String.format(
        Locale.ROOT,
        "[%s%s] %5.1f%%  %s events/s",
        "#".repeat(filled),
        ".".repeat(BAR_WIDTH - filled),
        fraction * 100,
        human(rate));
  }

  private static String human(double rate) {
    if (rate >= 1e6) {
      return String.format(Locale.ROOT, "%.2fM", rate / 1e6);
    }
    if (rate >= 1e3) {
      return String.format(Locale.ROOT, "%.1fk", rate / 1e3);
    }
    return String.format(Locale.ROOT, "%.0f", rate);
  }
}
