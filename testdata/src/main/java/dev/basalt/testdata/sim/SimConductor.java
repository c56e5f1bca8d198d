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
import java.util.Optional;

/**
 * A simulated op-conductor for a sequencing node: answers {@code CommitUnsafePayload} and {@code
 * CheckConductorLeader}, and, as op-conductor does, stops the node's sequencer (admin_stopSequencer)
 * when leadership is lost and starts it again on the unsafe head (admin_startSequencer) when it is
 * regained, retrying the start every step until the node accepts it. Faults: the next commits
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
  private boolean wantStart;
  private long startInFlight;
  private long nextRequestId = FIRST_REQUEST_ID;
  private long commits;

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
          leader = false;
          wantStart = false;
          node.submit(new AdminRequestReceived(nextRequestId++, new AdminRequest.StopSequencer()));
          coverage.mark("conductor leadership lost");
        }
        lostSteps = Math.max(lostSteps, n);
      }
    }
  }

  /** One step passed: leadership may come back; an unanswered wish to start is (re)sent. */
  void stepDone() {
    if (lostSteps > 0 && --lostSteps == 0) {
      regain();
    }
    if (wantStart && startInFlight == 0) {
      startInFlight = nextRequestId++;
      node.submit(new AdminRequestReceived(startInFlight, new AdminRequest.StartSequencer(node.status().unsafeL2().hash())));
    }
  }

  /** The faults stop: leadership comes back and no more calls fail. */
  void quiet() {
    failNext = 0;
    hangNext = 0;
    if (lostSteps > 0) {
      lostSteps = 0;
      regain();
    }
  }

  private void regain() {
    leader = true;
    wantStart = true;
  }

  @Override
  public void applied(InputEvent event, List<Command> out, Core core) {
    for (Command c : out) {
      if (c instanceof RespondRpc r && r.requestId() == startInFlight && startInFlight != 0) {
        startInFlight = 0;
        // "already running": a restarted node came back sequencing by itself; either way it runs.
        if (r.outcome() instanceof RpcOutcome.Success
            || (r.outcome() instanceof RpcOutcome.Failure f && f.message().contains("already running"))) {
          wantStart = false;
          coverage.mark("conductor leadership lost and regained");
        }
      }
    }
  }

  @Override
  public void crashed(int lostEvents) {
    startInFlight = 0; // the request died with the process: op-conductor asks again
  }

  long commits() {
    return commits;
  }

  Optional<String> describe() {
    return Optional.of("conductor: leader " + leader + ", commits " + commits);
  }
}
