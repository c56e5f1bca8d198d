package dev.basalt.bench;

import dev.basalt.core.command.Command;
import dev.basalt.core.command.GetPayload;
import dev.basalt.core.command.Request;
import dev.basalt.core.command.SendForkchoiceUpdate;
import dev.basalt.core.command.SendNewPayload;
import dev.basalt.core.event.EngineResponseReceived;
import dev.basalt.core.event.InputEvent;
import dev.basalt.core.event.L1BlockFetched;
import dev.basalt.core.event.RequestFailed;
import dev.basalt.core.event.WakeupFired;
import dev.basalt.core.types.Hash32;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Follows the two paths of every sequenced slot through the events the core applies, summing the
 * consensus layer's own time on each (the core's apply plus journaling the input and its outputs;
 * the engine's time never counts, it happens between events):
 *
 * <ul>
 *   <li>start: from the clock event that starts a block (the last wakeup before it) to the
 *       forkchoice update carrying payload attributes, through any answers to requests made on
 *       the way (an L1 origin fetched);
 *   <li>seal: from the wakeup at the seal deadline through the {@code getPayload} and {@code
 *       newPayload} answers to the forkchoice update that makes the block the head.
 * </ul>
 *
 * A slot is missed when its block became the head after the slot ended (event time), or when the
 * seal path alone took longer than the sealing window it has.
 */
final class SlotPaths {
  private enum Phase { IDLE, STARTING, BUILDING, SEALING }

  private final long sealingWindowNanos;
  private Phase phase = Phase.IDLE;
  private final Set<Long> pathIds = new HashSet<>();
  private long acc;
  private Hash32 inserting;
  private boolean getPayloadSent;
  private long insertingSlotEndMillis;
  final List<Long> startNanos = new ArrayList<>();
  final List<Long> sealNanos = new ArrayList<>();
  long missed;
  long lateByClock;

  SlotPaths(long sealingWindowMillis) {
    this.sealingWindowNanos = sealingWindowMillis * 1_000_000;
  }

  /** One applied event: its outputs, the CL time it took, and the event clock when it was applied. */
  void applied(InputEvent event, List<Command> out, long clNanos, long nowMillis) {
    boolean onPath = false;
    if (event instanceof WakeupFired) {
      if (phase == Phase.IDLE || phase == Phase.STARTING) {
        begin(Phase.STARTING);
        onPath = true;
      } else if (phase == Phase.BUILDING || (phase == Phase.SEALING && !getPayloadSent)) {
        begin(Phase.SEALING); // the last wakeup before the getPayload is the seal deadline's
        onPath = true;
      }
    } else {
      Long id = answerId(event);
      onPath = id != null && pathIds.remove(id);
    }
    // An event that sends the path's next call is on it too (the engine queue may release it on another answer).
    onPath = onPath || out.stream().anyMatch(this::continuesPath);
    if (!onPath) {
      return;
    }
    if (phase == Phase.IDLE) {
      begin(Phase.STARTING); // a late sequencer starts the next block at once, on an engine answer
    }
    acc += clNanos;
    for (Command c : out) {
      if (c instanceof Request r) {
        pathIds.add(r.correlationId());
      }
      if (phase == Phase.SEALING && c instanceof GetPayload) {
        getPayloadSent = true;
      }
      if (phase == Phase.SEALING && c instanceof SendNewPayload p) {
        inserting = p.envelope().payload().blockHash();
        insertingSlotEndMillis = p.envelope().payload().timestamp() * 1000;
      }
      if (phase == Phase.SEALING && isHeadUpdate(c)) {
        sealNanos.add(acc);
        boolean late = nowMillis > insertingSlotEndMillis;
        lateByClock += late ? 1 : 0;
        if (late || acc > sealingWindowNanos) {
          missed++;
        }
        begin(Phase.IDLE);
        acc = clNanos; // a start sent by the same event counts this event's time
      }
      if ((phase == Phase.STARTING || phase == Phase.IDLE) && c instanceof SendForkchoiceUpdate f && f.attributes().isPresent()) {
        startNanos.add(acc);
        begin(Phase.BUILDING);
      }
    }
  }

  private boolean continuesPath(Command c) {
    return switch (phase) {
      case IDLE, STARTING -> c instanceof SendForkchoiceUpdate f && f.attributes().isPresent();
      case SEALING -> c instanceof GetPayload || c instanceof SendNewPayload || isHeadUpdate(c);
      case BUILDING -> false;
    };
  }

  private boolean isHeadUpdate(Command c) {
    return c instanceof SendForkchoiceUpdate f && f.attributes().isEmpty() && inserting != null
        && f.state().headBlockHash().equals(inserting);
  }

  private void begin(Phase next) {
    phase = next;
    acc = 0;
    pathIds.clear();
    inserting = null;
    getPayloadSent = false;
  }

  private static Long answerId(InputEvent e) {
    return switch (e) {
      case EngineResponseReceived r -> r.correlationId();
      case L1BlockFetched f -> f.correlationId();
      case RequestFailed f -> f.correlationId();
      default -> null;
    };
  }
}
