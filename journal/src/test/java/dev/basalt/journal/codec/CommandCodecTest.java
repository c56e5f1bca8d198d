package dev.basalt.journal.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.basalt.core.command.Command;
import dev.basalt.testdata.gen.CommandGenerators;
import dev.basalt.testdata.gen.SimRng;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CommandCodecTest {
  private static final int VALUES_PER_TYPE = 2_000;
  private static final long MAX_SEEDS = 100_000;

  @Test
  void everyCommandTypeRoundTripsForManySeeds() {
    Map<Class<?>, Integer> counts = new LinkedHashMap<>();
    int types = Command.class.getPermittedSubclasses().length;
    long seed = 0;
    while (!allReached(counts, types) && seed < MAX_SEEDS) {
      Command command = CommandGenerators.any(new SimRng(seed));
      int n = counts.merge(command.getClass(), 1, Integer::sum);
      if (n <= VALUES_PER_TYPE) {
        CodecRoundTrip.assertRoundTrips(command, seed);
      }
      seed++;
    }
    assertEquals(types, counts.size(), "types seen: " + counts.keySet());
    counts.forEach((type, n) -> assertTrue(n >= VALUES_PER_TYPE, type + " only " + n));
  }

  @Test
  void tagsAreDistinctAndNamed() {
    Map<Integer, Class<?>> byTag = new LinkedHashMap<>();
    for (long seed = 0; byTag.size() < Command.class.getPermittedSubclasses().length; seed++) {
      Command command = CommandGenerators.any(new SimRng(seed));
      Class<?> previous = byTag.putIfAbsent(CommandCodec.tag(command), command.getClass());
      if (previous != null) {
        assertEquals(previous, command.getClass(), "tag " + CommandCodec.tag(command) + " shared");
      }
      assertEquals(command.getClass().getSimpleName(), CommandCodec.typeName(CommandCodec.tag(command)));
    }
  }

  private static boolean allReached(Map<Class<?>, Integer> counts, int types) {
    return counts.size() == types && counts.values().stream().allMatch(n -> n >= VALUES_PER_TYPE);
  }
}
