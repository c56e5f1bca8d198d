package dev.basalt.core;

import dev.basalt.core.command.Command;
import dev.basalt.core.command.Request;
import dev.basalt.core.command.ScheduleWakeup;
import dev.basalt.core.event.AdminRequestReceived;
import dev.basalt.core.event.ClockTicked;
import dev.basalt.core.event.FailureKind;
import dev.basalt.core.event.GossipPayloadReceived;
import dev.basalt.core.event.InputEvent;
import dev.basalt.core.event.L1FinalizedObserved;
import dev.basalt.core.event.L1SafeObserved;
import dev.basalt.core.event.NodeStarted;
import dev.basalt.core.event.RequestFailed;
import dev.basalt.core.event.WakeupFired;
import dev.basalt.core.rpc.AdminRequest;
import dev.basalt.core.types.Bytes;
import dev.basalt.core.world.PayloadBuilder;
import dev.basalt.core.world.ScriptedWorld;
import dev.basalt.core.world.TestChain;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A seeded world around a {@link ScriptedWorld}: L1 grows (carrying the true chain's batches),
 * reorgs and finalizes; requests are answered correctly, with failures, late, out of order or
 * never; the node restarts, is reset by an admin, and gets posted blocks (some tampered). Used to
 * check determinism and snapshot properties over many different, realistic event streams, with
 * real derivation and engine work in them.
 */
final class ReactiveEvents {
  private final SplittableRandom random;
  private final ScriptedWorld world = new ScriptedWorld(TestChain.holocene());
  private final List<Command> pending = new ArrayList<>();
  private final ArrayDeque<InputEvent> ready = new ArrayDeque<>();
  /** (L1 block number, highest L2 block batched in it), oldest first. */
  private final List<long[]> batches = new ArrayList<>();
  private long nowMillis = TestChain.GENESIS_TIME * 1000;
  private int channels;
  private boolean started;

  ReactiveEvents(long seed) {
    random = new SplittableRandom(seed);
  }

  /** The next event; call {@link #observe} with the core's commands for it. */
  InputEvent next() {
    if (!started) {
      started = true;
      return new NodeStarted(world.chain.config(), nowMillis);
    }
    if (!ready.isEmpty()) {
      return ready.poll();
    }
    int roll = random.nextInt(100);
    if (roll < 50 && !pending.isEmpty()) {
      return answer(pending.remove(random.nextInt(pending.size())));
    }
    if (roll < 58) {
      nowMillis += random.nextInt(1, 3_000);
      return new ClockTicked(nowMillis);
    }
    if (roll < 66) {
      return l1Activity();
    }
    if (roll < 68) {
      world.l1.finalizeThrough(Math.max(0, world.l1.head().ref().number() - random.nextInt(2, 12)));
      return new L1FinalizedObserved(world.l1.finalizedBlock().ref());
    }
    if (roll < 69) {
      return new L1SafeObserved(world.l1.block(Math.max(0, world.l1.head().ref().number() - 2)).ref());
    }
    if (roll < 70) {
      return new AdminRequestReceived(random.nextLong(1, Long.MAX_VALUE), new AdminRequest.ResetDerivationPipeline());
    }
    if (roll < 71 && random.nextBoolean()) {
      pending.clear();
      ready.clear();
      return new NodeStarted(world.chain.config(), nowMillis);
    }
    if (roll < 76) {
      return postBlock();
    }
    if (roll < 78) {
      return new GossipPayloadReceived(nowMillis, "peer" + random.nextInt(5), 3, Bytes.of(new byte[] {1, 2}));
    }
    return new ClockTicked(nowMillis);
  }

  /** Mines an L1 block (with batches for the true blocks not batched yet), sometimes after a reorg. */
  private InputEvent l1Activity() {
    long head = world.l1.head().ref().number();
    if (random.nextInt(12) == 0 && head > 3) {
      long from = Math.max(world.l1.finalizedBlock().ref().number() + 1, head - random.nextInt(0, 3));
      if (from <= head) {
        world.l1.reorgFrom(from);
        batches.removeIf(b -> b[0] >= from);
        long keep = 0;
        while (keep + 1 <= world.truth.head().ref().number() && world.truth.info((int) keep + 1).ref().l1Origin().number() < from) {
          keep++;
        }
        world.truth.truncate((int) keep);
      }
    }
    long maxL2 = (world.l1.head().ref().timestamp() - TestChain.GENESIS_TIME) / TestChain.L2_BLOCK_SECONDS;
    world.truth.sequenceTo(maxL2);
    long batched = batches.isEmpty() ? 0 : batches.get(batches.size() - 1)[1];
    long top = world.truth.head().ref().number();
    if (top > batched && random.nextInt(3) > 0) {
      long to = Math.min(top, batched + random.nextInt(1, 20));
      world.l1.mine(random.nextBoolean()
          ? world.truth.singularBatches("c" + channels++, (int) batched + 1, (int) to)
          : world.truth.spanBatch("c" + channels++, (int) batched + 1, (int) to));
      batches.add(new long[] {world.l1.head().ref().number(), to});
    } else {
      world.l1.mine();
    }
    return world.l1Head();
  }

  private InputEvent postBlock() {
    long top = world.truth.head().ref().number();
    if (top < 1) {
      return new ClockTicked(nowMillis);
    }
    var block = world.truth.block(random.nextInt(1, (int) top + 1));
    if (random.nextInt(6) == 0) {
      block = PayloadBuilder.withHash(block, world.chain.l2Genesis.payload().blockHash());
    }
    return new AdminRequestReceived(random.nextLong(1, Long.MAX_VALUE), new AdminRequest.PostUnsafePayload(block));
  }

  void observe(List<Command> commands) {
    for (Command c : commands) {
      if (c instanceof Request) {
        pending.add(c);
      }
    }
  }

  private InputEvent answer(Command c) {
    long id = ((Request) c).correlationId();
    if (c instanceof ScheduleWakeup w) {
      nowMillis = Math.max(nowMillis, w.atMillis());
      return new WakeupFired(id, nowMillis);
    }
    if (random.nextInt(40) == 0) {
      // A lost answer: the adapter's deadline turns it into a timeout (adapters always answer).
      return new RequestFailed(id, FailureKind.TIMEOUT, "lost");
    }
    if (random.nextInt(12) == 0) {
      return new RequestFailed(id, FailureKind.values()[random.nextInt(FailureKind.values().length)], "injected");
    }
    List<InputEvent> answers = world.handle(c);
    if (answers.isEmpty()) {
      return new ClockTicked(nowMillis);
    }
    ready.addAll(answers.subList(1, answers.size()));
    return answers.get(0);
  }
}
