package dev.basalt.core;

import dev.basalt.core.codec.BinaryReader;
import dev.basalt.core.codec.BinaryWriter;
import dev.basalt.core.codec.DecodeException;
import dev.basalt.core.codec.ValueCodec;
import dev.basalt.core.command.Command;
import dev.basalt.core.command.FetchEngineHeads;
import dev.basalt.core.command.FetchL1Block;
import dev.basalt.core.command.PublishSyncStatus;
import dev.basalt.core.command.RespondRpc;
import dev.basalt.core.command.ScheduleWakeup;
import dev.basalt.core.command.SendForkchoiceUpdate;
import dev.basalt.core.engine.EngineResponse;
import dev.basalt.core.engine.ForkchoiceState;
import dev.basalt.core.event.AdminRequestReceived;
import dev.basalt.core.event.BlobsFetched;
import dev.basalt.core.event.ClockTicked;
import dev.basalt.core.event.EngineResponseReceived;
import dev.basalt.core.event.GossipPayloadReceived;
import dev.basalt.core.event.InputEvent;
import dev.basalt.core.event.L1BlockFetched;
import dev.basalt.core.event.L1FinalizedObserved;
import dev.basalt.core.event.L1HeadObserved;
import dev.basalt.core.event.L1SafeObserved;
import dev.basalt.core.event.NodeStarted;
import dev.basalt.core.event.RequestFailed;
import dev.basalt.core.event.WakeupFired;
import dev.basalt.core.flow.Backoff;
import dev.basalt.core.flow.Pending;
import dev.basalt.core.flow.Requests;
import dev.basalt.core.heads.L1Heads;
import dev.basalt.core.heads.L2Heads;
import dev.basalt.core.heads.SyncStatus;
import dev.basalt.core.l1.L1Window;
import dev.basalt.core.rpc.AdminRequest;
import dev.basalt.core.rpc.RpcOutcome;
import dev.basalt.core.state.Describable;
import dev.basalt.core.state.StateDigest;
import dev.basalt.core.state.StateVisitor;
import dev.basalt.core.types.Hash32;
import dev.basalt.core.types.L1BlockRef;
import dev.basalt.core.types.L2BlockRef;
import java.util.ArrayList;
import java.util.List;

/**
 * The deterministic state machine: {@link #apply} takes one event and returns the commands it
 * leads to. Not thread-safe by design; exactly one thread calls it.
 *
 * <p>An exception thrown from {@link #apply} is a bug in the core. The caller must halt and must
 * never skip the event, because the state may be half-updated.
 */
public final class Core implements Describable {
  private static final List<Command> NONE = List.of();

  private CoreConfig config;
  private long nowMillis;
  private long eventsApplied;
  private long gossipMessagesUnvalidated;

  private final Requests requests = new Requests();
  private final L1Heads l1Heads = new L1Heads();
  private final L1Window l1Window = new L1Window();
  private final L2Heads l2Heads = new L2Heads();
  private final SyncStart syncStart = new SyncStart();
  private final Backoff syncStartBackoff = new Backoff(500, 30_000);
  private SyncStatus publishedStatus = SyncStatus.EMPTY;

  /** Commands collected while applying the current event. */
  private List<Command> out;

  /** Applies one event and returns the commands it leads to (possibly none). */
  public List<Command> apply(InputEvent event) {
    if (config == null && !(event instanceof NodeStarted)) {
      throw new IllegalStateException("first event must be NodeStarted, got " + event);
    }
    out = null;
    switch (event) {
      case NodeStarted e -> onNodeStarted(e);
      case ClockTicked e -> nowMillis = e.nowMillis();
      case WakeupFired e -> onWakeup(e);
      case L1HeadObserved e -> onL1Head(e.head());
      case L1SafeObserved e -> l1Heads.observeSafe(e.safe());
      case L1FinalizedObserved e -> l1Heads.observeFinalized(e.finalized());
      case L1BlockFetched e -> onL1BlockFetched(e);
      case BlobsFetched e -> requests.complete(e.correlationId());
      case RequestFailed e -> onRequestFailed(e);
      case EngineResponseReceived e -> onEngineResponse(e);
      case GossipPayloadReceived e -> gossipMessagesUnvalidated++;
      case AdminRequestReceived e -> onAdminRequest(e);
    }
    eventsApplied++;
    publishStatusIfChanged();
    List<Command> result = out == null ? NONE : out;
    out = null;
    return result;
  }

