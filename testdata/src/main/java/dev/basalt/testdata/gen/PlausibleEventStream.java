package dev.basalt.testdata.gen;

import dev.basalt.core.CoreConfig;
import dev.basalt.core.config.ChainGenesis;
import dev.basalt.core.config.RollupConfig;
import dev.basalt.core.command.Command;
import dev.basalt.core.command.FetchEngineHeads;
import dev.basalt.core.command.FetchL1Block;
import dev.basalt.core.command.PublishSyncStatus;
import dev.basalt.core.command.RespondRpc;
import dev.basalt.core.command.ScheduleWakeup;
import dev.basalt.core.command.SendForkchoiceUpdate;
import dev.basalt.core.engine.EngineResponse;
import dev.basalt.core.engine.ExecutionStatus;
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
import dev.basalt.core.types.BlockId;
import dev.basalt.core.types.Bytes;
import dev.basalt.core.types.Hash32;
import dev.basalt.core.types.L1BlockRef;
import dev.basalt.core.types.L2BlockRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A seeded stream of events such as a validator node would journal: a {@link NodeStarted} first,
 * then clock ticks, L1 head / safe / finalized observations over a chain that grows (and
 * occasionally reorgs), answers to the core's requests echoing their correlation ids, occasional
 * failures, duplicate answers, gossip, admin resets and restarts.
 *
 * <p>Usage: {@code e = stream.next(); commands = core.apply(e); stream.observe(commands);}. The
 * stream answers only what it was shown, so feeding it the commands is what makes it plausible.
 * Same seed and same commands give the same events.
 */
public final class PlausibleEventStream {
  /** The configuration every {@code NodeStarted} carries (a restart keeps the chain). */
  public static final CoreConfig CONFIG = TestConfigs.core(11_155_111, 11_155_420);

  private static final long GENESIS_MILLIS = 1_700_000_000_000L;
  private static final long L1_BLOCK_MILLIS = 12_000;
  private static final long L1_FIRST_NUMBER = 5_000_000;
  private static final int SAFE_DEPTH = 16;
  private static final int FINALIZED_DEPTH = 64;

  private final SimRng chaos;
  private final SimRng clock;
  private final SimRng answers;
  private final L1Chain l1;
  private final long l2Seed;

  private final List<Scheduled> scheduled = new ArrayList<>();
  private long insertions;
  private long nowMillis = GENESIS_MILLIS;
  private long nextL1BlockMillis = GENESIS_MILLIS + L1_BLOCK_MILLIS;
  private long nextRpcId = 1;
  private long finalizedObserved = -1;
  private boolean started;
  /** {@link #CONFIG} with its genesis on this stream's L1 chain, so derivation can start. */
  private final CoreConfig config;

  public PlausibleEventStream(SimRng rng) {
    this.chaos = rng.fork("chaos");
    this.clock = rng.fork("clock");
    this.answers = rng.fork("answers");
    this.l1 = new L1Chain(rng.fork("l1"), L1_FIRST_NUMBER, GENESIS_MILLIS / 1000);
    this.l2Seed = rng.fork("l2").nextLong();
    this.config = onL1(CONFIG, l1.byNumber(L1_FIRST_NUMBER).id());
  }

  /** The same chain (same ids, so journals match) with its L1 genesis at {@code l1Genesis}. */
  private static CoreConfig onL1(CoreConfig c, BlockId l1Genesis) {
    RollupConfig r = c.rollup();
    ChainGenesis genesis = new ChainGenesis(l1Genesis, r.genesis().l2(), GENESIS_MILLIS / 1000, r.genesis().systemConfig());
    RollupConfig rollup = new RollupConfig(r.l1ChainId(), r.l2ChainId(), genesis, r.blockTimeSeconds(),
        r.maxSequencerDriftSeconds(), r.seqWindowSize(), r.channelTimeoutBedrock(), r.batchInboxAddress(),
        r.depositContractAddress(), r.l1SystemConfigAddress(), r.forks(), r.pectraBlobScheduleTime(), r.eip1559(),
        r.keepKarstUpgradeGas());
    return new CoreConfig(rollup, c.l1(), c.mode());
  }

