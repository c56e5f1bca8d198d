package dev.basalt.core.trie;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.basalt.core.types.Bytes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The in-place trie encoder gives the reference encoder's root on many seeded key sets. */
class PatriciaTrieReferenceTest {
  private static Bytes value(SplittableRandom random) {
    int length = switch (random.nextInt(6)) {
      case 0 -> 1;
      case 1 -> 2 + random.nextInt(30);
      case 2 -> 30 + random.nextInt(30); // around the 56-byte long-header boundary
      case 3 -> 200 + random.nextInt(100); // two length bytes
      case 4 -> 60_000 + random.nextInt(10_000); // three length bytes
      default -> 1 + random.nextInt(120);
    };
    byte[] v = new byte[length];
    random.nextBytes(v);
    if (length == 1 && random.nextBoolean()) {
      v[0] &= 0x7f; // a single byte encoded as itself
    }
    return Bytes.wrapOwned(v);
  }

  @Test
  void randomKeySetsWithSharedPrefixesAndBranchValues() {
    SplittableRandom random = new SplittableRandom(11);
    for (int round = 0; round < 400; round++) {
      int n = 1 + random.nextInt(round % 10 == 0 ? 200 : 12);
      int alphabet = 1 + random.nextInt(4); // few distinct bytes: long shared prefixes, keys that prefix others
      Set<Bytes> seen = new HashSet<>();
      List<PatriciaTrie.Entry> entries = new ArrayList<>();
      for (int attempt = 0; entries.size() < n && attempt < 50 * n; attempt++) {
        byte[] key = new byte[random.nextInt(6)];
        for (int i = 0; i < key.length; i++) {
          key[i] = (byte) (random.nextInt(alphabet) * (random.nextBoolean() ? 0x11 : 0x10));
        }
        if (seen.add(Bytes.of(key))) {
          entries.add(new PatriciaTrie.Entry(Bytes.of(key), value(random)));
        }
      }
      assertEquals(ReferencePatriciaTrie.root(entries), PatriciaTrie.root(entries), "round " + round);
    }
  }

  @Test
  void orderedListsOfEverySizeUpTo300() {
    SplittableRandom random = new SplittableRandom(12);
    List<Bytes> values = new ArrayList<>();
    for (int n = 0; n <= 300; n++) {
      List<PatriciaTrie.Entry> entries = new ArrayList<>();
      for (int i = 0; i < values.size(); i++) {
        entries.add(new PatriciaTrie.Entry(OrderedTrie.indexKey(i), values.get(i)));
      }
      assertEquals(ReferencePatriciaTrie.root(entries), OrderedTrie.root(values), "size " + n);
      values.add(value(random));
    }
  }
}
