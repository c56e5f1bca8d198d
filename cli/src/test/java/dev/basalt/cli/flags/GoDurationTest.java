package dev.basalt.cli.flags;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

/** Durations as kona (plain integers in the flag's unit) and op-node (Go durations) write them. */
class GoDurationTest {
  @Test
  void plainIntegersTakeTheFlagsUnit() {
    assertEquals(Duration.ofMillis(30_000), new GoDuration.Millis().convert("30000"));
    assertEquals(Duration.ofSeconds(30), new GoDuration.Seconds().convert("30"));
    assertEquals(Duration.ofMinutes(60), new GoDuration.Minutes().convert("60"));
    assertEquals(Duration.ZERO, GoDuration.parse("0", ChronoUnit.SECONDS));
  }

  @Test
  void goDurationsWorkWhateverTheUnit() {
    assertEquals(Duration.ofSeconds(30), GoDuration.parse("30s", ChronoUnit.MILLIS));
    assertEquals(Duration.ofMillis(500), GoDuration.parse("500ms", ChronoUnit.MINUTES));
    assertEquals(Duration.ofMinutes(90), GoDuration.parse("1h30m", ChronoUnit.SECONDS));
    assertEquals(Duration.ofSeconds(384), GoDuration.parse("6m24s", ChronoUnit.SECONDS));
    assertEquals(Duration.ofMillis(1500), GoDuration.parse("1.5s", ChronoUnit.SECONDS));
    assertEquals(Duration.ofNanos(1_500), GoDuration.parse("1us500ns", ChronoUnit.SECONDS));
    assertEquals(Duration.ofMillis(250), GoDuration.parse(".25s", ChronoUnit.SECONDS));
    assertEquals(Duration.ofHours(2), GoDuration.parse(" 2H ", ChronoUnit.SECONDS));
  }

  @Test
  void anythingElseIsRefusedSayingWhatWorks() {
    for (String bad : new String[] {"", "s", "-1s", "-5", "1x", "1s2", "1.2.3s", "ten", "1 s", "99999999999999999999"}) {
      TypeConversionException e = assertThrows(TypeConversionException.class, () -> new GoDuration.Seconds().convert(bad), bad);
      assertTrue(e.getMessage().contains("duration"), e.getMessage());
    }
  }

  @Test
  void formatsAsGo() {
    assertEquals("0s", GoDuration.format(Duration.ZERO));
    assertEquals("500ms", GoDuration.format(Duration.ofMillis(500)));
    assertEquals("1500ms", GoDuration.format(Duration.ofMillis(1500)));
    assertEquals("1h30m", GoDuration.format(Duration.ofMinutes(90)));
    assertEquals("6m24s", GoDuration.format(Duration.ofSeconds(384)));
    assertEquals("1500ns", GoDuration.format(Duration.ofNanos(1500)));
    for (Duration d : new Duration[] {Duration.ofMillis(1500), Duration.ofMinutes(90), Duration.ofSeconds(3661), Duration.ofNanos(7)}) {
      assertEquals(d, GoDuration.parse(GoDuration.format(d), ChronoUnit.SECONDS), "round trip " + d);
    }
  }
}