  /** The next event. */
  public InputEvent next() {
    if (!started) {
      started = true;
      return new NodeStarted(config, nowMillis);
    }
    InputEvent due = popDue();
    if (due != null) {
      return due;
    }
    int roll = chaos.nextInt(10_000);
    if (roll < 3) {
      return restart();
    }
    if (roll < 8) {
      return new AdminRequestReceived(nextRpcId++, new AdminRequest.ResetDerivationPipeline());
    }
    if (roll < 400) {
      return gossip();
    }
    if (roll < 2_800) {
      return observeL1();
    }
    nowMillis += clock.between(20, 600);
    while (nowMillis >= nextL1BlockMillis) {
      l1.grow(nextL1BlockMillis / 1000, chaos.chance(1, 40) ? 1 + chaos.nextInt(3) : 0);
      nextL1BlockMillis += L1_BLOCK_MILLIS;
    }
    return new ClockTicked(nowMillis);
  }

  /** Shows the stream what the core emitted for the last event, so it can answer. */
  public void observe(List<Command> commands) {
    for (Command c : commands) {
      switch (c) {
        case FetchL1Block f -> answerLater(answerFetch(f));
        case dev.basalt.core.command.FetchBlobs f ->
            answerLater(new dev.basalt.core.event.BlobsFetched(f.correlationId(), List.of()));
        case FetchEngineHeads f -> answerLater(answerHeads(f.correlationId()));
        case SendForkchoiceUpdate f -> answerLater(answerForkchoice(f.correlationId()));
        case ScheduleWakeup w -> schedule(w.atMillis(), new WakeupFired(w.correlationId(), 0));
        case RespondRpc r -> {}
        // The stream keeps no L2 chain: the engine looks empty, so sync starts begin at genesis.
        case dev.basalt.core.command.FetchL2Block f ->
            answerLater(answers.chance(1, 20)
                ? new dev.basalt.core.event.RequestFailed(f.correlationId(), FailureKind.TIMEOUT, "engine did not answer in time")
                : new EngineResponseReceived(f.correlationId(), new EngineResponse.L2Block(Optional.empty())));
        case dev.basalt.core.command.SendNewPayload f ->
            answerLater(new dev.basalt.core.event.EngineResponseReceived(f.correlationId(),
                new dev.basalt.core.engine.EngineResponse.NewPayloadResult(
                    dev.basalt.core.engine.PayloadStatus.of(dev.basalt.core.engine.ExecutionStatus.VALID))));
        case dev.basalt.core.command.GetPayload f ->
            answerLater(new dev.basalt.core.event.EngineResponseReceived(f.correlationId(),
                new dev.basalt.core.engine.EngineResponse.RpcError(-38001, "unknown payload")));
        case dev.basalt.core.command.RecordSafeHead r -> {}
        case dev.basalt.core.command.RewindSafeHeads r -> {}
        case PublishSyncStatus p -> {}
        case dev.basalt.core.command.HaltNode h -> {}
        case dev.basalt.core.command.PublishPayload p -> {}
        case dev.basalt.core.command.CommitUnsafePayload u ->
            answerLater(answers.chance(1, 5)
                ? new dev.basalt.core.event.RequestFailed(u.correlationId(), FailureKind.TIMEOUT, "conductor did not answer in time")
                : new dev.basalt.core.event.ConductorPayloadCommitted(u.correlationId()));
        case dev.basalt.core.command.CheckConductorLeader l ->
            answerLater(new dev.basalt.core.event.ConductorLeaderChecked(l.correlationId(), answers.nextBoolean()));
        case dev.basalt.core.command.PersistSequencerState p -> {}
        case dev.basalt.core.command.ResolveGossipMessage r -> {}
      }
    }
  }

  public long nowMillis() {
    return nowMillis;
  }

  private InputEvent restart() {
    // Answers in flight die with the process; keep one now and then, arriving late, as happens
    // when a response was already on the wire.
    Scheduled straggler = scheduled.isEmpty() || !chaos.chance(1, 3) ? null : scheduled.get(0);
    scheduled.clear();
    if (straggler != null) {
      scheduled.add(straggler);
    }
    nowMillis += clock.between(1_000, 20_000);
    return new NodeStarted(config, nowMillis);
  }

  private InputEvent gossip() {
    byte[] data = chaos.bytes(40 + chaos.nextInt(200));
    return new GossipPayloadReceived(nowMillis, "peer-" + chaos.nextInt(25), 3, Bytes.wrapOwned(data));
  }

