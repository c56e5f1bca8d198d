package dev.basalt.core.derive.pipeline;

import dev.basalt.core.codec.BinaryReader;
import dev.basalt.core.codec.BinaryWriter;
import dev.basalt.core.codec.DecodeException;
import dev.basalt.core.codec.ValueCodec;
import dev.basalt.core.config.Fork;
import dev.basalt.core.config.RollupConfig;
import dev.basalt.core.config.SystemConfig;
import dev.basalt.core.derive.AttributesPreparer;
import dev.basalt.core.derive.AttributesWithParent;
import dev.basalt.core.derive.L2BlockInfo;
import dev.basalt.core.derive.L2ChainView;
import dev.basalt.core.derive.pipeline.attributes.AttributesQueue;
import dev.basalt.core.derive.pipeline.batches.BatchMux;
import dev.basalt.core.derive.pipeline.channels.ChannelMemo;
import dev.basalt.core.derive.pipeline.channels.ChannelMux;
import dev.basalt.core.derive.pipeline.channels.ChannelReader;
import dev.basalt.core.derive.pipeline.frames.FrameQueue;
import dev.basalt.core.derive.pipeline.l1.L1Retrieval;
import dev.basalt.core.derive.pipeline.l1.L1Traversal;
import dev.basalt.core.heads.Refs;
import dev.basalt.core.l1.L1Block;
import dev.basalt.core.state.StateVisitor;
import dev.basalt.core.tx.SenderMemo;
import dev.basalt.core.types.Bytes;
import dev.basalt.core.types.L1BlockRef;
import java.util.List;
import java.util.Objects;

/**
 * The derivation pipeline (op-node {@code DerivationPipeline}): L1 blocks in, payload attributes
 * out, one block at a time in lockstep with the engine. Pull-based and bounded: each {@link
 * #step()} does at most a fixed amount of work and says what it achieved or what it needs, as a
 * {@link StepResult}; data arrives through {@link #addL1Block} and {@link #addBlobs}, and the L2
 * chain is read from the {@link L2ChainView}.
 *
 * <p>Lifecycle: {@link #reset} with the safe head (walks back to where L1 must be re-read), then
 * {@link #step()} until {@link StepResult.Derived}; after the engine processed those attributes,
 * {@link #confirmSafeHead} with the block that became safe (or with the old safe head, when the
 * attributes were dropped), and {@link #flushChannel} when Holocene's invalid-payload rule
 * replaced the block by a deposits-only one. A {@link StepResult.Reset} or {@link
 * StepResult.Critical} is repeated until the next {@link #reset}.
 */
public final class DerivationPipeline implements StageState {
  /** Snapshot layout version. */
  public static final int SNAPSHOT_VERSION = 1;

  /** Stage pulls per {@link #step()} call before it returns {@link StepResult.Progress}. */
  public static final int DEFAULT_STEP_BUDGET = 256;

  private enum Mode { UNINITIALIZED, RESETTING, DERIVING, FAILED }

  private final RollupConfig config;
  private final L2ChainView l2;
  private final int stepBudget;
  private final L1BlockCache blocks;
  private final L1Traversal traversal;
  private final L1Retrieval retrieval;
  private final FrameQueue frameQueue;
  private final ChannelMux channelMux;
  private final ChannelReader channelReader;
  private final BatchMux batchMux;
  private final AttributesQueue attributesQueue;

  private Mode mode = Mode.UNINITIALIZED;
  private PipelineReset resetWalk;
  private StepResult failure;
  private L2BlockInfo safeHead;
  private AttributesWithParent pending;
  /** The origin the stages were last seen at, to notice the Holocene activation. */
  private L1BlockRef origin = L1BlockRef.ZERO;

  public DerivationPipeline(RollupConfig config, AttributesPreparer preparer, L2ChainView l2, DropListener drops) {
    this(config, preparer, l2, drops, DEFAULT_STEP_BUDGET);
  }

  public DerivationPipeline(
      RollupConfig config, AttributesPreparer preparer, L2ChainView l2, DropListener drops, int stepBudget) {
    this(config, preparer, l2, drops, stepBudget, new SenderMemo());
  }

