package dev.basalt.core.derive.pipeline.l1;

import dev.basalt.core.codec.BinaryReader;
import dev.basalt.core.codec.BinaryWriter;
import dev.basalt.core.codec.ConfigCodec;
import dev.basalt.core.codec.ValueCodec;
import dev.basalt.core.config.RollupConfig;
import dev.basalt.core.config.SystemConfig;
import dev.basalt.core.derive.pipeline.L1BlockCache;
import dev.basalt.core.derive.pipeline.Pull;
import dev.basalt.core.derive.pipeline.StageState;
import dev.basalt.core.derive.pipeline.StepResult;
import dev.basalt.core.heads.Refs;
import dev.basalt.core.l1.L1Block;
import dev.basalt.core.state.StateVisitor;
import dev.basalt.core.sysconfig.SystemConfigUpdater;
import dev.basalt.core.types.Bytes;
import dev.basalt.core.types.L1BlockRef;

/**
 * op-node's {@code L1Traversal}: the pipeline's current L1 origin. It hands its block to retrieval
 * once, and advances only when every later stage has run dry. Advancing applies the new block's
 * {@code ConfigUpdate} logs to the system config retrieval filters batcher transactions with.
 */
public final class L1Traversal implements StageState {
  private final RollupConfig config;
  private final L1BlockCache blocks;
  private L1BlockRef block = L1BlockRef.ZERO;
  private boolean done;
  private SystemConfig systemConfig;

  public L1Traversal(RollupConfig config, L1BlockCache blocks) {
    this.config = config;
    this.blocks = blocks;
    this.systemConfig = config.genesis().systemConfig();
  }

  public L1BlockRef origin() {
    return block;
  }

  public SystemConfig systemConfig() {
    return systemConfig;
  }

  /** The current block, once; afterwards {@link Pull.Eof} until the traversal advances. */
  public Pull<L1BlockRef> nextL1Block() {
    if (done) {
      return Pull.eof();
    }
    done = true;
    return Pull.value(block);
  }

  /**
   * Moves to the next L1 block. Not cached yet: {@link StepResult.Idle} (nothing to derive until
   * it arrives). A block that does not build on the origin is an L1 reorg: {@link
   * StepResult.Reset}, never a silent continuation.
   */
  public Pull<L1BlockRef> advance() {
    long nextNumber = block.number() + 1;
    L1Block next = blocks.get(nextNumber);
    if (next == null) {
      return Pull.halt(new StepResult.Idle(block));
    }
    if (!next.ref().parentHash().equals(block.hash())) {
      return Pull.reset("L1 reorg: block " + next.ref() + " has parent " + next.ref().parentHash() + ", origin is " + block);
    }
    // Only the new block's own logs count, with the fee-scalar semantics of its own timestamp
    // (op-node UpdateSystemConfigWithL1Receipts at nextL1Origin.Time); malformed updates are skipped.
    systemConfig = SystemConfigUpdater.apply(systemConfig, next.logs(), config, next.ref().timestamp()).config();
    block = next.ref();
    done = false;
    return Pull.value(block);
  }

  /** Starts over at {@code base} with the system config of the L2 block derived from it. */
  public void reset(L1BlockRef base, SystemConfig baseConfig) {
    block = base;
    done = false;
    systemConfig = baseConfig;
  }

  @Override
  public void writeTo(BinaryWriter w) {
    ValueCodec.write(w, block);
    w.bool(done);
    ConfigCodec.write(w, systemConfig);
  }

  @Override
  public void readFrom(BinaryReader r) {
    block = ValueCodec.readL1BlockRef(r);
    done = r.bool();
    systemConfig = ConfigCodec.readSystemConfig(r);
  }

  @Override
  public void describeTo(StateVisitor v) {
    Refs.describe(v, "origin", block);
    v.value("done", done);
    BinaryWriter encoded = new BinaryWriter();
    ConfigCodec.write(encoded, systemConfig);
    v.value("systemConfig", Bytes.of(encoded.buffer(), 0, encoded.size()));
  }
}
