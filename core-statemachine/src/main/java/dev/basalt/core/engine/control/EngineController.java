package dev.basalt.core.engine.control;

import dev.basalt.core.CoreConfig;
import dev.basalt.core.SyncMode;
import dev.basalt.core.block.PayloadHeader;
import dev.basalt.core.codec.BinaryReader;
import dev.basalt.core.codec.BinaryWriter;
import dev.basalt.core.derive.AttributesWithParent;
import dev.basalt.core.derive.L2BlockInfo;
import dev.basalt.core.derive.payload.L2BlockInfoDecoding;
import dev.basalt.core.derive.payload.PayloadInfoMemo;
import dev.basalt.core.engine.ExecutionPayloadEnvelope;
import dev.basalt.core.engine.PayloadAttributes;
import dev.basalt.core.engine.PayloadId;
import dev.basalt.core.event.InputEvent;
import dev.basalt.core.flow.Backoff;
import dev.basalt.core.flow.Outbox;
import dev.basalt.core.flow.Signal;
import dev.basalt.core.flow.WakeupPurpose;
import dev.basalt.core.heads.L2Heads;
import dev.basalt.core.rpc.RpcOutcome;
import dev.basalt.core.state.StateVisitor;
import dev.basalt.core.types.L1BlockRef;
import dev.basalt.core.types.L2BlockRef;
import java.util.ArrayDeque;
import java.util.Objects;

/**
 * The single writer of the L2 heads and the only user of the Engine API (op-node's {@code
 * EngineController}, kona's engine actor). Operations are {@link EngineTask}s run one at a time in
 * FIFO order: derived attributes (consolidate or build), posted unsafe blocks, finalization, sync
 * starts. A task's step ends in one of op-node's severities: temporary failures retry the step after
 * a bounded exponential backoff (a wakeup, never a loop); a reset drops the queue and queues a sync
 * start (waiting for the answer of a call already sent, so the engine never sees two operations at
 * once); a critical error halts the node.
 *
 * <p>kona orders its tasks in a priority heap whose order among equal tasks is unspecified; here
 * the order is the order of the events, so a replay issues the same calls.
 */
public final class EngineController {
  /** Lockstep derivation keeps the queue to a handful of tasks; more means a bug. */
  public static final int MAX_QUEUED_TASKS = 16;

  /** JSON-RPC "server error", what op-node returns for a refused posted payload. */
  public static final int RPC_SERVER_ERROR = -32000;

  private final L2Heads heads = new L2Heads();
  private final ArrayDeque<EngineTask> queue = new ArrayDeque<>();
  private final UnsafePayloads unsafePayloads = new UnsafePayloads();
  private final ElSync elSync = new ElSync();
  private final Backoff backoff = new Backoff(500, 30_000);
  private final PayloadInfoMemo payloadInfo;
  private CoreConfig config;
  private EngineTask current;
  /** The correlation id of the call the current task waits for; 0 when none is in flight. */
  private long awaitingId;
  /** A reset superseded the current task while its call was in flight: discard the answer. */
  private boolean dropCurrent;
  private long retryWakeupId;
  private int resetsWithoutProgress;
  private String lastFailure = "";
  /** A critical error stopped the controller until the next start. */
  private boolean halted;

  public EngineController() {
    this(new PayloadInfoMemo());
  }

  /** A controller whose tasks read L2 blocks back through {@code payloadInfo} (the same answers, remembered). */
  public EngineController(PayloadInfoMemo payloadInfo) {
    this.payloadInfo = Objects.requireNonNull(payloadInfo, "payloadInfo");
  }

  /** Sets the configuration (on {@code NodeStarted} and after a restore). */
  public void configure(CoreConfig newConfig) {
    config = Objects.requireNonNull(newConfig, "config");
  }

  public L2Heads heads() {
    return heads;
  }

  PayloadInfoMemo payloadInfo() {
    return payloadInfo;
  }

  UnsafePayloads unsafePayloads() {
    return unsafePayloads;
  }

  ElSync elSync() {
    return elSync;
  }