  /**
   * As above, recovering batcher-tx senders through {@code senders}, which may outlive this
   * pipeline (the driver keeps one across restarts of derivation; it never changes an answer).
   */
  public DerivationPipeline(
      RollupConfig config, AttributesPreparer preparer, L2ChainView l2, DropListener drops, int stepBudget,
      SenderMemo senders) {
    this(config, preparer, l2, drops, stepBudget, senders, new ChannelMemo());
  }

  /** As above, also remembering read channels in {@code channels}, which may outlive this pipeline. */
  public DerivationPipeline(
      RollupConfig config, AttributesPreparer preparer, L2ChainView l2, DropListener drops, int stepBudget,
      SenderMemo senders, ChannelMemo channels) {
    this.config = Objects.requireNonNull(config, "config");
    this.l2 = Objects.requireNonNull(l2, "l2");
    if (stepBudget < 1) {
      throw new IllegalArgumentException("step budget must be positive");
    }
    this.stepBudget = stepBudget;
    this.blocks = new L1BlockCache(cacheCapacity(config));
    this.traversal = new L1Traversal(config, blocks);
    this.retrieval = new L1Retrieval(config, traversal, blocks, drops, senders);
    this.frameQueue = new FrameQueue(config, retrieval, drops);
    this.channelMux = new ChannelMux(config, frameQueue, drops);
    this.channelReader = new ChannelReader(config, channelMux, drops, channels);
    this.batchMux = new BatchMux(config, channelReader, l2, drops);
    this.attributesQueue = new AttributesQueue(config, batchMux, preparer, blocks);
  }

  /**
   * Room for a sequencing window of epochs, the channel timeout a reset walks back over, and a
   * margin for the blocks in flight.
   */
  static int cacheCapacity(RollupConfig config) {
    long timeout = Math.max(config.channelTimeoutBedrock(), RollupConfig.GRANITE_CHANNEL_TIMEOUT_BLOCKS);
    return (int) Math.min(1_000_000, config.seqWindowSize() + timeout + 64);
  }

  /** A pipeline in the state {@link #writeTo} recorded, wired to the given ports. */
  public static DerivationPipeline restore(
      BinaryReader r, RollupConfig config, AttributesPreparer preparer, L2ChainView l2, DropListener drops, int stepBudget) {
    return restore(r, config, preparer, l2, drops, stepBudget, new SenderMemo());
  }

  /** As above, with the sender memo the restored pipeline recovers through. */
  public static DerivationPipeline restore(
      BinaryReader r, RollupConfig config, AttributesPreparer preparer, L2ChainView l2, DropListener drops, int stepBudget,
      SenderMemo senders) {
    return restore(r, config, preparer, l2, drops, stepBudget, senders, new ChannelMemo());
  }

  /** As above, with the memos the restored pipeline computes through. */
  public static DerivationPipeline restore(
      BinaryReader r, RollupConfig config, AttributesPreparer preparer, L2ChainView l2, DropListener drops, int stepBudget,
      SenderMemo senders, ChannelMemo channels) {
    DerivationPipeline p = new DerivationPipeline(config, preparer, l2, drops, stepBudget, senders, channels);
    p.readFrom(r);
    return p;
  }

  /**
   * Starts derivation over on top of {@code newSafeHead}. Every cached L1 block is forgotten: a
   * reset usually follows an L1 reorg, and a stale block kept here would be taken for canonical.
   */
  public void reset(L2BlockInfo newSafeHead) {
    Objects.requireNonNull(newSafeHead, "newSafeHead");
    blocks.clear();
    resetWalk = new PipelineReset(config, newSafeHead);
    mode = Mode.RESETTING;
    failure = null;
    pending = null;
    safeHead = newSafeHead;
  }

  /** Advances derivation by a bounded amount of work. */
  public StepResult step() {
    switch (mode) {
      case UNINITIALIZED -> throw new IllegalStateException("derivation pipeline stepped before its first reset");
      case FAILED -> {
        return failure;
      }
      case RESETTING -> {
        Pull<PipelineReset.Target> walked = resetWalk.walk(blocks, l2, stepBudget);
        if (walked instanceof Pull.Value<PipelineReset.Target> t) {
          applyReset(t.value());
          return new StepResult.Progress();
        }
        return walked instanceof Pull.Halt<PipelineReset.Target> h ? halt(h.result()) : new StepResult.Progress();
      }
      case DERIVING -> {
        return derive();
      }
    }
    throw new IllegalStateException("unknown mode " + mode);
  }

