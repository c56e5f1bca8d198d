package dev.basalt.core.sequencer;

import dev.basalt.core.CoreConfig;
import dev.basalt.core.command.CheckConductorLeader;
import dev.basalt.core.command.PersistSequencerState;
import dev.basalt.core.command.RespondRpc;
import dev.basalt.core.flow.Outbox;
import dev.basalt.core.flow.Pending;
import dev.basalt.core.heads.L2Heads;
import dev.basalt.core.rpc.RpcOutcome;
import dev.basalt.core.types.Hash32;
import dev.basalt.core.types.L2BlockRef;
import java.util.Optional;

/**
 * The sequencer's admin API (op-node {@code admin_startSequencer}, {@code admin_stopSequencer},
 * {@code admin_sequencerActive}, {@code admin_setRecoverMode}, {@code admin_overrideLeader},
 * {@code admin_conductorEnabled}), with op-node's error texts. Starting and stopping only switch
 * the {@link BuildScheduler} on and off through the shared {@link SequencerState}; a stop that
 * must wait for a sealed block to become the unsafe head is completed by the scheduler through
 * {@link #finishStop}. Under op-conductor a start asks for leadership first.
 */
final class SequencerAdmin {
  private static final RpcOutcome NULL = new RpcOutcome.Success("null");

  private final SequencerState state;
  private CoreConfig config;

  SequencerAdmin(SequencerState state) {
    this.state = state;
  }

  void configure(CoreConfig newConfig) {
    config = newConfig;
  }

  private boolean enabled() {
    return config != null && config.sequencing();
  }

  /** Blocks are committed to op-conductor and starts need its leadership (unless overridden). */
  boolean conductorActive() {
    return config.sequencer().conductorEnabled() && !state.conductorOverridden;
  }

  private static RpcOutcome fail(String message) {
    return new RpcOutcome.Failure(Sequencer.RPC_SERVER_ERROR, message);
  }

  /**
   * {@code admin_startSequencer}: under op-conductor the conductor is asked for leadership first
   * and the answer comes with its reply ({@link #onLeaderChecked}); empty then. Otherwise at once.
   */
  Optional<RpcOutcome> start(long requestId, Hash32 head, L2Heads heads, Outbox out) {
    if (!enabled()) {
      return Optional.of(fail("sequencer is not enabled"));
    }
    if (conductorActive()) {
      out.request(new Pending.SequencerLeaderCheck(requestId, head), CheckConductorLeader::new);
      return Optional.empty();
    }
    return Optional.of(startOn(head, heads, out));
  }

  /**
   * The conductor's answer for a start: {@code leader} is empty when it could not be asked
   * ({@code failure} says why). Answers the start request.
   */
  void onLeaderChecked(Pending.SequencerLeaderCheck check, Optional<Boolean> leader, String failure, L2Heads heads,
      Outbox out) {
    RpcOutcome outcome;
    if (leader.isEmpty()) {
      outcome = fail("sequencer leader check failed: " + failure);
    } else if (!leader.get()) {
      outcome = fail("sequencer is not the leader, aborting");
    } else {
      outcome = startOn(check.head(), heads, out);
    }
    out.emit(new RespondRpc(check.requestId(), outcome));
  }

  /** Starts on top of {@code head}, which must be the current unsafe head, and only when stopped. */
  private RpcOutcome startOn(Hash32 head, L2Heads heads, Outbox out) {
    if (state.active) {
      return fail("sequencer already running");
    }
    L2BlockRef unsafe = heads.unsafe().ref();
    if (heads.unsafe() == L2Heads.UNKNOWN) {
      return fail("no prestate, cannot determine if sequencer start at " + head + " is safe");
    }
    if (!head.equals(unsafe.hash())) {
      return fail("block hash does not match: head " + unsafe + ", received " + head);
    }
    state.active = true;
    state.clearBuild();
    state.stalledByMaxSafeLag = false;
    state.knownUnsafe = unsafe;
    state.armed = !state.awaitingResetConfirm && !state.engineBusy;
    state.nextActionMillis = out.nowMillis();
    out.emit(new PersistSequencerState(true));
    return NULL;
  }

  /**
   * {@code admin_stopSequencer}: answered at once, or, when a sealed block is still on its way to
   * becoming the unsafe head, as soon as it is (op-node waits for the head to reach the last sealed
   * block). A build not sealed yet is abandoned. Empty when the answer is deferred.
   */
  Optional<RpcOutcome> stop(long requestId, L2Heads heads, Outbox out) {
    if (!enabled()) {
      return Optional.of(fail("sequencer is not enabled"));
    }
    if (!state.active || state.stopPending) {
      return Optional.of(fail("sequencer not running"));
    }
    state.stopPending = true;
    state.stopRequestId = requestId;
    state.armed = false;
    if (state.payloadId != null && !state.engineBusy) {
      state.clearBuild(); // started but not sealed: abandoned, as op-node wipes its building state
    }
    return Optional.empty();
  }

  /** The unsafe head reached the last sealed block: the stop completes and its request is answered. */
  void finishStop(L2BlockRef unsafe, Outbox out) {
    state.stopPending = false;
    state.active = false;
    state.armed = false;
    state.stalledByMaxSafeLag = false;
    state.clearBuild();
    out.emit(new PersistSequencerState(false));
    out.emit(new RespondRpc(state.stopRequestId, new RpcOutcome.Success("\"" + unsafe.hash().toHex() + "\"")));
  }

  RpcOutcome sequencerActive() {
    return new RpcOutcome.Success(enabled() && state.active ? "true" : "false");
  }

  RpcOutcome setRecoverMode(boolean enabled) {
    if (!enabled()) {
      return fail("sequencer is not enabled");
    }
    state.recoverMode = enabled;
    return NULL;
  }

  /** {@code admin_overrideLeader}: act as leader without the conductor until the process restarts. */
  RpcOutcome overrideLeader() {
    if (!enabled()) {
      return fail("sequencer is not enabled");
    }
    state.conductorOverridden = true;
    return NULL;
  }

  /** {@code admin_conductorEnabled}. */
  RpcOutcome conductorEnabled() {
    return new RpcOutcome.Success(enabled() && config.sequencer().conductorEnabled() ? "true" : "false");
  }
}
