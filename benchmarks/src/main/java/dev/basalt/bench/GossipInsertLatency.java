package dev.basalt.bench;

import dev.basalt.core.Core;
import dev.basalt.core.CoreConfig;
import dev.basalt.core.NodeMode;
import dev.basalt.core.command.Command;
import dev.basalt.core.command.ResolveGossipMessage;
import dev.basalt.core.command.ScheduleWakeup;
import dev.basalt.core.command.SendNewPayload;
import dev.basalt.core.config.Fork;
import dev.basalt.core.config.ForkSchedule;
import dev.basalt.core.crypto.SigningKey;
import dev.basalt.core.engine.ExecutionPayload;
import dev.basalt.core.engine.ExecutionPayloadEnvelope;
import dev.basalt.core.event.GossipPayloadReceived;
import dev.basalt.core.event.InputEvent;
import dev.basalt.core.event.NodeStarted;
import dev.basalt.core.event.UnsafeBlockSignerObserved;
import dev.basalt.core.p2p.BlockSigning;
import dev.basalt.core.p2p.GossipMessage;
import dev.basalt.core.p2p.GossipReason;
import dev.basalt.core.types.Bytes;
import dev.basalt.testdata.world.SimWorld;
import dev.basalt.testdata.world.SimWorldConfig;
import dev.basalt.testdata.world.engine.L2Headers;
import dev.basalt.testdata.world.engine.PseudoExecution;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The core's time from a gossiped block's arrival ({@link GossipPayloadReceived}) to its engine
 * insert ({@link SendNewPayload}), on a validator in steady state: a {@link SimWorld} answers the
 * engine, each ~100 KiB v4 block extends the unsafe head, and the engine is idle when it arrives
 * (op-node's situation at 1 block per 2 s). Only the {@code Core.apply} of the gossip event is
 * timed; the engine's answers in between are not. GC pauses during the timed calls are counted.
 */
final class GossipInsertLatency {
  private static final SigningKey KEY = SigningKey.fromHex("0x" + "42".repeat(32));

  private GossipInsertLatency() {}

  static String run(int blocks, int txBytes) {
    SimWorld world = world();
    long genesis = world.config().genesisTime();
    CoreConfig config = world.coreConfig(NodeMode.VALIDATOR);
    // The core sees L1 at genesis only: nothing to derive, so gossip alone moves the unsafe head.
    Core core = new Core();
    drive(core, world, new NodeStarted(config, genesis * 1000));
    world.l1Observations().forEach(e -> drive(core, world, e));
    drive(core, world, new UnsafeBlockSignerObserved(KEY.address()));
    world.advanceTo(genesis + 2L * (blocks + 2));
    List<Bytes> filler = FillerTransactions.of(txBytes, 5);
    List<Bytes> messages = new ArrayList<>(blocks);
    List<Long> arrivals = new ArrayList<>(blocks);
    long wire = 0;
    ExecutionPayload parent = world.trueChain().genesis().envelope().payload();
    for (int n = 1; n <= blocks; n++) {
      ExecutionPayloadEnvelope fat = fat(world, config, parent, n, filler);
      Bytes signed = GossipMessage.signedBytes(config.rollup(), fat);
      Bytes data = GossipMessage.encode(BlockSigning.sign(KEY, GossipMessage.signingHash(config.rollup().l2ChainId(), signed)), signed);
      messages.add(data);
      wire += data.length();
      arrivals.add(fat.payload().timestamp() * 1000 + 150);
      parent = fat.payload();
    }

    long[] nanos = new long[blocks];
    long[] cpuNanos = new long[blocks];
    var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long allocated = 0;
    long gcBefore = gcMillis();
    long gcPausesInTimed = 0;
    for (int i = 0; i < blocks; i++) {
      long gc0 = gcCount();
      long cpu = threads.getCurrentThreadCpuTime();
      long bytes0 = threads.getCurrentThreadAllocatedBytes();
      long a = System.nanoTime();
      List<Command> out = core.apply(new GossipPayloadReceived(arrivals.get(i), "peer", 4, messages.get(i), Bytes.of(new byte[20])));
      nanos[i] = System.nanoTime() - a;
      cpuNanos[i] = threads.getCurrentThreadCpuTime() - cpu;
      allocated += threads.getCurrentThreadAllocatedBytes() - bytes0;
      gcPausesInTimed += gcCount() - gc0;
      check(out, i + 1);
      answer(core, world, out);
    }
    long gcTotal = gcMillis() - gcBefore;
    if (core.syncStatus().unsafeL2().number() != blocks) {
      throw new IllegalStateException("unsafe head " + core.syncStatus().unsafeL2() + " after " + blocks + " gossiped blocks");
    }
    java.util.Arrays.sort(nanos);
    java.util.Arrays.sort(cpuNanos);
    return String.format(Locale.ROOT, "gossip arrival to engine insert (SendNewPayload) in the core, ~%d KiB v4 blocks (%.0f KiB on the"
            + " wire), %d blocks: wall median %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms; thread CPU median %.2f ms, p99 %.2f ms,"
            + " max %.2f ms; %.0f KiB allocated per block; %d GCs during timed calls, %d ms GC in the run (heap max %d MiB)",
        txBytes / 1024, wire / 1024.0 / blocks, blocks, nanos[blocks / 2] / 1e6, nanos[blocks * 9 / 10] / 1e6, nanos[blocks * 99 / 100] / 1e6,
        nanos[blocks - 1] / 1e6, cpuNanos[blocks / 2] / 1e6, cpuNanos[blocks * 99 / 100] / 1e6, cpuNanos[blocks - 1] / 1e6,
        allocated / 1024.0 / blocks, gcPausesInTimed, gcTotal, Runtime.getRuntime().maxMemory() >> 20);
  }

  private static void check(List<Command> out, long number) {
    boolean valid = out.stream().anyMatch(c -> c instanceof ResolveGossipMessage r && r.reason() == GossipReason.VALID);
    boolean inserted = out.stream().anyMatch(c -> c instanceof SendNewPayload s && s.envelope().payload().blockNumber() == number);
    if (!valid || !inserted) {
      throw new IllegalStateException("block " + number + " not accepted and inserted at once: " + out);
    }
  }

  /** Applies {@code event} and everything the world answers, until the core waits for nothing the world gives. */
  private static void drive(Core core, SimWorld world, InputEvent event) {
    answer(core, world, core.apply(event));
  }

  private static void answer(Core core, SimWorld world, List<Command> first) {
    ArrayDeque<InputEvent> queue = new ArrayDeque<>();
    for (Command c : first) {
      if (!(c instanceof ScheduleWakeup) && !(c instanceof ResolveGossipMessage)) {
        queue.addAll(world.handle(c));
      }
    }
    while (!queue.isEmpty()) {
      for (Command c : core.apply(queue.poll())) {
        if (!(c instanceof ScheduleWakeup) && !(c instanceof ResolveGossipMessage)) {
          queue.addAll(world.handle(c));
        }
      }
      if (!core.haltReason().isEmpty()) {
        throw new IllegalStateException("core halted: " + core.haltReason());
      }
    }
  }

  /** True block {@code n}'s deposits (L1 info first) plus ~100 KiB of transactions, on {@code parent}, executed as the fake engine does. */
  private static ExecutionPayloadEnvelope fat(SimWorld world, CoreConfig config, ExecutionPayload parent, int n, List<Bytes> filler) {
    ExecutionPayloadEnvelope truth = world.trueChain().block(n).orElseThrow().envelope();
    ExecutionPayload t = truth.payload();
    List<Bytes> txs = new ArrayList<>();
    for (Bytes tx : t.transactions()) {
      if ((tx.get(0) & 0xff) == 0x7e) {
        txs.add(tx);
      }
    }
    txs.addAll(filler);
    PseudoExecution.Result r = PseudoExecution.execute(config.rollup(), parent, n, t.timestamp(), txs);
    ExecutionPayload p = new ExecutionPayload(parent.blockHash(), t.feeRecipient(), r.stateRoot(), r.receiptsRoot(), t.logsBloom(),
        t.prevRandao(), n, t.gasLimit(), r.gasUsed(), t.timestamp(), t.extraData(), r.baseFee(), t.blockHash(), txs, t.withdrawals(),
        t.blobGasUsed().isPresent() ? java.util.OptionalLong.of(r.blobGasUsed()) : t.blobGasUsed(), t.excessBlobGas(),
        t.withdrawalsRoot().isPresent() ? java.util.Optional.of(r.withdrawalsRoot()) : t.withdrawalsRoot());
    return L2Headers.sealed(config.rollup(), new ExecutionPayloadEnvelope(p, truth.parentBeaconBlockRoot()));
  }

  private static SimWorld world() {
    SimWorldConfig d = SimWorldConfig.defaults(7);
    ForkSchedule.Builder forks = ForkSchedule.builder();
    for (Fork f : Fork.values()) {
      forks.at(f, d.genesisTime());
    }
    return SimWorld.create(new SimWorldConfig(d.seed(), d.l1ChainId(), d.l2ChainId(), d.genesisTime(), d.l1BlockSeconds(),
        d.l2BlockSeconds(), forks.build(), d.l1Forks(), d.sequencer(), d.batcher(), d.batchEveryL1Blocks(), d.depositChance(),
        d.configUpdateChance(), d.fillerTxsMax(), d.l2GasLimit(), d.seqWindowSize(), d.maxSequencerDriftSeconds(), false));
  }

  private static long gcCount() {
    long n = 0;
    for (GarbageCollectorMXBean b : ManagementFactory.getGarbageCollectorMXBeans()) {
      n += Math.max(0, b.getCollectionCount());
    }
    return n;
  }

  private static long gcMillis() {
    long n = 0;
    for (GarbageCollectorMXBean b : ManagementFactory.getGarbageCollectorMXBeans()) {
      n += Math.max(0, b.getCollectionTime());
    }
    return n;
  }
}
