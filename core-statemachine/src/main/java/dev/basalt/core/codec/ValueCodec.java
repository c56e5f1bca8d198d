package dev.basalt.core.codec;

import dev.basalt.core.CoreConfig;
import dev.basalt.core.SequencerConfig;
import dev.basalt.core.NodeMode;
import dev.basalt.core.SyncMode;
import dev.basalt.core.l1.InboxTransaction;
import dev.basalt.core.l1.IndexedBlobHash;
import dev.basalt.core.l1.L1Block;
import dev.basalt.core.types.BlockId;
import dev.basalt.core.types.Hash32;
import dev.basalt.core.types.Log;
import dev.basalt.core.types.ReceiptLog;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;
import dev.basalt.core.types.L1BlockRef;
import dev.basalt.core.types.L2BlockRef;

/** Binary forms of the core's composite value types, shared by journal codecs and snapshots. */
public final class ValueCodec {
  private static final NodeMode[] MODES = NodeMode.values();
  private static final SyncMode[] SYNC_MODES = SyncMode.values();

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

  /**
   * The current (fourth) form: the chain configs, node mode, sync mode, verifier confirmation depth
   * and the sequencer configuration with its op-conductor switch.
   */
  public static void write(BinaryWriter w, CoreConfig c) {
    ConfigCodec.write(w, c.rollup());
    ConfigCodec.write(w, c.l1());
    w.u8(c.mode().ordinal());
    w.u8(c.syncMode().ordinal());
    w.i64(c.verifierL1Confs());
    SequencerConfig s = c.sequencer();
    w.i64(s.l1Confs()).i64(s.sealingDurationMillis()).i64(s.maxSafeLag());
    w.bool(s.recoverMode()).bool(s.startStopped()).bool(s.keepAdminState()).bool(s.conductorEnabled());
  }

  /** Reads what {@link #write(BinaryWriter, CoreConfig)} writes. */
  public static CoreConfig readCoreConfig(BinaryReader r) {
    return readCoreConfigWithSequencer(r, true);
  }

  /** Reads the third form (no op-conductor switch), which journals written before op-conductor support hold. */
  public static CoreConfig readCoreConfigV3(BinaryReader r) {
    return readCoreConfigWithSequencer(r, false);
  }

  private static CoreConfig readCoreConfigWithSequencer(BinaryReader r, boolean withConductor) {
    var rollup = ConfigCodec.readRollupConfig(r);
    var l1 = ConfigCodec.readL1ChainConfig(r);
    NodeMode mode = r.enumValue(MODES, "node mode");
    SyncMode syncMode = r.enumValue(SYNC_MODES, "sync mode");
    long confs = r.u63("verifier L1 confirmations");
    long seqConfs = r.u63("sequencer L1 confirmations");
    long sealing = r.u63("sealing duration");
    long lag = r.u63("max safe lag");
    boolean recover = r.bool();
    boolean stopped = r.bool();
    boolean keep = r.bool();
    boolean conductor = withConductor && r.bool();
    return coreConfig(() -> new CoreConfig(rollup, l1, mode, syncMode, confs,
        new SequencerConfig(seqConfs, sealing, lag, recover, stopped, keep, conductor)));
  }

  /**
   * Reads the second form (no sequencer configuration), which journals written before the
   * sequencer existed hold: the sequencer's defaults, which a validator ignores.
   */
  public static CoreConfig readCoreConfigV2(BinaryReader r) {
    var rollup = ConfigCodec.readRollupConfig(r);
    var l1 = ConfigCodec.readL1ChainConfig(r);
    NodeMode mode = r.enumValue(MODES, "node mode");
    SyncMode syncMode = r.enumValue(SYNC_MODES, "sync mode");
    long confs = r.u63("verifier L1 confirmations");
    return coreConfig(() -> new CoreConfig(rollup, l1, mode, syncMode, confs));
  }

  /**
   * Reads the first form (chain configs and node mode only), which journals written before the
   * sync mode existed hold: consensus-layer sync without confirmation depth, as those nodes ran.
   */
  public static CoreConfig readCoreConfigV1(BinaryReader r) {
    var rollup = ConfigCodec.readRollupConfig(r);
    var l1 = ConfigCodec.readL1ChainConfig(r);
    NodeMode mode = r.enumValue(MODES, "node mode");
    return coreConfig(() -> new CoreConfig(rollup, l1, mode));
  }

