package dev.basalt.core.codec;

import dev.basalt.core.CoreConfig;
import dev.basalt.core.NodeMode;
import dev.basalt.core.types.BlockId;
import dev.basalt.core.types.L1BlockRef;
import dev.basalt.core.types.L2BlockRef;

/** Binary forms of the core's composite value types, shared by journal codecs and snapshots. */
public final class ValueCodec {
  private static final NodeMode[] MODES = NodeMode.values();

  private ValueCodec() {}

  public static void write(BinaryWriter w, BlockId id) {
    w.hash(id.hash()).i64(id.number());
  }

  public static BlockId readBlockId(BinaryReader r) {
    return new BlockId(r.hash(), r.u63("block number"));
  }

  public static void write(BinaryWriter w, L1BlockRef ref) {
    w.hash(ref.hash()).i64(ref.number()).hash(ref.parentHash()).i64(ref.timestamp());
  }

  public static L1BlockRef readL1BlockRef(BinaryReader r) {
    return new L1BlockRef(r.hash(), r.u63("block number"), r.hash(), r.u63("timestamp"));
  }

  public static void write(BinaryWriter w, L2BlockRef ref) {
    w.hash(ref.hash()).i64(ref.number()).hash(ref.parentHash()).i64(ref.timestamp());
    write(w, ref.l1Origin());
    w.i64(ref.sequenceNumber());
  }

  public static L2BlockRef readL2BlockRef(BinaryReader r) {
    return new L2BlockRef(
        r.hash(), r.u63("block number"), r.hash(), r.u63("timestamp"), readBlockId(r), r.u63("sequence number"));
  }

  public static void write(BinaryWriter w, CoreConfig c) {
    w.i64(c.l1ChainId()).i64(c.l2ChainId()).i64(c.blockTimeSeconds()).u8(c.mode().ordinal());
  }

  public static CoreConfig readCoreConfig(BinaryReader r) {
    long l1 = r.i64();
    long l2 = r.i64();
    long blockTime = r.i64();
    NodeMode mode = r.enumValue(MODES, "node mode");
    try {
      return new CoreConfig(l1, l2, blockTime, mode);
    } catch (IllegalArgumentException e) {
      throw new DecodeException("bad core config: " + e.getMessage());
    }
  }
}
