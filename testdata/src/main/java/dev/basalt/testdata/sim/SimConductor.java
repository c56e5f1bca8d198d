package dev.basalt.testdata.sim;

import dev.basalt.core.Core;
import dev.basalt.core.command.CheckConductorLeader;
import dev.basalt.core.command.Command;
import dev.basalt.core.command.CommitUnsafePayload;
import dev.basalt.core.command.RespondRpc;
import dev.basalt.core.event.AdminRequestReceived;
import dev.basalt.core.event.ConductorLeaderChecked;
import dev.basalt.core.event.ConductorPayloadCommitted;
import dev.basalt.core.event.FailureKind;
import dev.basalt.core.event.InputEvent;
import dev.basalt.core.event.RequestFailed;
import dev.basalt.core.rpc.AdminRequest;
import dev.basalt.core.rpc.RpcOutcome;
import java.util.List;

/**
 * A simulated op-conductor for a sequencing node: answers {@code CommitUnsafePayload} and {@code
 * CheckConductorLeader}, and, as op-conductor's control loop does, every step asks whether the
 * sequencer is active (admin_sequencerActive) and stops it (admin_stopSequencer) when it lost
 * leadership, starts it on the unsafe head (admin_startSequencer) when it leads. Faults: the next commits
 * refused or timing out, leadership lost for some steps. A commit from a non-leader is refused, as
 * Raft refuses to apply on a follower.
 */
final class SimConductor implements SimNode.Listener {
  /** Request ids of the conductor's admin calls: far from the RPC adapter's and the core's ids. */
  private static final long FIRST_REQUEST_ID = 1L << 50;

  private final SimNode node;
  private final Coverage coverage;
  private boolean leader = true;
  private int failNext;
  private int hangNext;
  private int lostSteps;
  private enum Kind { ACTIVE, START, STOP }

  /** The conductor's one admin call in flight (0: none), and what it asked. */
  private long inFlight;
  private Kind inFlightKind = Kind.ACTIVE;
  /** Nonzero from a leadership loss until the start that follows it succeeded. */
  private long lostAt;
  private long nextRequestId = FIRST_REQUEST_ID;
  private long commits;
  /** How often the sequencer was started again after a leadership loss. */
  private long regained;

  SimConductor(SimNode node, Coverage coverage) {
    this.node = node;
    this.coverage = coverage;
  }

  /** Whether {@code c} is a conductor call. */
  static boolean handles(Command c) {
    return c instanceof CommitUnsafePayload || c instanceof CheckConductorLeader;
  }

  /** The conductor's answer to {@code c}, at once (a hung call ends with the adapter's timeout). */
  List<InputEvent> answer(Command c) {
    return switch (c) {
      case CheckConductorLeader q -> List.of(new ConductorLeaderChecked(q.correlationId(), leader));
      case CommitUnsafePayload p -> List.of(commit(p.correlationId()));
      default -> List.of();
    };
  }

  private InputEvent commit(long id) {
    commits++;
    if (hangNext > 0) {
      hangNext--;
      coverage.mark("conductor commit failed");
      return new RequestFailed(id, FailureKind.TIMEOUT, "conductor_commitUnsafePayload timed out");
    }
    if (failNext > 0) {
      failNext--;
      coverage.mark("conductor commit failed");
      return new RequestFailed(id, FailureKind.REMOTE_ERROR, "injected commit failure");
    }
    if (!leader) {
      coverage.mark("conductor commit refused: not the leader");
      return new RequestFailed(id, FailureKind.REMOTE_ERROR, "node is not the leader");
    }
    return new ConductorPayloadCommitted(id);
  }

  /** A CONDUCTOR fault of {@code size}: {@code size % 3} picks fail, hang or lose leadership. */
  void inject(int size) {
    int n = size / 3 + 1;
    switch (size % 3) {
      case 0 -> failNext += n;
      case 1 -> hangNext += n;
      default -> {
        if (leader) {
          leader = false; // the next reconciliation stops the sequencer
          lostAt = 1;
          coverage.mark("conductor leadership lost");
        }
        lostSteps = Math.max(lostSteps, n);
      }
    }
  }

  /**
   * One step passed: leadership may come back, and the conductor reconciles as op-conductor's
   * control loop does: it asks whether the sequencer is active and starts it on the unsafe head
   * when it leads and the sequencer is not, stops it when it does not lead and the sequencer is.
   * (A start can be refused while a stop waits for a sealed block, and a restart can bring the
   * sequencer back on its own: only asking again settles it.)
   */
  void stepDone() {
    if (lostSteps > 0 && --lostSteps == 0) {
      leader = true;
    }
    if (inFlight == 0) {
      inFlight = nextRequestId++;
      inFlightKind = Kind.ACTIVE;
      node.submit(new AdminRequestReceived(inFlight, new AdminRequest.SequencerActive()));
    }
  }

  /** The faults stop: leadership comes back and no more calls fail. */
  void quiet() {
    failNext = 0;
    hangNext = 0;
    lostSteps = 0;
    leader = true;
  }

  @Override
  public void applied(InputEvent event, List<Command> out, Core core) {
    for (Command c : out) {
      if (c instanceof RespondRpc r && inFlight != 0 && r.requestId() == inFlight) {
        inFlight = 0;
        Kind kind = inFlightKind;
        if (kind == Kind.ACTIVE && r.outcome() instanceof RpcOutcome.Success ok) {
          reconcile("true".equals(ok.resultJson()), core);
        } else if (kind == Kind.START && r.outcome() instanceof RpcOutcome.Success && lostAt > 0) {
          lostAt = 0;
          regained++;
          coverage.mark("conductor leadership lost and regained");
        }
      }
    }
  }

  private void reconcile(boolean active, Core core) {
    if (leader && !active) {
      inFlight = nextRequestId++;
      inFlightKind = Kind.START;
      node.submit(new AdminRequestReceived(inFlight, new AdminRequest.StartSequencer(core.syncStatus().unsafeL2().hash())));
    } else if (!leader && active) {
      inFlight = nextRequestId++;
      inFlightKind = Kind.STOP;
      node.submit(new AdminRequestReceived(inFlight, new AdminRequest.StopSequencer()));
    }
  }

  @Override
  public void crashed(int lostEvents) {
    inFlight = 0; // the request died with the process: op-conductor asks again
  }

  long commits() {
    return commits;
  }

  /** How often the sequencer was started again after a leadership loss. */
  long regained() {
    return regained;
  }
}
