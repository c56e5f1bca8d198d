package dev.basalt.testdata.sim;

import dev.basalt.core.command.Command;
import dev.basalt.core.command.FetchBlobs;
import dev.basalt.core.command.FetchL1Block;
import dev.basalt.core.config.Fork;
import dev.basalt.core.event.FailureKind;
import dev.basalt.core.heads.SyncStatus;
import dev.basalt.core.types.Bytes;
import dev.basalt.testdata.world.SimWorld;
import dev.basalt.testdata.world.engine.EngineResponder;
import dev.basalt.testdata.world.engine.FakeEngine;
import dev.basalt.testdata.world.l1.L1Responder;
import dev.basalt.testdata.world.fault.Fault;
import java.util.TreeSet;
import java.util.function.Predicate;

/** Turns a {@link ScheduledFault} into what the world or the node's process does. */
final class FaultInjector {
  private static final Predicate<Command> L1_READS = c -> c instanceof FetchL1Block;
  private static final Predicate<Command> L1_OR_BLOBS = c -> c instanceof FetchL1Block || c instanceof FetchBlobs;
  private static final Predicate<Command> BLOBS = c -> c instanceof FetchBlobs;
  private static final Predicate<Command> ENGINE = EngineResponder::handles;

  private final SimNode node;
  private final SimWorld world;
  /** The node's own execution engine and the endpoints it reads L1 and the engine through. */
  private final FakeEngine engine;
  private final EngineResponder engineResponder;
  private final L1Responder l1Responder;
  private final Invariants invariants;
  private final ForkchoiceOracle oracle;
  private final Coverage coverage;
  /** The simulated op-conductor of a sequencing node that runs under one; null otherwise. */
  private final SimConductor conductor;
  private final boolean sequencing;
  private int pausedSteps;
  private boolean engineEverRestarted;
  private int stalledSteps;
  /** Steps L1 finality stays held by this injector (0: it does not hold it). */
  private int finalityHeldSteps;
  /** The node's finalized L2 number when held finality was released, until it moves on; -1: none. */
  private long finalizedAtRelease = -1;
  /** Blocks whose batch carries a transaction the engine rejects, until the node's safe head passes them. */
  private final TreeSet<Long> poisoned = new TreeSet<>();

  FaultInjector(SimNode node, Invariants invariants, ForkchoiceOracle oracle, Coverage coverage, boolean sequencing,
      SimConductor conductor) {
    this(node, node.world().nodeEngine(), node.world().engineResponder(), node.world().l1Responder(), invariants, oracle, coverage,
        sequencing, conductor);
  }

  /** For a node whose engine and endpoints are its own, not the world's (the validator of a duo run). */
  FaultInjector(SimNode node, FakeEngine engine, EngineResponder engineResponder, L1Responder l1Responder, Invariants invariants,
      ForkchoiceOracle oracle, Coverage coverage, boolean sequencing, SimConductor conductor) {
    this.engine = engine;
    this.engineResponder = engineResponder;
    this.l1Responder = l1Responder;
    this.sequencing = sequencing;
    this.conductor = conductor;
    this.node = node;
    this.world = node.world();
    this.invariants = invariants;
    this.oracle = oracle;
    this.coverage = coverage;
  }

  /** Whether the node's process is paused this step (a clock jump follows). */
  boolean paused() {
    return pausedSteps > 0;
  }

  /** Whether the L1 head poller sees nothing new this step. */
  boolean stalled() {
    return stalledSteps > 0;
  }

  /** Whether the engine ever restarted (its labels may have fallen behind the node's until it asks). */
  boolean engineEverRestarted() {
    return engineEverRestarted;
  }

  /**
   * The faults stop: calls still armed to fail, time out or answer SYNCING are disarmed. A
   * validator drains armed faults within a step (it reads L1 all the time); a sequencer in a reset
   * backoff makes one call per half minute, so leftovers would outlast the quiet period.
   */
  void quiet() {
    l1Responder.faults().clear();
    engineResponder.faults().clear();
    engine.syncingFor(0);
    engine.syncingNewPayloadsFor(0);
    stalledSteps = 0;
    pausedSteps = 0;
  }