  private StepResult derive() {
    if (pending != null) {
      return new StepResult.WaitingForSafeHead(pending);
    }
    for (int i = 0; i < stepBudget; i++) {
      noticeOriginChange();
      Pull<AttributesWithParent> next = attributesQueue.nextAttributes(safeHead);
      switch (next) {
        case Pull.Value<AttributesWithParent> v -> {
          pending = v.value();
          return new StepResult.Derived(pending);
        }
        case Pull.More<AttributesWithParent> m -> {}
        case Pull.Eof<AttributesWithParent> e -> {
          // Every stage ran dry at this origin: move on to the next L1 block.
          Pull<L1BlockRef> advanced = traversal.advance();
          if (advanced instanceof Pull.Halt<L1BlockRef> h) {
            return halt(h.result());
          }
          pruneBlocks();
        }
        case Pull.Halt<AttributesWithParent> h -> {
          return halt(h.result());
        }
      }
    }
    return new StepResult.Progress();
  }

  private StepResult halt(StepResult result) {
    if (result instanceof StepResult.Reset || result instanceof StepResult.Critical) {
      mode = Mode.FAILED;
      failure = result;
    }
    return result;
  }

  /**
   * op-node swaps the stages when the origin first reaches a Holocene L1 block: buffered frames,
   * channels and batches are discarded, and the batch stage keeps the queue's L1 window.
   */
  private void noticeOriginChange() {
    L1BlockRef now = traversal.origin();
    if (now.equals(origin)) {
      return;
    }
    if (!config.isActive(Fork.HOLOCENE, origin.timestamp()) && config.isActive(Fork.HOLOCENE, now.timestamp())) {
      frameQueue.reset();
      channelMux.transformToHolocene();
      batchMux.transformToHolocene();
    }
    origin = now;
  }

  private void applyReset(PipelineReset.Target target) {
    L1BlockRef base = target.origin();
    traversal.reset(base, target.systemConfig());
    retrieval.reset(base);
    frameQueue.reset();
    channelMux.reset(base);
    channelReader.reset();
    batchMux.reset(base);
    attributesQueue.reset();
    safeHead = resetWalk.safeHead();
    resetWalk = null;
    origin = base;
    pending = null;
    mode = Mode.DERIVING;
  }

  /**
   * Keeps only what can still be used: blocks from the oldest epoch a batch may refer to, and
   * inbox data from the current origin on.
   */
  private void pruneBlocks() {
    long keep = traversal.origin().number();
    L1BlockRef first = batchMux.firstL1Block();
    if (first != null) {
      keep = Math.min(keep, first.number());
    }
    long pendingEpoch = attributesQueue.pendingEpoch();
    if (pendingEpoch >= 0) {
      keep = Math.min(keep, pendingEpoch);
    }
    blocks.dropBelow(keep);
    blocks.dropInboxBelow(traversal.origin().number());
  }

  /**
   * Hands the pipeline a canonical L1 block (after {@link StepResult.NeedL1Block} or idling).
   * Blocks beyond the next one the pipeline will read are not kept (returns false): the pipeline
   * asks for what it needs, one block at a time, which keeps its cache bounded.
   */
  public boolean addL1Block(L1Block block) {
    Objects.requireNonNull(block, "block");
    long limit = mode == Mode.DERIVING ? traversal.origin().number() + 1 : Long.MAX_VALUE;
    if (mode == Mode.RESETTING) {
      limit = resetWalk.safeHead().ref().l1Origin().number() + 1;
    }
    if (block.ref().number() > limit) {
      return false;
    }
    blocks.put(block);
    return true;
  }

  /**
   * Hands the pipeline the blobs asked for with {@link StepResult.NeedBlobs}; returns false when
   * none were awaited for {@code block}.
   */
  public boolean addBlobs(L1BlockRef block, List<Bytes> blobs) {
    return retrieval.addBlobs(block, blobs);
  }

