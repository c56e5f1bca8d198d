package dev.basalt.core.derive.driver;

import dev.basalt.core.CoreConfig;
import dev.basalt.core.codec.BinaryReader;
import dev.basalt.core.codec.BinaryWriter;
import dev.basalt.core.codec.ValueCodec;
import dev.basalt.core.command.FetchBlobs;
import dev.basalt.core.command.FetchL1Block;
import dev.basalt.core.command.FetchL2Block;
import dev.basalt.core.command.RecordSafeHead;
import dev.basalt.core.command.RewindSafeHeads;
import dev.basalt.core.derive.L2BlockInfo;
import dev.basalt.core.derive.attributes.AttributesMemo;
import dev.basalt.core.derive.attributes.StatefulAttributesPreparer;
import dev.basalt.core.derive.payload.L2BlockInfoDecoding;
import dev.basalt.core.derive.payload.PayloadInfoMemo;
import dev.basalt.core.derive.pipeline.DerivationPipeline;
import dev.basalt.core.derive.pipeline.DropListener;
import dev.basalt.core.derive.pipeline.StepResult;
import dev.basalt.core.engine.EngineResponse;
import dev.basalt.core.engine.L2BlockSelector;
import dev.basalt.core.event.FailureKind;
import dev.basalt.core.event.RequestFailed;
import dev.basalt.core.flow.Backoff;
import dev.basalt.core.flow.Outbox;
import dev.basalt.core.flow.Pending;
import dev.basalt.core.flow.Signal;
import dev.basalt.core.flow.WakeupPurpose;
import dev.basalt.core.heads.Refs;
import dev.basalt.core.l1.L1Block;
import dev.basalt.core.state.StateVisitor;
import dev.basalt.core.derive.pipeline.channels.ChannelMemo;
import dev.basalt.core.tx.SenderMemo;
import dev.basalt.core.types.Bytes;
import dev.basalt.core.types.L1BlockRef;
import java.util.List;
import java.util.Objects;

/**
 * Feeds the derivation pipeline (op-node's pipeline deriver and driver step loop, kona's
 * derivation actor): steps it after every event that can let it progress, within a budget of
 * {@link #STEPS_PER_EVENT} steps per event (then an immediate wakeup continues, so one event never
 * does unbounded work), fetches what it asks for one request at a time, and hands derived
 * attributes to the engine controller in lockstep: one block in flight, and the pipeline goes on
 * only once the controller confirmed the new pending-safe head.
 *
 * <p>L1 blocks are fetched only once they are {@code verifierL1Confs} behind the L1 head. Fetch
 * failures retry after a bounded exponential backoff. Blobs the beacon node reports missing {@link
 * #MAX_BLOB_MISSES} times in a row reset derivation, as op-node resets on a blob 404: the adapter
 * already tried its fallbacks, and the usual cause is an L1 reorg that took the blob transaction's
 * block away, which only a reset notices; the retries before it cover a beacon node a slot behind.
 */
public final class DerivationDriver {
  /** Pipeline steps per event (each itself bounded by the pipeline's own budget). */
  public static final int STEPS_PER_EVENT = 16;

  /** Consecutive "blobs not found" answers for one block before derivation resets. */
  public static final int MAX_BLOB_MISSES = 4;

  private enum State {
    /** No safe head to derive from yet: waiting for a sync start to finish. */
    AWAITING_RESET,
    DERIVING,
    /** Attributes are with the engine controller. */
    AWAITING_ENGINE,
    /** The pipeline met a critical error. */
    HALTED
  }

  private enum Fetch { NONE, L1_BLOCK, BLOBS, L2_BLOCK }

  private final L2BlockCache l2 = new L2BlockCache();
  /** Recovered batcher-tx senders, kept across pipelines (a memo: not state, never snapshotted). */
  private final SenderMemo senders;
  private final PayloadInfoMemo payloadInfo;
  private final ChannelMemo channels;
  private final AttributesMemo attributes;
  private final Backoff backoff = new Backoff(500, 30_000);
  private CoreConfig config;
  private DerivationPipeline pipeline;
  private State state = State.AWAITING_RESET;
  private Fetch fetch = Fetch.NONE;
  private long fetchId;
  private long fetchNumber;
  private L1BlockRef blobBlock = L1BlockRef.ZERO;
  private long retryWakeupId;
  private long continueWakeupId;
  private int blobMisses;
  private String lastFailure = "";

