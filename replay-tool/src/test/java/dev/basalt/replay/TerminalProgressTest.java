package dev.basalt.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class TerminalProgressTest {
  private static final long MS = 1_000_000;

  @Test
  void rendersBarPercentageAndRate() {
    assertEquals(
        "[###############...............]  50.0%  2.50M events/s",
        TerminalProgress.render(2_500_000, 5_000_000, 1_000 * MS));
    assertEquals("[..............................]   0.0%  0 events/s", TerminalProgress.render(0, 10, 0));
    assertEquals("1,234 events  1.2k events/s", TerminalProgress.render(1_234, 0, 1_000 * MS));
  }

  @Test
  void redrawsAtMostFiveTimesASecondOnOneLineAndClearsIt() {
    StringWriter err = new StringWriter();
    TerminalProgress bar = new TerminalProgress(new PrintWriter(err));

    bar.progress(10, 100, 100 * MS);
    assertEquals("", err.toString(), "nothing drawn in the first 200 ms");
    bar.progress(20, 100, 250 * MS);
    bar.progress(30, 100, 300 * MS);
    bar.progress(40, 100, 460 * MS);
    String drawn = err.toString();
    assertEquals(2, drawn.chars().filter(c -> c == '\r').count(), drawn);
    assertTrue(drawn.contains(" 20.0%") && drawn.contains(" 40.0%") && !drawn.contains(" 30.0%"), drawn);
    assertTrue(drawn.indexOf('\n') < 0, "one line, redrawn in place");

    bar.finish();
    assertTrue(err.toString().endsWith("\r"), "the line is blanked and the cursor returned");
  }

  @Test
  void summaryNamesTheStartingPointAndTheRate() {
    ReplayStats full = new ReplayStats(0, OptionalLong.empty(), 1_000, 10, 2, 0, 1_000 * MS);
    ReplayStats partial = new ReplayStats(100, OptionalLong.of(99), 900, 10, 2, 0, 1_000 * MS);

    assertEquals(
        "2 state hashes checked; 0 trailing inputs without recorded outputs; 1000 events/s (1.000 s)",
        full.summary());
    assertTrue(partial.summary().startsWith("started from snapshot at input 99; "), partial.summary());
  }
}