  void stepDone() {
    pausedSteps = Math.max(0, pausedSteps - 1);
    stalledSteps = Math.max(0, stalledSteps - 1);
    if (finalityHeldSteps > 0 && --finalityHeldSteps == 0) {
      releaseFinality();
    }
    watch();
  }

  /** The fault phase is over: L1 finality held by a lag jumps now (every mode; see {@link #quiet()} for the rest). */
  void endLags() {
    if (finalityHeldSteps > 0) {
      releaseFinality();
    }
  }

  /**
   * Marks the recoveries of lagging finality and rejected payloads once the node shows them; runs
   * after every step, the quiet ones included.
   */
  void watch() {
    if (finalizedAtRelease < 0 && poisoned.isEmpty()) {
      return;
    }
    SyncStatus s = node.status();
    if (finalizedAtRelease >= 0 && s.finalizedL2().number() > finalizedAtRelease) {
      coverage.mark("finalized head moved on after L1 finality lagged then jumped");
      finalizedAtRelease = -1;
    }
    while (!poisoned.isEmpty() && s.safeL2().number() >= poisoned.first()) {
      long n = poisoned.pollFirst();
      var truth = world.trueChain().block(n);
      var held = engine.block(new dev.basalt.core.engine.L2BlockSelector.ByNumber(n));
      // A reorg may have re-sealed the block as an ordinary one since: then nothing was rejected.
      if (truth.isPresent() && !world.trueChain().batchOnlyTxs(n).isEmpty() && held.isPresent()
          && held.get().payload().blockHash().equals(truth.get().ref().hash())) {
        coverage.mark("INVALID payload replaced by its deposits-only block");
      }
    }
  }

  private void releaseFinality() {
    var chain = world.l1().chain();
    long before = chain.finalized().number();
    chain.releaseFinality();
    finalityHeldSteps = 0;
    if (chain.finalized().number() > before + 1) {
      coverage.mark("L1 finality jumped after lagging");
    }
    finalizedAtRelease = node.status().finalizedL2().number();
  }

  /**
   * Arms the engine to reject a coming block's payload as derived from its batch, which carries one
   * transaction more than the true block (Holocene's deposits-only replacement is the true block).
   * False until L1's finalized block is past Holocene: a rejected payload is judged by the time of
   * the L1 block its batch was read from (before Holocene the batch is dropped instead), and that
   * block may be older than the L2 block (the chain runs ahead of L1) or, after a reorg, any block
   * above L1's finalized one, never below it.
   */
  private boolean poisonBatch(int ahead) {
    if (!world.rollupConfig().isActive(Fork.HOLOCENE, world.l1().chain().finalized().timestamp())) {
      return false;
    }
    var head = world.trueChain().head();
    long number = head.number() + ahead;
    Bytes tx = world.batchUnexecutableTransaction(number);
    engine.alsoInvalidWhen(p -> p.transactions().contains(tx));
    poisoned.add(number);
    return true;
  }