  int resetsWithoutProgress() {
    return resetsWithoutProgress;
  }

  /** True while the engine syncs itself (or the node decides whether it must): no derivation yet. */
  public boolean engineSyncing() {
    return elSync.active();
  }

  void awaiting(long correlationId) {
    awaitingId = correlationId;
  }

  void replaceCurrent(EngineTask next) {
    current = next;
  }

  void runNext(EngineTask next) {
    queue.addFirst(next);
  }

  private TaskContext context(Outbox out, L1BlockRef l1Head) {
    if (config == null) {
      throw new IllegalStateException("engine controller used before NodeStarted");
    }
    return new TaskContext(this, config, out, l1Head);
  }

  /**
   * A (re)start: whatever was in flight died with the previous process, so everything is dropped
   * and the engine, the authority after a restart, is asked again: a sync start, or first the
   * execution-layer sync decision.
   */
  public void start(Outbox out, L1BlockRef l1Head) {
    queue.clear();
    current = null;
    awaitingId = 0;
    dropCurrent = false;
    retryWakeupId = 0;
    resetsWithoutProgress = 0;
    lastFailure = "";
    halted = false;
    unsafePayloads.clear();
    backoff.reset();
    elSync.reset();
    if (config.syncMode() == SyncMode.EXECUTION_LAYER) {
      elSync.probing();
      queue.add(new ElSyncProbeTask());
    } else {
      queue.add(new ResetTask());
    }
    pump(context(out, l1Head));
  }

  /**
   * Queues a sync start ahead of everything else (op-node {@code ResetEngineRequestEvent}). Queued
   * tasks are dropped; the current one is dropped once the answer to its call arrives. Ignored
   * while a sync start is already due, and while the engine syncs itself (one follows then).
   */
  public void requestReset(Outbox out, L1BlockRef l1Head) {
    if (elSync.active() || current instanceof ResetTask) {
      return;
    }
    for (EngineTask t : queue) {
      if (t instanceof ResetTask) {
        return;
      }
    }
    queue.clear();
    if (current != null) {
      if (awaitingId != 0) {
        dropCurrent = true;
      } else {
        current = null;
        retryWakeupId = 0;
      }
    }
    queue.add(new ResetTask());
    pump(context(out, l1Head));
  }

  /** Derived attributes to consolidate with the unsafe chain or build. */
  public void processAttributes(AttributesWithParent attributes, Outbox out, L1BlockRef l1Head) {
    enqueue(new ConsolidateTask(attributes));
    pump(context(out, l1Head));
  }

  /** The sequencer's next block: start building it on {@code parent} (which must be the unsafe head). */
  public void startSequencing(L2BlockInfo parent, PayloadAttributes attributes, Outbox out, L1BlockRef l1Head) {
    enqueue(new SequenceStartTask(parent, attributes));
    pump(context(out, l1Head));
  }

  /**
   * Seal the sequencer's block being built as {@code payloadId} and make it the unsafe head; with
   * {@code commitToConductor}, only once op-conductor committed it.
   */
  public void sealSequenced(L2BlockInfo parent, PayloadId payloadId, long timestamp, boolean commitToConductor, Outbox out,
      L1BlockRef l1Head) {
    enqueue(new SequenceSealTask(parent, payloadId, timestamp, commitToConductor));
    pump(context(out, l1Head));
  }

  /** The finalizer's choice; replaces a finalization still waiting in the queue. */
  public void finalizeBlock(L2BlockRef block, Outbox out, L1BlockRef l1Head) {
    queue.removeIf(t -> t instanceof FinalizeTask);
    enqueue(new FinalizeTask(block));
    pump(context(out, l1Head));
  }

  private void enqueue(EngineTask task) {
    if (queue.size() >= MAX_QUEUED_TASKS) {
      throw new IllegalStateException(queue.size() + " engine tasks queued: lockstep with derivation is broken");
    }
    queue.add(task);
  }

