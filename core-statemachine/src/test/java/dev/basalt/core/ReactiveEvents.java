package dev.basalt.core;

import dev.basalt.core.command.Command;
import dev.basalt.core.command.FetchEngineHeads;
import dev.basalt.core.command.FetchL1Block;
import dev.basalt.core.command.ScheduleWakeup;
import dev.basalt.core.command.SendForkchoiceUpdate;
import dev.basalt.core.engine.EngineResponse;
import dev.basalt.core.engine.ExecutionStatus;
import dev.basalt.core.engine.PayloadId;
import dev.basalt.core.engine.PayloadStatus;
import dev.basalt.core.event.AdminRequestReceived;
import dev.basalt.core.event.ClockTicked;
import dev.basalt.core.event.EngineResponseReceived;
import dev.basalt.core.event.FailureKind;
import dev.basalt.core.event.GossipPayloadReceived;
import dev.basalt.core.event.InputEvent;
import dev.basalt.core.event.L1BlockFetched;
import dev.basalt.core.event.L1FinalizedObserved;
import dev.basalt.core.event.L1HeadObserved;
import dev.basalt.core.event.L1SafeObserved;
import dev.basalt.core.event.NodeStarted;
import dev.basalt.core.event.RequestFailed;
import dev.basalt.core.event.WakeupFired;
import dev.basalt.core.rpc.AdminRequest;
import dev.basalt.core.types.Bytes;
import dev.basalt.core.types.L1BlockRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * A seeded world that answers the core's requests (sometimes with failures, late, or never) and
 * throws in L1 heads, reorgs, restarts and admin resets. Used to check determinism properties over
 * many different event streams.
 */
final class ReactiveEvents {
  private final SplittableRandom random;
  private final List<Command> pending = new ArrayList<>();
  private long nowMillis = 1_700_000_000_000L;
  private long l1Number = 100;
  private int l1Fork;
  private boolean started;

  ReactiveEvents(long seed) {
    random = new SplittableRandom(seed);
  }

  /** The next event; call {@link #observe} with the core's commands for it. */
  InputEvent next() {
    if (!started) {
      started = true;
      return new NodeStarted(TestRefs.config(), nowMillis);
    }
    int roll = random.nextInt(100);
    if (roll < 30 && !pending.isEmpty()) {
      return answer(pending.remove(random.nextInt(pending.size())));
    }
    if (roll < 50) {
      nowMillis += random.nextInt(1, 2_000);
      return new ClockTicked(nowMillis);
    }
    if (roll < 65) {
      if (random.nextInt(10) == 0) {
        l1Fork++;
        l1Number -= random.nextInt(0, 4);
      } else {
        l1Number++;
      }
      return new L1HeadObserved(TestRefs.l1(l1Number, l1Fork));
    }
    if (roll < 72) {
      return new L1SafeObserved(TestRefs.l1(Math.max(0, l1Number - random.nextInt(0, 40)), l1Fork));
    }
    if (roll < 78) {
      return new L1FinalizedObserved(TestRefs.l1(Math.max(0, l1Number - random.nextInt(30, 90)), l1Fork));
    }
    if (roll < 82) {
      return new GossipPayloadReceived(nowMillis, "peer" + random.nextInt(5), 3, Bytes.of(new byte[] {1, 2}));
    }
    if (roll < 84) {
      pending.clear();
      return new NodeStarted(TestRefs.config(), nowMillis);
    }
    if (roll < 86) {
      return new AdminRequestReceived(random.nextLong(1, Long.MAX_VALUE), new AdminRequest.ResetDerivationPipeline());
    }
    return new ClockTicked(nowMillis);
  }

  void observe(List<Command> commands) {
    for (Command c : commands) {
      if (c instanceof dev.basalt.core.command.Request && random.nextInt(20) != 0) {
        pending.add(c); // one request in twenty is never answered, like a lost packet
      }
    }
  }

  private InputEvent answer(Command c) {
    long id = ((dev.basalt.core.command.Request) c).correlationId();
    if (random.nextInt(8) == 0 && !(c instanceof ScheduleWakeup)) {
      return new RequestFailed(id, FailureKind.values()[random.nextInt(FailureKind.values().length)], "injected");
    }
    return switch (c) {
      case FetchL1Block f ->
          new L1BlockFetched(id, TestRefs.block(TestRefs.l1(f.number(), l1Fork)));
      case FetchEngineHeads f ->
          new EngineResponseReceived(
              id, new EngineResponse.Heads(TestRefs.l2(300), TestRefs.l2(200 + random.nextInt(150)), TestRefs.l2(100)));
      case SendForkchoiceUpdate f ->
          new EngineResponseReceived(
              id,
              new EngineResponse.ForkchoiceUpdated(
                  PayloadStatus.of(ExecutionStatus.values()[random.nextInt(ExecutionStatus.values().length)]),
                  random.nextBoolean() ? Optional.empty() : Optional.of(new PayloadId(random.nextLong()))));
      case ScheduleWakeup w -> new WakeupFired(id, Math.max(nowMillis, w.atMillis()));
      default -> throw new IllegalStateException("not a request: " + c);
    };
  }
}