  public DerivationDriver() {
    this(new SenderMemo());
  }

  /** A driver whose pipelines recover batcher-tx senders through {@code senders}. */
  public DerivationDriver(SenderMemo senders) {
    this(senders, new ChannelMemo());
  }

  /** A driver whose pipelines recover senders through {@code senders} and remember read channels in {@code channels}. */
  public DerivationDriver(SenderMemo senders, ChannelMemo channels) {
    this(senders, channels, new PayloadInfoMemo());
  }

  /** As above, reading fetched L2 blocks back through {@code payloadInfo} (the same answers, remembered). */
  public DerivationDriver(SenderMemo senders, ChannelMemo channels, PayloadInfoMemo payloadInfo) {
    this(senders, channels, payloadInfo, new AttributesMemo());
  }

  /** As above, preparing attributes through {@code attributes} (the same answers, remembered). */
  public DerivationDriver(SenderMemo senders, ChannelMemo channels, PayloadInfoMemo payloadInfo, AttributesMemo attributes) {
    this.senders = Objects.requireNonNull(senders, "senders");
    this.channels = Objects.requireNonNull(channels, "channels");
    this.payloadInfo = Objects.requireNonNull(payloadInfo, "payloadInfo");
    this.attributes = Objects.requireNonNull(attributes, "attributes");
  }

  /** A fresh pipeline for {@code newConfig}; derivation waits for the next sync start. */
  public void configure(CoreConfig newConfig) {
    config = Objects.requireNonNull(newConfig, "config");
    pipeline = newPipeline();
    l2.clear();
    forget();
    state = State.AWAITING_RESET;
    blobMisses = 0;
    backoff.reset();
    lastFailure = "";
  }

  private DerivationPipeline newPipeline() {
    return new DerivationPipeline(config.rollup(), new StatefulAttributesPreparer(config.rollup(), config.l1(), attributes), l2,
        DropListener.NONE, DerivationPipeline.DEFAULT_STEP_BUDGET, senders, channels);
  }

  /** Drops every outstanding fetch and wakeup: their answers will be ignored. */
  private void forget() {
    fetch = Fetch.NONE;
    fetchId = 0;
    retryWakeupId = 0;
    continueWakeupId = 0;
  }

  /** True while derived attributes are with the engine controller. */
  public boolean awaitingEngine() {
    return state == State.AWAITING_ENGINE;
  }

  /** The L1 block derivation reads (op-node's {@code current_l1}). */
  public L1BlockRef origin() {
    return pipeline == null ? L1BlockRef.ZERO : pipeline.origin();
  }

  /** Steps the pipeline until it needs something, within the per-event budget. */
  public void step(Outbox out, L1BlockRef l1Head) {
    if (state != State.DERIVING || fetchId != 0 || retryWakeupId != 0) {
      return;
    }
    for (int i = 0; i < STEPS_PER_EVENT; i++) {
      if (handle(pipeline.step(), out, l1Head)) {
        return;
      }
    }
    if (continueWakeupId == 0) {
      continueWakeupId = out.wakeup(WakeupPurpose.DERIVATION_CONTINUE, 0);
    }
  }

  /** Acts on one step result; true when stepping must stop for this event. */
  private boolean handle(StepResult result, Outbox out, L1BlockRef l1Head) {
    switch (result) {
      case StepResult.Derived d -> {
        state = State.AWAITING_ENGINE;
        out.signal(new Signal.DerivedAttributes(d.attributes()));
      }
      case StepResult.NeedL1Block n -> fetchL1(n.number(), out, l1Head);
      case StepResult.NeedBlobs b -> {
        fetch = Fetch.BLOBS;
        blobBlock = b.block();
        fetchNumber = b.block().number();
        fetchId = out.request(new Pending.DeriveBlobs(fetchNumber), id -> new FetchBlobs(id, b.block(), b.hashes()));
      }
      case StepResult.NeedL2Block n -> {
        fetch = Fetch.L2_BLOCK;
        fetchNumber = n.number();
        fetchId = out.request(new Pending.DeriveL2Block(n.number()),
            id -> new FetchL2Block(id, new L2BlockSelector.ByNumber(n.number())));
      }
      case StepResult.Idle idle -> {
        out.signal(new Signal.DerivationIdle(idle.origin()));
        fetchL1(idle.origin().number() + 1, out, l1Head);
      }
      case StepResult.Progress p -> {
        return false;
      }
      case StepResult.WaitingForSafeHead w -> state = State.AWAITING_ENGINE;
      case StepResult.Reset r -> {
        state = State.AWAITING_RESET;
        out.signal(new Signal.ResetRequested("derivation: " + r.reason()));
      }
      case StepResult.Critical c -> {
        state = State.HALTED;
        out.signal(new Signal.Halt("derivation: " + c.reason()));
      }
    }
    return true;
  }

