package dev.basalt.core.p2p;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.basalt.core.codec.BinaryReader;
import dev.basalt.core.codec.BinaryWriter;
import dev.basalt.core.types.Hash32;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * {@link SeenBlocks} evicts exactly the height a scan for the least recent last use would (ties to
 * the lower height), checked against such a scan on seeded touch sequences, across snapshot
 * round trips.
 */
class SeenBlocksTest {
  /** The model: heights and their last use, evicting by a full scan in height order. */
  private static final class ScanModel {
    final TreeMap<Long, Long> lastUse = new TreeMap<>();
    long counter;

    void touch(long number) {
      boolean added = !lastUse.containsKey(number);
      lastUse.put(number, ++counter);
      if (added && lastUse.size() > SeenBlocks.MAX_HEIGHTS) {
        long oldestKey = 0;
        long oldestUse = Long.MAX_VALUE;
        for (Map.Entry<Long, Long> e : lastUse.entrySet()) {
          if (e.getValue() < oldestUse) {
            oldestUse = e.getValue();
            oldestKey = e.getKey();
          }
        }
        lastUse.remove(oldestKey);
      }
    }
  }

  @Test
  void evictsTheHeightAFullScanWouldAcrossSnapshots() {
    for (long seed = 1; seed <= 20; seed++) {
      SplittableRandom rng = new SplittableRandom(seed);
      SeenBlocks seen = new SeenBlocks();
      ScanModel model = new ScanModel();
      long tip = 0;
      for (int step = 0; step < 6_000; step++) {
        // Mostly new heights near a moving tip, some revisits of old ones (as gossip does).
        long number = rng.nextInt(4) == 0 ? Math.max(0, tip - rng.nextInt(1_500)) : tip++;
        List<Hash32> hashes = seen.touch(number);
        if (hashes.isEmpty()) {
          seen.markSeen(hashes, Hash32.wrap(hashOf(number)));
        }
        model.touch(number);
        if (step % 1_000 == 999) {
          seen = roundTrip(seen);
        }
      }
      assertEquals(new ArrayList<>(model.lastUse.keySet()), heightsOf(seen), "seed " + seed);
      assertEquals(SeenBlocks.MAX_HEIGHTS, seen.heightCount());
    }
  }

  private static SeenBlocks roundTrip(SeenBlocks seen) {
    BinaryWriter w = new BinaryWriter();
    seen.writeTo(w);
    SeenBlocks restored = new SeenBlocks();
    restored.readFrom(new BinaryReader(w.toByteArray()));
    return restored;
  }

  /** The heights held, read back from a snapshot (sorted by height). */
  private static List<Long> heightsOf(SeenBlocks seen) {
    BinaryWriter w = new BinaryWriter();
    seen.writeTo(w);
    BinaryReader r = new BinaryReader(w.toByteArray());
    r.u63("counter");
    int n = r.count(SeenBlocks.MAX_HEIGHTS, "heights");
    List<Long> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(r.u63("height"));
      r.u63("last use");
      int k = r.count(64, "hashes");
      for (int j = 0; j < k; j++) {
        r.hash();
      }
    }
    return out;
  }

  private static byte[] hashOf(long number) {
    byte[] b = new byte[32];
    for (int i = 0; i < 8; i++) {
      b[31 - i] = (byte) (number >>> (8 * i));
    }
    return b;
  }
}
