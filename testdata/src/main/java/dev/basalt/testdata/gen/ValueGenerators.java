package dev.basalt.testdata.gen;

import dev.basalt.core.CoreConfig;
import dev.basalt.core.config.L1ChainConfig;
import dev.basalt.core.config.RollupConfig;
import dev.basalt.core.NodeMode;
import dev.basalt.core.SyncMode;
import dev.basalt.core.heads.SyncStatus;
import dev.basalt.core.types.Address;
import dev.basalt.core.types.BlockId;
import dev.basalt.core.types.Bytes;
import dev.basalt.core.types.Hash32;
import dev.basalt.core.types.L1BlockRef;
import dev.basalt.core.types.L2BlockRef;
import java.util.Arrays;

/**
 * Random protocol values drawn from a {@link SimRng}, biased towards edge cases: zero hashes and
 * refs, 0 and {@code Long.MAX_VALUE} where a type allows them, empty and large byte strings, and
 * strings mixing ASCII with multi-byte and supplementary-plane characters.
 */
public final class ValueGenerators {
  /** Largest byte string {@link #bytes(SimRng)} produces (a large gossip payload). */
  public static final int LARGE_BYTES_MAX = 128 * 1024;

  private static final String[] SAMPLE_STRINGS = {
    "", "a", "timeout", "connection reset by peer", "ünïcödé", "日本語のテキスト", "🦀🚀 emoji",
    "nul\u0000inside",
  };

  private ValueGenerators() {}

  /** Any long: edge values (0, ±1, MIN, MAX) one time in four, otherwise uniform. */
  public static long anyLong(SimRng rng) {
    if (rng.chance(1, 4)) {
      return rng.pick(0L, 1L, -1L, Long.MIN_VALUE, Long.MAX_VALUE);
    }
    return rng.nextLong();
  }

  /** A non-negative long (block numbers, timestamps): 0, 1 and MAX often, else small or uniform. */
  public static long u63(SimRng rng) {
    int roll = rng.nextInt(8);
    return switch (roll) {
      case 0 -> 0L;
      case 1 -> Long.MAX_VALUE;
      case 2 -> 1L;
      case 3, 4 -> rng.nextLong(1_000_000L);
      default -> rng.nextLong() >>> 1;
    };
  }

  /** Any int, with edge values one time in four. */
  public static int anyInt(SimRng rng) {
    if (rng.chance(1, 4)) {
      return rng.pick(0, 1, -1, Integer.MIN_VALUE, Integer.MAX_VALUE);
    }
    return (int) rng.nextLong();
  }

  /** A hash: zero or all-ones sometimes, otherwise random. */
  public static Hash32 hash(SimRng rng) {
    int roll = rng.nextInt(10);
    if (roll == 0) {
      return Hash32.ZERO;
    }
    if (roll == 1) {
      byte[] ones = new byte[Hash32.LENGTH];
      Arrays.fill(ones, (byte) 0xff);
      return Hash32.wrap(ones);
    }
    return Hash32.wrap(rng.bytes(Hash32.LENGTH));
  }

  public static Address address(SimRng rng) {
    return rng.chance(1, 10) ? Address.ZERO : Address.wrap(rng.bytes(Address.LENGTH));
  }

  /** A byte string up to {@link #LARGE_BYTES_MAX}: often empty or tiny, rarely large. */
  public static Bytes bytes(SimRng rng) {
    int roll = rng.nextInt(100);
    int length;
    if (roll < 10) {
      length = 0;
    } else if (roll < 70) {
      length = 1 + rng.nextInt(64);
    } else if (roll < 95) {
      length = 65 + rng.nextInt(4096);
    } else {
      length = rng.chance(1, 4) ? LARGE_BYTES_MAX : 4096 + rng.nextInt(LARGE_BYTES_MAX - 4096);
    }
    return bytes(rng, length);
  }

  /** Exactly {@code length} random bytes. */
  public static Bytes bytes(SimRng rng, int length) {
    return Bytes.wrapOwned(rng.bytes(length));
  }

  /**
   * A string of valid Unicode (no lone surrogates, so it survives UTF-8 round trips): a fixed
   * sample or random code points from ASCII, Latin, CJK and the supplementary planes.
   */
  public static String string(SimRng rng) {
    if (rng.chance(1, 3)) {
      return rng.pick(SAMPLE_STRINGS);
    }
    int codePoints = rng.chance(1, 20) ? rng.nextInt(2000) : rng.nextInt(40);
    StringBuilder sb = new StringBuilder(codePoints * 2);
    for (int i = 0; i < codePoints; i++) {
      sb.appendCodePoint(codePoint(rng));
    }
    return sb.toString();
  }

