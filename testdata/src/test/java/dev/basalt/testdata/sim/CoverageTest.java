package dev.basalt.testdata.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** {@link Coverage}'s counts against a sorted map merged at every mark (what it kept before). */
class CoverageTest {
  @Test
  void marksCountWhatASortedMergeCounts() {
    for (long seed = 1; seed <= 20; seed++) {
      SplittableRandom random = new SplittableRandom(seed);
      Coverage coverage = new Coverage();
      TreeMap<String, Integer> model = new TreeMap<>();
      for (int i = 0; i < 5000; i++) {
        String name = random.nextInt(4) == 0 ? Coverage.REQUIRED[random.nextInt(Coverage.REQUIRED.length)]
            : "mark " + random.nextInt(1 + (int) seed * 3); // fresh strings each time: equal by value, not identity
        coverage.mark(name);
        model.merge(name, 1, Integer::sum);
        if (random.nextInt(500) == 0) {
          assertEquals(model, coverage.marks(), "seed " + seed + " after " + i);
        }
      }
      assertEquals(model, coverage.marks(), "seed " + seed);
      assertEquals(model.keySet().stream().toList(), coverage.marks().keySet().stream().toList(), "sorted by name");
    }
  }
}