  /** Fetches L1 block {@code number} once it is deep enough under the L1 head; else waits for heads. */
  private void fetchL1(long number, Outbox out, L1BlockRef l1Head) {
    if (l1Head.isZero() || number + config.verifierL1Confs() > l1Head.number()) {
      return;
    }
    fetch = Fetch.L1_BLOCK;
    fetchNumber = number;
    fetchId = out.request(new Pending.DeriveL1Block(number), id -> new FetchL1Block(id, number));
  }

  public void onL1Block(long correlationId, L1Block block, Outbox out, L1BlockRef l1Head) {
    if (!answered(correlationId, Fetch.L1_BLOCK)) {
      return;
    }
    if (block.ref().number() != fetchNumber) {
      temporary("asked L1 for block " + fetchNumber + ", got " + block.ref().id(), out);
      return;
    }
    pipeline.addL1Block(block);
    backoff.reset();
    step(out, l1Head);
  }

  public void onBlobs(long correlationId, List<Bytes> blobs, Outbox out, L1BlockRef l1Head) {
    if (!answered(correlationId, Fetch.BLOBS)) {
      return;
    }
    pipeline.addBlobs(blobBlock, blobs);
    blobMisses = 0;
    backoff.reset();
    step(out, l1Head);
  }

  public void onL2Block(long correlationId, EngineResponse response, Outbox out, L1BlockRef l1Head) {
    if (!answered(correlationId, Fetch.L2_BLOCK)) {
      return;
    }
    if (!(response instanceof EngineResponse.L2Block read)) {
      temporary("reading L2 block " + fetchNumber + ": " + response.getClass().getSimpleName(), out);
      return;
    }
    if (read.block().isEmpty()) {
      // kona's stall (optimism#19344): a block the chain had and the engine no longer has is a reset.
      requestReset("L2 block " + fetchNumber + " vanished from the engine", out);
      return;
    }
    L2BlockInfoDecoding decoded = payloadInfo.decode(config.rollup(), read.block().get().payload());
    if (!(decoded instanceof L2BlockInfoDecoding.Decoded d) || d.info().ref().number() != fetchNumber) {
      requestReset("the engine's L2 block " + fetchNumber + " does not read back as block " + fetchNumber, out);
      return;
    }
    l2.putFetched(d.info());
    backoff.reset();
    step(out, l1Head);
  }

  public void onFailed(long correlationId, RequestFailed failure, Outbox out) {
    Fetch failed = fetch;
    if (!answered(correlationId, failed)) {
      return;
    }
    if (failed == Fetch.BLOBS && failure.kind() == FailureKind.NOT_FOUND && ++blobMisses >= MAX_BLOB_MISSES) {
      blobMisses = 0;
      requestReset("blobs of L1 block " + blobBlock.id() + " not found " + MAX_BLOB_MISSES + " times", out);
      return;
    }
    temporary(failed + " " + fetchNumber + ": " + failure.kind() + " " + failure.detail(), out);
  }

  private boolean answered(long correlationId, Fetch kind) {
    if (fetchId == 0 || correlationId != fetchId || fetch != kind) {
      return false;
    }
    fetchId = 0;
    fetch = Fetch.NONE;
    return true;
  }

  private void temporary(String reason, Outbox out) {
    lastFailure = reason;
    retryWakeupId = out.wakeup(WakeupPurpose.DERIVATION_RETRY, backoff.nextDelayMillis());
  }

  private void requestReset(String reason, Outbox out) {
    lastFailure = reason;
    state = State.AWAITING_RESET;
    out.signal(new Signal.ResetRequested(reason));
  }