  private InputEvent observeL1() {
    int kind = chaos.nextInt(10);
    L1BlockRef head = l1.head();
    if (kind < 7) {
      // An RPC behind a load balancer sometimes answers from a node one block behind.
      boolean lagging = chaos.chance(1, 20) && head.number() > L1_FIRST_NUMBER;
      return new L1HeadObserved(lagging ? l1.byNumber(head.number() - 1) : head);
    }
    if (kind < 9 || head.number() - FINALIZED_DEPTH <= Math.max(finalizedObserved, L1_FIRST_NUMBER)) {
      long safe = Math.max(L1_FIRST_NUMBER, head.number() - SAFE_DEPTH);
      return new L1SafeObserved(l1.byNumber(safe));
    }
    finalizedObserved = head.number() - FINALIZED_DEPTH;
    return new L1FinalizedObserved(l1.byNumber(finalizedObserved));
  }

  private InputEvent answerFetch(FetchL1Block f) {
    L1BlockRef block = l1.find(f.number());
    if (block == null || answers.chance(1, 25)) {
      FailureKind kind = block == null ? FailureKind.NOT_FOUND : answers.pick(FailureKind.values());
      return new RequestFailed(f.correlationId(), kind, "simulated " + kind.name().toLowerCase(Locale.ROOT));
    }
    return new L1BlockFetched(
        f.correlationId(), dev.basalt.core.l1.L1Block.empty(block, java.math.BigInteger.TEN, block.parentHash()));
  }

  private InputEvent answerHeads(long correlationId) {
    if (answers.chance(1, 20)) {
      return new RequestFailed(correlationId, FailureKind.TIMEOUT, "engine did not answer in time");
    }
    long unsafe = Math.max(0, (nowMillis - GENESIS_MILLIS) / (CONFIG.blockTimeSeconds() * 1000));
    long safe = Math.max(0, unsafe - 20);
    long finalized = Math.max(0, safe - 60);
    if (answers.chance(1, 50)) {
      // An engine mid-reorg can report safe above latest; the core must reconcile, not crash.
      safe = unsafe + 1;
    }
    EngineResponse heads = new EngineResponse.Heads(l2(unsafe), l2(safe), l2(finalized));
    return new EngineResponseReceived(correlationId, heads);
  }

  private InputEvent answerForkchoice(long correlationId) {
    if (answers.chance(1, 30)) {
      return new RequestFailed(correlationId, FailureKind.TRANSPORT, "connection reset");
    }
    int roll = answers.nextInt(100);
    ExecutionStatus status =
        roll < 85 ? ExecutionStatus.VALID : roll < 95 ? ExecutionStatus.SYNCING : ExecutionStatus.INVALID;
    EngineResponse fcu = new EngineResponse.ForkchoiceUpdated(PayloadStatus.of(status), Optional.empty());
    return new EngineResponseReceived(correlationId, fcu);
  }

  private L2BlockRef l2(long number) {
    long ts = GENESIS_MILLIS / 1000 + number * CONFIG.blockTimeSeconds();
    BlockId origin = new BlockId(l2Hash(-1 - number / 6), L1_FIRST_NUMBER + number / 6);
    return new L2BlockRef(l2Hash(number), number, l2Hash(number - 1), ts, origin, number % 6);
  }

  /** A block hash that is a pure function of the number, so no L2 chain has to be stored. */
  private Hash32 l2Hash(long number) {
    return Hash32.wrap(new SimRng(l2Seed ^ (number * 0x9E3779B97F4A7C15L)).bytes(Hash32.LENGTH));
  }

  private void answerLater(InputEvent answer) {
    schedule(nowMillis + answers.between(1, 250), answer);
    if (answers.chance(1, 200)) {
      // Some adapters retry and deliver the same answer twice; the core must ignore the second.
      schedule(nowMillis + answers.between(250, 500), answer);
    }
  }

  private void schedule(long dueMillis, InputEvent event) {
    scheduled.add(new Scheduled(dueMillis, insertions++, event));
  }

  /** The earliest scheduled event that is due (ties in scheduling order), or null. */
  private InputEvent popDue() {
    int best = -1;
    for (int i = 0; i < scheduled.size(); i++) {
      Scheduled s = scheduled.get(i);
      if (s.dueMillis <= nowMillis
          && (best < 0 || s.compareTo(scheduled.get(best)) < 0)) {
        best = i;
      }
    }
    if (best < 0) {
      return null;
    }
    InputEvent event = scheduled.remove(best).event;
    // A wakeup fires at the time the clock actually shows, which is never before it was due.
    return event instanceof WakeupFired w ? new WakeupFired(w.correlationId(), nowMillis) : event;
  }

  private record Scheduled(long dueMillis, long order, InputEvent event) implements Comparable<Scheduled> {
    @Override
    public int compareTo(Scheduled o) {
      int c = Long.compare(dueMillis, o.dueMillis);
      return c != 0 ? c : Long.compare(order, o.order);
    }
  }
}