  /** Injects {@code f}; false when it cannot apply now (e.g. a reorg with nothing above finalized). */
  boolean inject(ScheduledFault f) {
    int n = Math.max(1, f.size());
    switch (f.fault()) {
      case L1_REORG -> {
        return reorg(f.size());
      }
      case L1_RPC_ERROR -> l1Responder.faults().add(L1_READS, new Fault.Fail(FailureKind.REMOTE_ERROR, -32000, "simulated"), n);
      case L1_TIMEOUT -> l1Responder.faults().add(L1_READS, new Fault.Timeout(), n);
      case L1_DELAY -> l1Responder.faults().add(L1_OR_BLOBS, new Fault.Delay(n * 1000L), 3);
      case BLOB_NOT_FOUND -> l1Responder.faults().add(BLOBS, new Fault.Fail(FailureKind.NOT_FOUND, 0, "blob sidecars not found"), n);
      case L1_HEAD_STALL -> stalledSteps = Math.max(stalledSteps, n);
      case ENGINE_SYNCING -> {
        // SYNCING means the engine does not vouch for the chain the node built on: the node treats
        // it as lost blocks and resets, and a reset re-establishes the safe head from the sync
        // start (op-node's FindL2Heads), which may lie below the previous safe head.
        if (n % 2 == 0) {
          engine.syncingNewPayloadsFor(n / 2);
        } else {
          engine.syncingFor(n);
        }
        invariants.disrupted();
      }
      case ENGINE_TIMEOUT -> engineResponder.faults().add(ENGINE, new Fault.Timeout(), n);
      case ENGINE_DROPPED -> engineResponder.faults().add(ENGINE, new Fault.Drop(), n);
      case ENGINE_LATE -> engineResponder.faults().add(ENGINE, new Fault.Delay(n * 100L), 3);
      case ENGINE_RESTART -> restartEngine();
      case NODE_CRASH -> {
        node.crash(f.size());
        coverage.mark("node restarted from its journal");
        if (f.size() > 0) {
          coverage.mark("torn journal tail");
        }
      }
      case CLOCK_JUMP -> pausedSteps = Math.max(pausedSteps, n);
      case L1_FINALITY_LAG -> {
        world.l1().chain().holdFinality();
        finalityHeldSteps = Math.max(finalityHeldSteps, n);
      }
      case ENGINE_INVALID -> {
        return poisonBatch(n);
      }
      case BATCHER_MISBEHAVIOUR -> {
        return false; // a property of the world, set before the run
      }
      case GOSSIP_PEERS, GOSSIP_DUPLICATE, GOSSIP_BAD_SIGNATURE, GOSSIP_OUT_OF_WINDOW, GOSSIP_EQUIVOCATION, GOSSIP_FLOOD,
          GOSSIP_SIGNER_ROTATION, GOSSIP_EQUIVOCATING_CHAIN -> {
        return false; // gossip comes from the simulation's peers (SimGossip), not the world
      }
      case CONDUCTOR -> {
        if (conductor == null) {
          return false; // no conductor in this world
        }
        conductor.inject(f.size());
      }
    }
    return true;
  }

  private void restartEngine() {
    int before = engine.blockCount();
    engine.restart();
    engineEverRestarted = true;
    oracle.engineRestarted();
    if (engine.blockCount() < before) {
      coverage.mark("engine lost blocks");
    }
    var finalized = node.status().finalizedL2();
    if (engine.block(new dev.basalt.core.engine.L2BlockSelector.ByHash(finalized.hash())).isEmpty()) {
      // The engine itself lost finalized blocks (it persisted less than it had finalized): the
      // node can only report what the engine has, so its finalized head may go back this once.
      coverage.mark("engine lost finalized blocks");
      invariants.finalizedLost();
    }
    invariants.disrupted();
  }

  private boolean reorg(int size) {
    var chain = world.l1().chain();
    int depth = (int) Math.min(size, chain.head().number() - chain.finalized().number());
    if (depth < 1) {
      return false;
    }
    long firstReplaced = chain.head().number() - depth + 1;
    long safeOrigin = node.status().safeL2().l1Origin().number();
    long unsafeOrigin = node.status().unsafeL2().l1Origin().number();
    world.reorgL1(depth, depth + size % 3);
    invariants.disrupted();
    if (firstReplaced <= safeOrigin) {
      coverage.mark("reorg below the safe head's origin");
    }
    if (sequencing) {
      // The sequencer's next origin is the block after its unsafe head's: a reorg of it changes
      // the block it adopts next (or, below it, the origin it already builds on).
      if (firstReplaced <= unsafeOrigin + 1) {
        coverage.mark("reorg of the sequencer's next origin");
      }
      if (firstReplaced <= unsafeOrigin) {
        coverage.mark("reorg of the sequencer's current origin");
      }
    }
    if (depth >= 10) {
      coverage.mark("reorg of 10 or more blocks");
    }
    return true;
  }
}
