package dev.basalt.core.collect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The map answers what a {@code TreeMap<Long, V>} answers, over many seeded sequences of operations. */
class SortedLongMapTest {
  @Test
  void answersAsATreeMapOnSeededOperations() {
    for (int seed = 1; seed <= 200; seed++) {
      SplittableRandom random = new SplittableRandom(seed);
      TreeMap<Long, String> expected = new TreeMap<>();
      SortedLongMap<String> map = new SortedLongMap<>(random.nextInt(1, 10));
      long next = random.nextLong(-50, 50);
      int span = random.nextInt(4, 200);
      for (int step = 0; step < 2000; step++) {
        int op = random.nextInt(100);
        long key = random.nextInt(4) == 0 ? next - random.nextInt(span) : next + random.nextInt(3) - 1;
        String context = "seed " + seed + " step " + step + " op " + op + " key " + key;
        if (op < 40) {
          next++;
          String value = "v" + step;
          assertEquals(expected.put(key, value), map.put(key, value), context);
        } else if (op < 60) {
          assertEquals(expected.remove(key), map.remove(key), context);
        } else if (op < 70 && !expected.isEmpty()) {
          assertEquals(expected.firstKey(), map.firstKey(), context);
          assertEquals(expected.lastKey(), map.lastKey(), context);
          long lowest = expected.firstKey();
          expected.remove(lowest);
          map.removeAt(0);
        } else if (op < 74) {
          expected.tailMap(key, true).clear();
          map.removeFrom(key);
        } else if (op < 78) {
          expected.headMap(key, false).clear();
          map.removeBelow(key);
        } else if (op < 79) {
          expected.clear();
          map.clear();
        } else if (op < 82 && !expected.isEmpty()) {
          int index = random.nextInt(expected.size());
          long k = new ArrayList<>(expected.keySet()).get(index);
          expected.put(k, "set" + step);
          map.setValueAt(index, "set" + step);
        } else if (op < 86 && !expected.isEmpty()) {
          int index = random.nextInt(expected.size());
          expected.remove(new ArrayList<>(expected.keySet()).get(index));
          map.removeAt(index);
        } else {
          assertEquals(expected.get(key), map.get(key), context);
          assertEquals(expected.headMap(key, false).size(), map.countBelow(key), context);
        }
        assertSame(expected, map, context);
      }
    }
  }

  @Test
  void anEmptyMapHasNoFirstOrLastKeyAndRefusesNullValues() {
    SortedLongMap<String> map = new SortedLongMap<>();
    assertThrows(NoSuchElementException.class, map::firstKey);
    assertThrows(NoSuchElementException.class, map::lastKey);
    assertThrows(NullPointerException.class, () -> map.put(1, null));
    assertThrows(IndexOutOfBoundsException.class, () -> map.valueAt(0));
  }

  private static void assertSame(TreeMap<Long, String> expected, SortedLongMap<String> map, String context) {
    assertEquals(expected.size(), map.size(), context);
    List<Long> keys = new ArrayList<>();
    List<String> values = new ArrayList<>();
    for (int i = 0; i < map.size(); i++) {
      keys.add(map.keyAt(i));
      values.add(map.valueAt(i));
    }
    assertEquals(new ArrayList<>(expected.keySet()), keys, context);
    assertEquals(new ArrayList<>(expected.values()), values, context);
    for (Map.Entry<Long, String> e : expected.entrySet()) {
      assertEquals(e.getValue(), map.get(e.getKey()), context);
    }
  }
}