  public void onWakeup(WakeupPurpose purpose, long correlationId, Outbox out, L1BlockRef l1Head) {
    if (purpose == WakeupPurpose.DERIVATION_RETRY && correlationId == retryWakeupId && retryWakeupId != 0) {
      retryWakeupId = 0;
      step(out, l1Head);
    } else if (purpose == WakeupPurpose.DERIVATION_CONTINUE && correlationId == continueWakeupId && continueWakeupId != 0) {
      continueWakeupId = 0;
      step(out, l1Head);
    }
  }

  /** A reset is under way: stop deriving until it is confirmed. */
  public void onResetRequested() {
    if (state != State.HALTED) {
      state = State.AWAITING_RESET;
    }
    forget();
  }

  /** The engine accepted the heads of a sync start: derive again from {@code safe}. */
  public void onResetConfirmed(L2BlockInfo safe, Outbox out, L1BlockRef l1Head) {
    l2.clear();
    l2.putCanonical(safe);
    pipeline.reset(safe);
    forget();
    state = State.DERIVING;
    blobMisses = 0;
    backoff.reset();
    // Records derived after the safe head's origin may describe the old chain (op-node's safedb reset).
    out.emit(new RewindSafeHeads(safe.ref().l1Origin().number()));
    step(out, l1Head);
  }

  /** The controller made derived attributes canonical. */
  public void onAttributesProcessed(Signal.AttributesProcessed p, Outbox out, L1BlockRef l1Head) {
    if (state != State.AWAITING_ENGINE) {
      return;
    }
    pipeline.confirmSafeHead(p.pendingSafe());
    p.newSafe().ifPresent(safe -> out.emit(new RecordSafeHead(p.derivedFrom().id(), safe.ref())));
    state = State.DERIVING;
    step(out, l1Head);
  }

  /** Before Holocene: the attributes were dropped and derivation continues from {@code pendingSafe}. */
  public void onAttributesDropped(L2BlockInfo pendingSafe, Outbox out, L1BlockRef l1Head) {
    if (state != State.AWAITING_ENGINE) {
      return;
    }
    pipeline.confirmSafeHead(pendingSafe);
    state = State.DERIVING;
    step(out, l1Head);
  }

  /** Holocene: the block became deposits-only; the rest of its span batch and channel go. */
  public void onFlushChannel() {
    if (state == State.AWAITING_ENGINE) {
      pipeline.flushChannel();
    }
  }

  public void onBlockCanonical(L2BlockInfo block) {
    l2.putCanonical(block);
  }

  public void writeTo(BinaryWriter w) {
    w.u8(state.ordinal()).u8(fetch.ordinal()).i64(fetchId).i64(fetchNumber);
    ValueCodec.write(w, blobBlock);
    w.i64(retryWakeupId).i64(continueWakeupId).i32(blobMisses).string(lastFailure);
    backoff.writeTo(w);
    l2.writeTo(w);
    pipeline.writeTo(w);
  }

  /** Restores what {@link #writeTo} wrote; {@link #configure} must have been called. */
  public void readFrom(BinaryReader r) {
    state = r.enumValue(State.values(), "derivation state");
    fetch = r.enumValue(Fetch.values(), "derivation fetch");
    fetchId = r.u63("fetch id");
    fetchNumber = r.u63("fetch number");
    blobBlock = ValueCodec.readL1BlockRef(r);
    retryWakeupId = r.u63("retry wakeup id");
    continueWakeupId = r.u63("continue wakeup id");
    blobMisses = r.count(MAX_BLOB_MISSES, "blob misses");
    lastFailure = r.string();
    backoff.readFrom(r);
    l2.readFrom(r);
    pipeline = DerivationPipeline.restore(r, config.rollup(), new StatefulAttributesPreparer(config.rollup(), config.l1(), attributes),
        l2, DropListener.NONE, DerivationPipeline.DEFAULT_STEP_BUDGET, senders, channels);
  }

  public void describeTo(StateVisitor v) {
    v.value("state", state.name());
    v.value("fetch", fetch.name());
    v.value("fetchId", fetchId);
    v.value("fetchNumber", fetchNumber);
    Refs.describe(v, "blobBlock", blobBlock);
    v.value("retryWakeupId", retryWakeupId);
    v.value("continueWakeupId", continueWakeupId);
    v.value("blobMisses", blobMisses);
    v.value("lastFailure", lastFailure);
    backoff.describeTo(v, "failures");
    v.beginObject("l2");
    l2.describeTo(v);
    v.endObject();
    v.beginObject("pipeline");
    pipeline.describeTo(v);
    v.endObject();
  }
}