  /**
   * {@code admin_postUnsafePayload} (later also gossip): the block hash is checked against the
   * header the payload implies, then the block waits to extend the unsafe chain, or steers the
   * engine's own sync. A block at or below the safe head is refused: derivation decided that height.
   */
  public RpcOutcome postUnsafePayload(ExecutionPayloadEnvelope envelope, Outbox out, L1BlockRef l1Head) {
    if (!PayloadHeader.hashMatches(config.rollup(), envelope)) {
      return refuse("payload has bad block hash " + envelope.payload().blockHash());
    }
    return postHashCheckedUnsafePayload(envelope, out, l1Head);
  }

  /**
   * As {@link #postUnsafePayload}, for a payload whose block hash the caller has already rebuilt
   * from the payload under this chain's rollup config and found equal (an accepted gossip block):
   * the header hash costs a Keccak over the transactions trie, about 1.5 ms for a 100 KiB block,
   * and is not worth paying twice.
   */
  public RpcOutcome postHashCheckedUnsafePayload(ExecutionPayloadEnvelope envelope, Outbox out, L1BlockRef l1Head) {
    L2BlockInfoDecoding decoded = payloadInfo.decode(config.rollup(), envelope.payload());
    if (decoded instanceof L2BlockInfoDecoding.Invalid invalid) {
      return refuse("payload is not an L2 block of this chain: " + invalid.reason());
    }
    L2BlockInfo info = ((L2BlockInfoDecoding.Decoded) decoded).info();
    if (info.ref().number() <= heads.pendingSafe().ref().number()) {
      return refuse("block " + info.ref().id() + " is not above the safe chain (pending-safe head "
          + heads.pendingSafe().ref().id() + ")");
    }
    if (elSync.active()) {
      if (elSync.offerTarget(envelope, info) && elSync.syncing()) {
        queue.removeIf(t -> t instanceof InsertUnsafeTask i && i.mode() != InsertUnsafeTask.Mode.EXTEND);
        enqueue(new InsertUnsafeTask(envelope, info, InsertUnsafeTask.Mode.EL_SYNC));
      }
    } else {
      unsafePayloads.offer(envelope, info);
    }
    pump(context(out, l1Head));
    return new RpcOutcome.Success("null");
  }

  private static RpcOutcome refuse(String message) {
    return new RpcOutcome.Failure(RPC_SERVER_ERROR, message);
  }

  /** An answer to a call of the controller; answers to calls it no longer waits for are dropped. */
  public void onAnswer(long correlationId, InputEvent answer, Outbox out, L1BlockRef l1Head) {
    if (awaitingId == 0 || correlationId != awaitingId) {
      return;
    }
    awaitingId = 0;
    TaskContext ctx = context(out, l1Head);
    if (dropCurrent) {
      dropCurrent = false;
      current = null;
    } else {
      handle(ctx, current.onAnswer(ctx, answer));
    }
    pump(ctx);
  }

  public void onWakeup(WakeupPurpose purpose, long correlationId, Outbox out, L1BlockRef l1Head) {
    TaskContext ctx = context(out, l1Head);
    if (purpose == WakeupPurpose.ENGINE_RETRY && retryWakeupId != 0 && correlationId == retryWakeupId && current != null) {
      retryWakeupId = 0;
      handle(ctx, current.retry(ctx));
    } else if (purpose == WakeupPurpose.EL_SYNC_POLL && elSync.pollDue(correlationId) && elSync.syncing()
        && elSync.target() != null && current == null && queue.isEmpty()) {
      queue.add(new InsertUnsafeTask(elSync.target(), elSync.targetInfo(), InsertUnsafeTask.Mode.EL_POLL));
    }
    pump(ctx);
  }

  /** The L1 head changed: a sync start waiting to learn it can go on. */
  public void onL1Head(Outbox out, L1BlockRef l1Head) {
    if (current instanceof ResetTask reset && reset.waitingForL1Head() && awaitingId == 0 && retryWakeupId == 0) {
      TaskContext ctx = context(out, l1Head);
      handle(ctx, reset.resume(ctx));
      pump(ctx);
    }
  }