  /** Version of the snapshot layout written by {@link #writeSnapshot}. */
  public static final int SNAPSHOT_VERSION = 1;

  /**
   * Writes the complete state, so that {@link #restore} followed by the same events behaves exactly
   * like this core. Only valid between events.
   */
  public void writeSnapshot(BinaryWriter w) {
    w.u8(SNAPSHOT_VERSION);
    w.bool(config != null);
    if (config != null) {
      ValueCodec.write(w, config);
    }
    w.i64(nowMillis).i64(eventsApplied).i64(gossipMessagesUnvalidated);
    requests.writeTo(w);
    l1Heads.writeTo(w);
    l1Window.writeTo(w);
    l2Heads.writeTo(w);
    syncStart.writeTo(w);
    syncStartBackoff.writeTo(w);
  }

  /** Rebuilds a core from {@link #writeSnapshot} output. */
  public static Core restore(BinaryReader r) {
    int version = r.u8();
    if (version != SNAPSHOT_VERSION) {
      throw new DecodeException("unsupported core snapshot version " + version);
    }
    Core core = new Core();
    core.config = r.bool() ? ValueCodec.readCoreConfig(r) : null;
    core.nowMillis = r.i64();
    core.eventsApplied = r.u63("events applied");
    core.gossipMessagesUnvalidated = r.u63("gossip count");
    core.requests.readFrom(r);
    core.l1Heads.readFrom(r);
    core.l1Window.readFrom(r);
    core.l2Heads.readFrom(r);
    core.syncStart.readFrom(r);
    core.syncStartBackoff.readFrom(r);
    r.expectEnd("core snapshot");
    // The published status is a function of the heads; recompute it instead of storing it.
    core.publishedStatus = core.currentStatus();
    return core;
  }

  /** SHA-256 of the canonical description of the whole state. */
  public Hash32 stateHash() {
    return StateDigest.of(this);
  }

  /** The status as last published. */
  public SyncStatus syncStatus() {
    return publishedStatus;
  }

  public long eventsApplied() {
    return eventsApplied;
  }

  private void emit(Command command) {
    if (out == null) {
      out = new ArrayList<>(4);
    }
    out.add(command);
  }

  private void onNodeStarted(NodeStarted e) {
    if (config != null && config.l2ChainId() != e.config().l2ChainId()) {
      throw new IllegalStateException(
          "journal belongs to chain " + config.l2ChainId() + ", node started for " + e.config().l2ChainId());
    }
    config = e.config();
    nowMillis = e.nowMillis();
    // Whatever was in flight died with the previous process; nothing will answer it.
    requests.abandonAll();
    syncStartBackoff.reset();
    beginSyncStart();
  }

  private void beginSyncStart() {
    syncStart.begin();
    emit(new FetchEngineHeads(requests.issue(new Pending.EngineHeads())));
  }

  private void onWakeup(WakeupFired e) {
    nowMillis = e.nowMillis();
    Pending purpose = requests.complete(e.correlationId());
    if (purpose instanceof Pending.RetrySyncStart) {
      beginSyncStart();
    }
  }

  private void onL1Head(L1BlockRef head) {
    if (l1Heads.observeHead(head)) {
      emit(new FetchL1Block(requests.issue(new Pending.L1Block(head.number())), head.number()));
    }
  }

  private void onL1BlockFetched(L1BlockFetched e) {
    Pending purpose = requests.complete(e.correlationId());
    if (!(purpose instanceof Pending.L1Block wanted) || wanted.number() != e.block().ref().number()) {
      // Unknown (answered twice, or asked before a restart) or not what we asked for: ignore.
      return;
    }
    l1Window.add(e.block().ref());
  }

  private void onRequestFailed(RequestFailed e) {
    Pending purpose = requests.complete(e.correlationId());
    switch (purpose) {
      case null -> {}
      // A later head observation fetches again; nothing to retry here.
      case Pending.L1Block p -> {}
      case Pending.EngineHeads p -> retrySyncStartLater();
      case Pending.Forkchoice p -> retrySyncStartLater();
      case Pending.RetrySyncStart p -> retrySyncStartLater();
    }
  }

