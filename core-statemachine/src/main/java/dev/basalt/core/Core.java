package dev.basalt.core;

import dev.basalt.core.codec.BinaryReader;
import dev.basalt.core.codec.BinaryWriter;
import dev.basalt.core.codec.DecodeException;
import dev.basalt.core.command.Command;
import dev.basalt.core.command.HaltNode;
import dev.basalt.core.command.PublishSyncStatus;
import dev.basalt.core.crypto.RecoveryMemo;
import dev.basalt.core.derive.driver.DerivationDriver;
import dev.basalt.core.engine.control.EngineController;
import dev.basalt.core.event.ClockTicked;
import dev.basalt.core.event.InputEvent;
import dev.basalt.core.event.NodeStarted;
import dev.basalt.core.event.WakeupFired;
import dev.basalt.core.finality.Finalizer;
import dev.basalt.core.flow.Outbox;
import dev.basalt.core.flow.Signal;
import dev.basalt.core.heads.L1Heads;
import dev.basalt.core.heads.L2Heads;
import dev.basalt.core.heads.SyncStatus;
import dev.basalt.core.state.Describable;
import dev.basalt.core.state.StateDigest;
import dev.basalt.core.state.StateVisitor;
import dev.basalt.core.types.Hash32;
import java.util.List;

/**
 * The deterministic state machine: {@link #apply} takes one event and returns the commands it
 * leads to. Not thread-safe by design; exactly one thread calls it.
 *
 * <p>The spine routes each event to the component it concerns (answers by the purpose their
 * request was issued for), then delivers the {@link Signal}s the components raise to each other in
 * FIFO order until none is left, then publishes the status if it changed. Components: the {@link
 * EngineController} (the only writer of the L2 heads and the only Engine API user), the {@link
 * DerivationDriver} (the pipeline, in lockstep with the controller) and the {@link Finalizer}.
 *
 * <p>The work is split by concern: {@link EventRouter} routes an event, {@link SignalRouter}
 * delivers the signals, {@link CoreState} holds the state and its snapshot layout; this class runs
 * the steps of one event in order and collects the commands they emit.
 *
 * <p>An exception thrown from {@link #apply} is a bug in the core. The caller must halt and must
 * never skip the event, because the state may be half-updated. Protocol-critical outcomes are not
 * exceptions: they become a {@link HaltNode} command, after which every event but {@code
 * NodeStarted} is ignored.
 */
public final class Core implements Describable {
  private static final List<Command> NONE = List.of();

  /** Sequencer passes per event: each acts at most once more on signals the previous one raised. */
  private static final int MAX_SEQUENCER_ROUNDS = 4;

  /** Version of the snapshot layout written by {@link #writeSnapshot} (5: conductor requests and the gossip validator). */
  public static final int SNAPSHOT_VERSION = 5;

  private final CoreState state;
  private final EventRouter router;
  private final SignalRouter signals;
  private SyncStatus publishedStatus = SyncStatus.EMPTY;

  /** A core that has seen no event yet, with its own memo of recovered signers. */
  public Core() {
    this(new RecoveryMemo());
  }

  /**
   * As {@link #Core()}, recovering batcher-tx senders and gossip signers through {@code recoveries}:
   * a memo that cannot change any answer, so a process that rebuilds its core may hand over the old
   * core's memo (one thread only).
   */
  public Core(RecoveryMemo recoveries) {
    this(new CoreMemos(recoveries));
  }

  /**
   * As {@link #Core()}, computing through {@code memos}: they cannot change any answer, so a process
   * that rebuilds its core may hand over the old core's memos (one thread only).
   */
  public Core(CoreMemos memos) {
    this.state = new CoreState(memos);
    this.router = new EventRouter(state);
    this.signals = new SignalRouter(state);
  }

  /** Applies one event and returns the commands it leads to (possibly none). */
  public List<Command> apply(InputEvent event) {
    if (state.config == null && !(event instanceof NodeStarted)) {
      throw new IllegalStateException("first event must be NodeStarted, got " + event);
    }
    advanceClock(event);
    Outbox out = new Outbox(state.requests, state.nowMillis);
    if (state.haltReason.isEmpty() || event instanceof NodeStarted) {
      router.route(event, out);
      signals.deliverSignals(out);
      // The sequencer acts on the state the event left; what it starts may raise signals in turn.
      for (int round = 0; round < MAX_SEQUENCER_ROUNDS && state.haltReason.isEmpty(); round++) {
        state.sequencer.afterEvent(state.engine, out, state.l1Head());
        if (!out.hasSignals()) {
          break;
        }
        signals.deliverSignals(out);
      }
    }
    state.eventsApplied++;
    publishStatusIfChanged(out);
    return out.commands().isEmpty() ? NONE : out.commands();
  }

  private void advanceClock(InputEvent event) {
    switch (event) {
      case NodeStarted e -> state.nowMillis = e.nowMillis();
      case ClockTicked e -> state.nowMillis = e.nowMillis();
      case WakeupFired e -> state.nowMillis = e.nowMillis();
      default -> {}
    }
  }

  /**
   * Writes the complete state, so that {@link #restore} followed by the same events behaves exactly
   * like this core. Only valid between events.
   */
  public void writeSnapshot(BinaryWriter w) {
    w.u8(SNAPSHOT_VERSION);
    state.writeTo(w);
  }

  /** Rebuilds a core from {@link #writeSnapshot} output. */
  public static Core restore(BinaryReader r) {
    return restore(r, new RecoveryMemo());
  }

  /** As {@link #restore(BinaryReader)}, the core recovering signers through {@code recoveries} (see {@link #Core(RecoveryMemo)}). */
  public static Core restore(BinaryReader r, RecoveryMemo recoveries) {
    return restore(r, new CoreMemos(recoveries));
  }

  /** As {@link #restore(BinaryReader)}, the core computing through {@code memos} (see {@link #Core(CoreMemos)}). */
  public static Core restore(BinaryReader r, CoreMemos memos) {
    int version = r.u8();
    if (version != SNAPSHOT_VERSION) {
      throw new DecodeException("unsupported core snapshot version " + version);
    }
    Core core = new Core(memos);
    core.state.readFrom(r);
    r.expectEnd("core snapshot");
    // The published status is a function of the state; recompute it instead of storing it.
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
    return state.eventsApplied;
  }

  /** Why the node halted, or empty while it runs. */
  public String haltReason() {
    return state.haltReason;
  }

  private void publishStatusIfChanged(Outbox out) {
    SyncStatus status = currentStatus();
    if (!status.equals(publishedStatus)) {
      publishedStatus = status;
      out.emit(new PublishSyncStatus(status));
    }
  }

  private SyncStatus currentStatus() {
    L2Heads h = state.engine.heads();
    L1Heads l1 = state.l1Heads;
    return new SyncStatus(state.derivation.origin(), l1.head(), l1.safe(), l1.finalized(), h.unsafe().ref(),
        h.pendingSafe().ref(), h.localSafe().ref(), h.safe().ref(), h.finalized().ref());
  }

  @Override
  public void describeTo(StateVisitor v) {
    state.describeTo(v);
  }
}
