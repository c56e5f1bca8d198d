package dev.basalt.core.derive.driver;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.basalt.core.codec.BinaryReader;
import dev.basalt.core.codec.BinaryWriter;
import dev.basalt.core.config.SystemConfig;
import dev.basalt.core.derive.L2BlockInfo;
import dev.basalt.core.derive.pipeline.PipelineCodec;
import dev.basalt.core.types.Address;
import dev.basalt.core.types.BlockId;
import dev.basalt.core.types.Bytes;
import dev.basalt.core.types.Hash32;
import dev.basalt.core.types.L2BlockRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The cache keeps what its rules say (a canonical block drops everything from its height up, a
 * fetched block with another hash too, past the capacity the lowest other block goes) and its
 * snapshot is the encoding of exactly those blocks in ascending order: checked against a plain
 * {@code TreeMap} model over many seeded sequences.
 */
class L2BlockCacheTest {
  @Test
  void snapshotsAndLookupsMatchAPlainModelOnSeededSequences() {
    for (int seed = 1; seed <= 40; seed++) {
      SplittableRandom random = new SplittableRandom(seed);
      L2BlockCache cache = new L2BlockCache();
      TreeMap<Long, L2BlockInfo> model = new TreeMap<>();
      long tip = 1000;
      List<L2BlockInfo> history = new ArrayList<>();
      for (int step = 0; step < 1500; step++) {
        int op = random.nextInt(100);
        String context = "seed " + seed + " step " + step + " op " + op;
        if (op < 45) {
          tip += random.nextInt(3) - (random.nextInt(10) == 0 ? 5 : 0);
          L2BlockInfo b = block(random, tip);
          cache.putCanonical(b);
          model.tailMap(b.ref().number(), true).clear();
          store(model, b);
        } else if (op < 85) {
          L2BlockInfo b = block(random, tip - random.nextInt(200));
          L2BlockInfo present = model.get(b.ref().number());
          if (!history.isEmpty() && random.nextInt(4) == 0) {
            // A block seen before (maybe cleared or evicted since), equal or with other transactions.
            L2BlockInfo seen = history.get(random.nextInt(history.size()));
            b = new L2BlockInfo(seen.ref(), seen.systemConfig(),
                random.nextBoolean() ? new ArrayList<>(seen.transactions()) : b.transactions());
          } else if (present != null && random.nextBoolean()) {
            // The same block again, as a new but equal value, or with the same reference but other contents.
            b = new L2BlockInfo(present.ref(), random.nextBoolean() ? present.systemConfig() : b.systemConfig(),
                random.nextBoolean() ? new ArrayList<>(present.transactions()) : b.transactions());
          }
          history.add(b);
          cache.putFetched(b);
          L2BlockInfo cached = model.get(b.ref().number());
          if (cached != null && !cached.ref().hash().equals(b.ref().hash())) {
            model.tailMap(b.ref().number(), true).clear();
          }
          store(model, b);
        } else if (op < 86) {
          if (random.nextInt(20) != 0) {
            continue; // clears are rare, so the cache fills up to its capacity
          }
          cache.clear();
          model.clear();
        } else if (op < 88) {
          BinaryWriter w = new BinaryWriter();
          cache.writeTo(w);
          cache = new L2BlockCache();
          cache.readFrom(new BinaryReader(w.toByteArray()));
        } else {
          assertArrayEquals(encode(model), snapshot(cache), context);
          for (long n = tip - 210; n <= tip + 2; n++) {
            assertEquals(Optional.ofNullable(model.get(n)), cache.blockByNumber(n), context + " number " + n);
          }
        }
        assertEquals(model.size(), cache.size(), context);
      }
      assertArrayEquals(encode(model), snapshot(cache), "seed " + seed);
    }
  }

  private static void store(TreeMap<Long, L2BlockInfo> model, L2BlockInfo b) {
    long number = b.ref().number();
    model.put(number, b);
    while (model.size() > L2BlockCache.CAPACITY) {
      model.remove(model.firstKey() == number ? model.lastKey() : model.firstKey());
    }
  }

  private static byte[] snapshot(L2BlockCache cache) {
    BinaryWriter w = new BinaryWriter();
    w.i64(7); // not at the start of the writer, as in a core's snapshot
    cache.writeTo(w);
    byte[] all = w.toByteArray();
    return java.util.Arrays.copyOfRange(all, 8, all.length);
  }

  private static byte[] encode(TreeMap<Long, L2BlockInfo> model) {
    BinaryWriter w = new BinaryWriter();
    w.i32(model.size());
    for (L2BlockInfo b : model.values()) {
      PipelineCodec.writeL2BlockInfo(w, b);
    }
    return w.toByteArray();
  }

  /** Block {@code number} in one of two versions (hashes), with a few transactions, now and then a large one. */
  private static L2BlockInfo block(SplittableRandom random, long number) {
    int version = random.nextInt(2);
    Hash32 hash = hash(number * 2 + version);
    L2BlockRef ref = new L2BlockRef(hash, number, hash(number * 2 - 2), number * 2, new BlockId(hash(-number), number / 6),
        number % 6);
    SystemConfig config = new SystemConfig(Address.fromHex("0x" + "ba".repeat(20)), Hash32.ZERO, hash(version),
        30_000_000 + version, 0, 0, 0, 0, 0, 0);
    List<Bytes> txs = new ArrayList<>();
    int count = random.nextInt(4);
    for (int i = 0; i < count; i++) {
      byte[] tx = new byte[random.nextInt(20) == 0 ? 70_000 : random.nextInt(1, 200)];
      tx[0] = (byte) version;
      tx[tx.length - 1] = (byte) number;
      txs.add(Bytes.of(tx));
    }
    return new L2BlockInfo(ref, config, txs);
  }

  private static Hash32 hash(long v) {
    return Hash32.fromHex("0x" + "00".repeat(24) + String.format("%016x", v));
  }
}