  private void retrySyncStartLater() {
    syncStart.waitForRetry();
    long at = nowMillis + syncStartBackoff.nextDelayMillis();
    emit(new ScheduleWakeup(requests.issue(new Pending.RetrySyncStart()), at));
  }

  private void onEngineResponse(EngineResponseReceived e) {
    Pending purpose = requests.complete(e.correlationId());
    if (purpose == null) {
      return;
    }
    switch (e.response()) {
      case EngineResponse.Heads heads when purpose instanceof Pending.EngineHeads -> onEngineHeads(heads);
      case EngineResponse.ForkchoiceUpdated fcu when purpose instanceof Pending.Forkchoice ->
          onForkchoiceUpdated(fcu);
      default ->
          throw new IllegalStateException(
              "engine answered " + purpose + " with a " + e.response().getClass().getSimpleName());
    }
  }

  private void onEngineHeads(EngineResponse.Heads heads) {
    // The engine is outside the core, so its labels are reconciled rather than trusted.
    L2BlockRef unsafe = heads.unsafe();
    L2BlockRef safe = heads.safe().number() > unsafe.number() ? unsafe : heads.safe();
    L2BlockRef finalized = heads.finalized().number() > safe.number() ? safe : heads.finalized();
    l2Heads.reset(unsafe, safe, finalized);
    ForkchoiceState state = new ForkchoiceState(unsafe.hash(), safe.hash(), finalized.hash());
    syncStart.awaitForkchoice();
    emit(new SendForkchoiceUpdate(requests.issue(new Pending.Forkchoice(state)), state));
  }

  private void onForkchoiceUpdated(EngineResponse.ForkchoiceUpdated fcu) {
    switch (fcu.status().status()) {
      case VALID -> {
        syncStartBackoff.reset();
        syncStart.complete(true);
      }
      case SYNCING, ACCEPTED -> {
        syncStartBackoff.reset();
        syncStart.complete(false);
      }
      case INVALID, INVALID_BLOCK_HASH -> retrySyncStartLater();
    }
  }

  private void onAdminRequest(AdminRequestReceived e) {
    switch (e.request()) {
      case AdminRequest.ResetDerivationPipeline r -> {
        beginSyncStart();
        emit(new RespondRpc(e.requestId(), new RpcOutcome.Success("null")));
      }
    }
  }

  private void publishStatusIfChanged() {
    SyncStatus status = currentStatus();
    if (!status.equals(publishedStatus)) {
      publishedStatus = status;
      emit(new PublishSyncStatus(status));
    }
  }

  private SyncStatus currentStatus() {
    return new SyncStatus(
            L1BlockRef.ZERO,
            l1Heads.head(),
            l1Heads.safe(),
            l1Heads.finalized(),
            l2Heads.unsafe(),
            l2Heads.safe(),
            l2Heads.safe(),
            l2Heads.safe(),
            l2Heads.finalized());
  }

  @Override
  public void describeTo(StateVisitor v) {
    v.beginObject("config");
    if (config != null) {
      v.value("l1ChainId", config.l1ChainId());
      v.value("l2ChainId", config.l2ChainId());
      v.value("blockTimeSeconds", config.blockTimeSeconds());
      v.value("mode", config.mode().name());
      // The full configuration is hashed through its canonical encoding.
      BinaryWriter encoded = new BinaryWriter();
      ValueCodec.write(encoded, config);
      v.value("encoding", dev.basalt.core.types.Bytes.of(encoded.buffer(), 0, encoded.size()));
    }
    v.endObject();
    v.value("nowMillis", nowMillis);
    v.value("eventsApplied", eventsApplied);
    v.value("gossipMessagesUnvalidated", gossipMessagesUnvalidated);
    v.beginObject("requests");
    requests.describeTo(v);
    v.endObject();
    v.beginObject("l1");
    l1Heads.describeTo(v);
    v.endObject();
    v.beginObject("l1Window");
    l1Window.describeTo(v);
    v.endObject();
    v.beginObject("l2");
    l2Heads.describeTo(v);
    v.endObject();
    v.beginObject("syncStart");
    syncStart.describeTo(v);
    syncStartBackoff.describeTo(v, "failures");
    v.endObject();
  }
}