  private static int codePoint(SimRng rng) {
    return switch (rng.nextInt(5)) {
      case 0, 1 -> 0x20 + rng.nextInt(0x5f);
      case 2 -> 0xa0 + rng.nextInt(0x2000 - 0xa0);
      case 3 -> 0x4e00 + rng.nextInt(0x5000);
      // Supplementary planes: encoded as surrogate pairs in Java, 4 bytes in UTF-8.
      default -> 0x10000 + rng.nextInt(0x10ffff - 0x10000 + 1);
    };
  }

  public static BlockId blockId(SimRng rng) {
    return rng.chance(1, 10) ? BlockId.ZERO : new BlockId(hash(rng), u63(rng));
  }

  public static L1BlockRef l1BlockRef(SimRng rng) {
    if (rng.chance(1, 10)) {
      return L1BlockRef.ZERO;
    }
    return new L1BlockRef(hash(rng), u63(rng), hash(rng), u63(rng));
  }

  public static L2BlockRef l2BlockRef(SimRng rng) {
    if (rng.chance(1, 10)) {
      return L2BlockRef.ZERO;
    }
    return new L2BlockRef(hash(rng), u63(rng), hash(rng), u63(rng), blockId(rng), u63(rng));
  }

  public static CoreConfig coreConfig(SimRng rng) {
    ConfigGen gen = new ConfigGen(rng);
    L1ChainConfig l1 = gen.l1ChainConfig();
    RollupConfig rollup = gen.rollupConfig(l1.chainId());
    return new CoreConfig(rollup, l1, rng.pick(NodeMode.values()), rng.pick(SyncMode.values()),
        rng.nextInt((int) CoreConfig.MAX_VERIFIER_L1_CONFS + 1),
        new dev.basalt.core.SequencerConfig(rng.nextInt((int) CoreConfig.MAX_VERIFIER_L1_CONFS + 1), rng.nextInt(60_001),
            u63(rng), rng.nextBoolean(), rng.nextBoolean(), rng.nextBoolean(), rng.nextBoolean()));
  }

  public static SyncStatus syncStatus(SimRng rng) {
    if (rng.chance(1, 10)) {
      return SyncStatus.EMPTY;
    }
    return new SyncStatus(
        l1BlockRef(rng),
        l1BlockRef(rng),
        l1BlockRef(rng),
        l1BlockRef(rng),
        l2BlockRef(rng),
        l2BlockRef(rng),
        l2BlockRef(rng),
        l2BlockRef(rng),
        l2BlockRef(rng));
  }

  /** An L1 block with a few inbox transactions and logs (contents are random bytes, not valid txs). */
  public static dev.basalt.core.l1.L1Block l1Block(SimRng rng) {
    java.util.List<dev.basalt.core.l1.InboxTransaction> txs = new java.util.ArrayList<>();
    for (int i = rng.nextInt(3); i > 0; i--) {
      txs.add(new dev.basalt.core.l1.InboxTransaction(rng.nextInt(500), bytes(rng), rng.nextInt(20)));
    }
    java.util.List<dev.basalt.core.types.ReceiptLog> logs = new java.util.ArrayList<>();
    for (int i = rng.nextInt(3); i > 0; i--) {
      logs.add(new dev.basalt.core.types.ReceiptLog(log(rng), u63(rng), rng.nextBoolean()));
    }
    return new dev.basalt.core.l1.L1Block(
        l1BlockRef(rng),
        new java.math.BigInteger(rng.nextInt(257), new java.util.Random(rng.nextLong())),
        hash(rng),
        rng.nextBoolean() ? java.util.OptionalLong.of(u63(rng)) : java.util.OptionalLong.empty(),
        rng.nextBoolean() ? java.util.Optional.of(hash(rng)) : java.util.Optional.empty(),
        txs,
        logs);
  }

  public static dev.basalt.core.types.Log log(SimRng rng) {
    java.util.List<Hash32> topics = new java.util.ArrayList<>();
    for (int i = rng.nextInt(5); i > 0; i--) {
      topics.add(hash(rng));
    }
    return new dev.basalt.core.types.Log(address(rng), topics, bytes(rng));
  }

  public static dev.basalt.core.l1.IndexedBlobHash indexedBlobHash(SimRng rng) {
    return new dev.basalt.core.l1.IndexedBlobHash(rng.nextInt(64), hash(rng));
  }
}