  private static CoreConfig coreConfig(Supplier<CoreConfig> make) {
    try {
      return make.get();
    } catch (IllegalArgumentException e) {
      throw new DecodeException("bad core config: " + e.getMessage());
    }
  }

  /** Upper bounds on list sizes in decoded L1 blocks: far above anything L1 can hold. */
  private static final int MAX_INBOX_TXS = 100_000;

  private static final int MAX_LOGS = 1_000_000;
  private static final int MAX_UINT256_BYTES = 32;

  public static void write(BinaryWriter w, L1Block b) {
    write(w, b.ref());
    writeUint256(w, b.baseFeePerGas());
    w.hash(b.mixHash());
    w.bool(b.excessBlobGas().isPresent());
    if (b.excessBlobGas().isPresent()) {
      w.i64(b.excessBlobGas().getAsLong());
    }
    w.bool(b.parentBeaconBlockRoot().isPresent());
    b.parentBeaconBlockRoot().ifPresent(w::hash);
    w.i32(b.inboxTransactions().size());
    for (InboxTransaction tx : b.inboxTransactions()) {
      w.i32(tx.txIndex()).bytes(tx.envelope()).i32(tx.firstBlobIndex());
    }
    w.i32(b.logs().size());
    for (ReceiptLog l : b.logs()) {
      w.i64(l.logIndex()).bool(l.receiptSucceeded());
      write(w, l.log());
    }
  }

  public static L1Block readL1Block(BinaryReader r) {
    var ref = readL1BlockRef(r);
    BigInteger baseFee = readUint256(r);
    Hash32 mixHash = r.hash();
    OptionalLong excessBlobGas = r.bool() ? OptionalLong.of(r.i64()) : OptionalLong.empty();
    Optional<Hash32> beaconRoot = r.bool() ? Optional.of(r.hash()) : Optional.empty();
    int txCount = r.count(MAX_INBOX_TXS, "inbox transactions");
    List<InboxTransaction> txs = new ArrayList<>(Math.min(txCount, 1024));
    for (int i = 0; i < txCount; i++) {
      txs.add(new InboxTransaction(r.count(Integer.MAX_VALUE, "tx index"), r.bytes(), r.count(Integer.MAX_VALUE, "blob index")));
    }
    int logCount = r.count(MAX_LOGS, "logs");
    List<ReceiptLog> logs = new ArrayList<>(Math.min(logCount, 1024));
    for (int i = 0; i < logCount; i++) {
      long logIndex = r.u63("log index");
      boolean succeeded = r.bool();
      logs.add(new ReceiptLog(readLog(r), logIndex, succeeded));
    }
    return new L1Block(ref, baseFee, mixHash, excessBlobGas, beaconRoot, txs, logs);
  }

  public static void write(BinaryWriter w, Log log) {
    w.address(log.address()).u8(log.topics().size());
    for (Hash32 topic : log.topics()) {
      w.hash(topic);
    }
    w.bytes(log.data());
  }

  public static Log readLog(BinaryReader r) {
    var address = r.address();
    int topicCount = r.u8();
    if (topicCount > 4) {
      throw new DecodeException("log with " + topicCount + " topics");
    }
    List<Hash32> topics = new ArrayList<>(topicCount);
    for (int i = 0; i < topicCount; i++) {
      topics.add(r.hash());
    }
    return new Log(address, topics, r.bytes());
  }

  public static void write(BinaryWriter w, IndexedBlobHash h) {
    w.i32(h.index()).hash(h.versionedHash());
  }

  public static IndexedBlobHash readIndexedBlobHash(BinaryReader r) {
    return new IndexedBlobHash(r.count(Integer.MAX_VALUE, "blob index"), r.hash());
  }

  /** A uint256 as a length-prefixed minimal big-endian magnitude. */
  public static void writeUint256(BinaryWriter w, BigInteger v) {
    if (v.signum() < 0 || v.bitLength() > 256) {
      throw new IllegalArgumentException("not a uint256: " + v);
    }
    byte[] b = v.signum() == 0 ? new byte[0] : v.toByteArray();
    int skip = b.length > 0 && b[0] == 0 ? 1 : 0;
    w.u8(b.length - skip).raw(b, skip, b.length - skip);
  }

  public static BigInteger readUint256(BinaryReader r) {
    int n = r.u8();
    if (n > MAX_UINT256_BYTES) {
      throw new DecodeException("uint256 of " + n + " bytes");
    }
    byte[] b = new byte[n];
    for (int i = 0; i < n; i++) {
      b[i] = (byte) r.u8();
    }
    return new BigInteger(1, b);
  }
}
