package dev.basalt.testdata.world.trie;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.basalt.core.trie.OrderedTrie;
import dev.basalt.core.types.Bytes;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The laid-out roots against the general trie, on seeded lists of every short length and value shape. */
class OrderedRootsTest {
  @Test
  void equalsTheGeneralTrieOnSeededListsWithAndWithoutTheMemo() {
    Random rng = new Random(20250607);
    List<Bytes> pool = new ArrayList<>(); // values seen before, so the memo hits (same and other positions)
    for (int round = 0; round < 6000; round++) {
      int n = round < 260 ? round % 130 : rng.nextInt(rng.nextBoolean() ? 6 : 131);
      List<Bytes> values = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        Bytes v = !pool.isEmpty() && rng.nextInt(3) == 0 ? pool.get(rng.nextInt(pool.size())) : value(rng);
        values.add(v);
        if (pool.size() < 400) {
          pool.add(v);
        } else {
          pool.set(rng.nextInt(pool.size()), v);
        }
      }
      String what = "round " + round + " n " + n;
      assertEquals(OrderedTrie.root(values), OrderedRoots.root(values), what);
      assertEquals(OrderedTrie.root(values), OrderedRoots.root(values, true), what);
      assertEquals(OrderedTrie.root(values), OrderedRoots.root(values, true), what + " (again, from the memo)");
    }
  }

  @Test
  void aValueEqualInContentButChangedInOneByteIsNotTakenFromTheMemo() {
    Random rng = new Random(7);
    for (int round = 0; round < 500; round++) {
      byte[] raw = new byte[32 + rng.nextInt(300)];
      rng.nextBytes(raw);
      List<Bytes> values = List.of(Bytes.of(raw), Bytes.of(raw), Bytes.of(raw));
      assertEquals(OrderedTrie.root(values), OrderedRoots.root(values, true));
      raw[rng.nextInt(raw.length)] ^= (byte) (1 + rng.nextInt(255));
      List<Bytes> changed = List.of(Bytes.of(raw), values.get(1), Bytes.of(raw));
      assertEquals(OrderedTrie.root(changed), OrderedRoots.root(changed, true));
    }
  }

  /**
   * Values whose hash codes are equal (a shared prefix, then two bytes x, y with 31x + y fixed) all
   * land in one pair of memo slots: three or four of them in turns exercise the swap of the pair
   * and the eviction of its older entry.
   */
  @Test
  void valuesCollidingInTheMemoEvictAndSwapWithoutChangingARoot() {
    Random rng = new Random(99);
    byte[] prefix = new byte[40 + rng.nextInt(250)];
    rng.nextBytes(prefix);
    List<Bytes> colliding = new ArrayList<>();
    for (int x = 0; x <= 3; x++) {
      byte[] raw = java.util.Arrays.copyOf(prefix, prefix.length + 2);
      raw[prefix.length] = (byte) x;
      raw[prefix.length + 1] = (byte) (93 - 31 * x);
      colliding.add(Bytes.of(raw));
    }
    assertEquals(colliding.get(0).hashCode(), colliding.get(3).hashCode());
    for (int round = 0; round < 3000; round++) {
      int n = 1 + rng.nextInt(5);
      List<Bytes> values = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        values.add(colliding.get(rng.nextInt(colliding.size())));
      }
      assertEquals(OrderedTrie.root(values), OrderedRoots.root(values, true), "round " + round);
    }
  }

  @Test
  void emptyValuesAreRefusedAsTheTrieRefusesThem() {
    List<Bytes> values = List.of(Bytes.of(new byte[] {1}), Bytes.EMPTY);
    assertThrows(IllegalArgumentException.class, () -> OrderedTrie.root(values));
    assertThrows(IllegalArgumentException.class, () -> OrderedRoots.root(values, true));
    assertEquals(OrderedTrie.EMPTY_ROOT, OrderedRoots.root(List.of()));
  }

  /** Lengths around the embedding edge (leaves under 32 bytes are embedded), single bytes below and above 0x80, long values. */
  private static Bytes value(Random rng) {
    int kind = rng.nextInt(6);
    int length = switch (kind) {
      case 0 -> 1;
      case 1 -> 1 + rng.nextInt(8);
      case 2 -> 24 + rng.nextInt(16);
      case 3 -> 50 + rng.nextInt(12);
      case 4 -> 250 + rng.nextInt(40);
      default -> 1 + rng.nextInt(2000);
    };
    byte[] raw = new byte[length];
    rng.nextBytes(raw);
    return Bytes.of(raw);
  }
}
