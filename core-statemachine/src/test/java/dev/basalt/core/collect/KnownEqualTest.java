package dev.basalt.core.collect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@link KnownEqual#same} answers {@code equals} on seeded sequences of equal and unequal objects. */
class KnownEqualTest {
  @Test
  void answersAsEqualsOnSeededPairs() {
    for (int seed = 1; seed <= 50; seed++) {
      SplittableRandom random = new SplittableRandom(seed);
      // Three values, each in three distinct but equal objects.
      String[][] objects = new String[3][3];
      for (int v = 0; v < 3; v++) {
        for (int copy = 0; copy < 3; copy++) {
          objects[v][copy] = new String("value " + v);
        }
      }
      KnownEqual<String> known = new KnownEqual<>();
      for (int i = 0; i < 500; i++) {
        String a = objects[random.nextInt(3)][random.nextInt(3)];
        String b = objects[random.nextInt(3)][random.nextInt(3)];
        assertEquals(a.equals(b), known.same(a, b), "seed " + seed + " pick " + i + ": " + List.of(a, b));
      }
    }
  }
}