  /**
   * The engine processed the last attributes: {@code newSafeHead} is the block that became safe,
   * or the previous safe head when the attributes were dropped (before Holocene an invalid payload
   * is skipped and derivation continues on the same parent).
   */
  public void confirmSafeHead(L2BlockInfo newSafeHead) {
    safeHead = Objects.requireNonNull(newSafeHead, "newSafeHead");
    pending = null;
    if (mode == Mode.DERIVING) {
      pruneBlocks();
    }
  }

  /** Holocene: drop the rest of the span batch and channel the last attributes came from. */
  public void flushChannel() {
    batchMux.flushChannel();
  }

  /** The L1 block the pipeline is reading: its derived attributes come from it. */
  public L1BlockRef origin() {
    return traversal.origin();
  }

  public L2BlockInfo safeHead() {
    return safeHead;
  }

  /** The system config batcher transactions are currently filtered with. */
  public SystemConfig l1SystemConfig() {
    return traversal.systemConfig();
  }

  /** True while the reset walk-back is still looking for where to restart. */
  public boolean resetting() {
    return mode == Mode.RESETTING;
  }

  /** True once the Holocene stages are in use. */
  public boolean holoceneStages() {
    return batchMux.holoceneActive();
  }

  /** Number of L1 blocks held (bounded by the sequencing window plus the channel timeout). */
  public int cachedL1Blocks() {
    return blocks.size();
  }

  @Override
  public void writeTo(BinaryWriter w) {
    w.u8(SNAPSHOT_VERSION);
    w.u8(mode.ordinal());
    w.bool(failure != null);
    if (failure != null) {
      w.bool(failure instanceof StepResult.Critical);
      w.string(failure instanceof StepResult.Reset r ? r.reason() : ((StepResult.Critical) failure).reason());
    }
    w.bool(resetWalk != null);
    if (resetWalk != null) {
      resetWalk.writeTo(w);
    }
    w.bool(safeHead != null);
    if (safeHead != null) {
      PipelineCodec.writeL2BlockInfo(w, safeHead);
    }
    w.bool(pending != null);
    if (pending != null) {
      AttributesCodec.write(w, pending);
    }
    ValueCodec.write(w, origin);
    for (StageState s : stages()) {
      s.writeTo(w);
    }
  }

  @Override
  public void readFrom(BinaryReader r) {
    int version = r.u8();
    if (version != SNAPSHOT_VERSION) {
      throw new DecodeException("unsupported pipeline snapshot version " + version);
    }
    mode = r.enumValue(Mode.values(), "pipeline mode");
    failure = null;
    if (r.bool()) {
      boolean critical = r.bool();
      String reason = r.string();
      failure = critical ? new StepResult.Critical(reason) : new StepResult.Reset(reason);
    }
    resetWalk = null;
    if (r.bool()) {
      resetWalk = new PipelineReset(config, null);
      resetWalk.readFrom(r);
    }
    safeHead = r.bool() ? PipelineCodec.readL2BlockInfo(r) : null;
    pending = r.bool() ? AttributesCodec.read(r) : null;
    origin = ValueCodec.readL1BlockRef(r);
    for (StageState s : stages()) {
      s.readFrom(r);
    }
  }

  private List<StageState> stages() {
    return List.of(blocks, traversal, retrieval, frameQueue, channelMux, channelReader, batchMux, attributesQueue);
  }

  @Override
  public void describeTo(StateVisitor v) {
    v.value("mode", mode.name());
    v.value("failure", failure == null ? "" : failure.toString());
    v.beginArray("resetWalk");
    if (resetWalk != null) {
      v.beginObject(null);
      resetWalk.describeTo(v);
      v.endObject();
    }
    v.endArray();
    v.beginArray("safeHead");
    if (safeHead != null) {
      PipelineCodec.describeL2BlockInfo(v, null, safeHead);
    }
    v.endArray();
    v.beginArray("pending");
    if (pending != null) {
      AttributesCodec.describe(v, null, pending);
    }
    v.endArray();
    Refs.describe(v, "origin", origin);
    String[] names = {"l1Blocks", "traversal", "retrieval", "frameQueue", "channels", "channelReader", "batches", "attributes"};
    List<StageState> stages = stages();
    for (int i = 0; i < names.length; i++) {
      v.beginObject(names[i]);
      stages.get(i).describeTo(v);
      v.endObject();
    }
  }
}