  /** Starts queued tasks while none is running. */
  private void pump(TaskContext ctx) {
    while (current == null && !halted) {
      EngineTask next = queue.poll();
      if (next == null) {
        next = nextUnsafeInsert();
      }
      if (next == null) {
        return;
      }
      current = next;
      handle(ctx, current.start(ctx));
    }
  }

  private EngineTask nextUnsafeInsert() {
    if (elSync.active()) {
      return null;
    }
    unsafePayloads.dropThrough(heads.safe().ref().number());
    UnsafePayloads.Entry e = unsafePayloads.next(heads.unsafe());
    return e == null ? null : new InsertUnsafeTask(e.envelope(), e.info(), InsertUnsafeTask.Mode.EXTEND);
  }

  private void handle(TaskContext ctx, Step step) {
    switch (step) {
      case Step.Await a -> {}
      case Step.Done d -> {
        if (current instanceof ResetTask) {
          resetsWithoutProgress++;
        } else {
          resetsWithoutProgress = current instanceof ForkchoiceTask ? resetsWithoutProgress : 0;
          backoff.reset();
        }
        current = null;
      }
      case Step.Temporary t -> {
        lastFailure = t.reason();
        retryWakeupId = ctx.out().wakeup(WakeupPurpose.ENGINE_RETRY, backoff.nextDelayMillis());
      }
      case Step.Reset r -> {
        lastFailure = r.reason();
        current = null;
        ctx.signal(new Signal.ResetRequested(r.reason()));
        requestReset(ctx.out(), ctx.l1Head());
      }
      case Step.Critical c -> {
        lastFailure = c.reason();
        current = null;
        queue.clear();
        halted = true;
        ctx.signal(new Signal.Halt(c.reason()));
      }
    }
  }

  public void writeTo(BinaryWriter w) {
    heads.writeTo(w);
    w.i32(queue.size());
    for (EngineTask t : queue) {
      EngineTaskCodec.write(w, t);
    }
    w.bool(current != null);
    if (current != null) {
      EngineTaskCodec.write(w, current);
    }
    w.i64(awaitingId).bool(dropCurrent).i64(retryWakeupId).i32(resetsWithoutProgress).string(lastFailure).bool(halted);
    backoff.writeTo(w);
    unsafePayloads.writeTo(w);
    elSync.writeTo(w);
  }

  /** Restores what {@link #writeTo} wrote; {@link #configure} must have been called. */
  public void readFrom(BinaryReader r) {
    heads.readFrom(r);
    int n = r.count(MAX_QUEUED_TASKS, "queued engine tasks");
    queue.clear();
    for (int i = 0; i < n; i++) {
      queue.add(EngineTaskCodec.read(r, config.rollup()));
    }
    current = r.bool() ? EngineTaskCodec.read(r, config.rollup()) : null;
    awaitingId = r.u63("awaited correlation id");
    dropCurrent = r.bool();
    retryWakeupId = r.u63("retry wakeup id");
    resetsWithoutProgress = r.count(Integer.MAX_VALUE, "resets without progress");
    lastFailure = r.string();
    halted = r.bool();
    backoff.readFrom(r);
    unsafePayloads.readFrom(r);
    elSync.readFrom(r);
  }

  public void describeTo(StateVisitor v) {
    v.beginObject("heads");
    heads.describeTo(v);
    v.endObject();
    v.beginArray("queue");
    for (EngineTask t : queue) {
      v.beginObject(null);
      t.describeTo(v);
      v.endObject();
    }
    v.endArray();
    v.beginArray("current");
    if (current != null) {
      v.beginObject(null);
      current.describeTo(v);
      v.endObject();
    }
    v.endArray();
    v.value("awaitingId", awaitingId);
    v.value("dropCurrent", dropCurrent);
    v.value("retryWakeupId", retryWakeupId);
    v.value("resetsWithoutProgress", resetsWithoutProgress);
    v.value("lastFailure", lastFailure);
    v.value("halted", halted);
    backoff.describeTo(v, "failures");
    unsafePayloads.describeTo(v);
    v.beginObject("elSync");
    elSync.describeTo(v);
    v.endObject();
  }
}
