package dev.basalt.testdata.gen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class GeneratorDeterminismTest {
  @Test
  void sameSeedGivesSameValues() {
    SimRng a = new SimRng(42);
    SimRng b = new SimRng(42);
    for (int i = 0; i < 2_000; i++) {
      assertEquals(EventGenerators.any(a), EventGenerators.any(b));
      assertEquals(CommandGenerators.any(a), CommandGenerators.any(b));
    }
  }

  @Test
  void stringsAreValidUnicodeThatSurvivesUtf8() {
    SimRng rng = new SimRng(7);
    for (int i = 0; i < 5_000; i++) {
      String s = ValueGenerators.string(rng);
      String back = new String(s.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
      assertEquals(s, back);
      assertFalse(s.contains("\uFFFD"), "replacement character in " + s);
    }
  }
}
