package dev.basalt.testdata.sim;

import dev.basalt.core.NodeMode;
import dev.basalt.core.heads.SyncStatus;
import dev.basalt.testdata.gen.SimRng;
import dev.basalt.testdata.world.SimWorld;
import dev.basalt.testdata.world.SimWorldConfig;
import dev.basalt.testdata.world.l1.BlobCommitments;
import dev.basalt.testdata.world.rollup.BatcherConfig;
import dev.basalt.testdata.world.rollup.BatcherFaults;
import dev.basalt.core.Core;
import dev.basalt.core.command.Command;
import dev.basalt.core.event.InputEvent;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Optional;

/**
 * One simulated run: the production core in a {@link SimWorld} drawn from one seed, faults
 * injected from a {@link FaultSchedule}, the {@link Invariants} checked after every event, then a
 * quiet period in which the node must converge on the world's true chain (the reference: what the
 * world's sequencer made and its batcher posted to the canonical L1).
 */
public final class Simulation {
  /** Forks activate this many seconds apart from genesis, so early steps cross every boundary. */
  static final long FORK_GAP_SECONDS = 240;

  /**
   * @param steps L1 block times with faults
   * @param maxEvents stop injecting once this many events were applied
   * @param quietSteps L1 block times without faults allowed for convergence
   * @param maxEventsPerStep more than this in one step is a livelock
   * @param mode the node under test validates the world's chain, or sequences it
   */
  public record Options(long seed, int steps, long maxEvents, String profile, int quietSteps, long maxEventsPerStep, NodeMode mode) {
    public Options {
      if (mode != NodeMode.VALIDATOR && mode != NodeMode.SEQUENCER) {
        throw new IllegalArgumentException("the simulation runs a validator or a sequencer, not " + mode);
      }
    }

    public static Options of(long seed, int steps) {
      return new Options(seed, steps, Long.MAX_VALUE, "swarm", 60, 500_000, NodeMode.VALIDATOR);
    }

    /**
     * Steps enough for a run to reach {@code events} events before its steps run out, for a run
     * asked for by events alone ({@code basalt sim --events E}, the benchmark): seeds apply some
     * 30 to 200 events per L1 block time, so one step per ten events is plenty, and the event
     * limit, not the steps, ends the faulty part of the run.
     */
    public static int stepsFor(long events) {
      return (int) Math.min(Integer.MAX_VALUE, Math.max(100, events / 10));
    }

    public Options withProfile(String newProfile) {
      return new Options(seed, steps, maxEvents, newProfile, quietSteps, maxEventsPerStep, mode);
    }

    public Options withMaxEvents(long newMaxEvents) {
      return new Options(seed, steps, newMaxEvents, profile, quietSteps, maxEventsPerStep, mode);
    }

    public Options withMode(NodeMode newMode) {
      return new Options(seed, steps, maxEvents, profile, quietSteps, maxEventsPerStep, newMode);
    }

    public Options withSeed(long newSeed) {
      return new Options(newSeed, steps, maxEvents, profile, quietSteps, maxEventsPerStep, mode);
    }

    boolean sequencing() {
      return mode == NodeMode.SEQUENCER;
    }

    /**
     * The one-line command that runs these options again ({@code --mode both} for a {@link
     * DuoSimulation}); a failure prints it beside the commit.
     */
    public String commandLine(boolean duo) {
      return "./basalt sim" + (duo ? " --mode both" : "") + " --seed " + seed + " --ticks " + steps + " --profile " + profile
          + (!duo && sequencing() ? " --mode sequencer" : "") + (maxEvents == Long.MAX_VALUE ? "" : " --events " + maxEvents);
    }
  }

  private Simulation() {}

  /** The schedule a seed draws (the profile first, then the faults). */
  public static FaultSchedule schedule(Options o) {
    SimRng rng = new SimRng(o.seed()).fork("faults");
    SwarmProfile profile = SwarmProfile.of(o.profile(), rng.fork("profile"), o.mode());
    return FaultSchedule.draw(profile, o.steps(), rng.fork("schedule"));
  }

  public static SimResult run(Options o) {
    return run(o, schedule(o), SimNode.Listener.NONE);
  }

  /** Runs {@code schedule} in the seed's world; {@code listener} sees every applied event (e.g. a journal). */
  public static SimResult run(Options o, FaultSchedule schedule, SimNode.Listener listener) {
    long cpu0 = ThreadCpu.nanos();
    long wall0 = System.nanoTime();
    Rig rig = rig(o, schedule, listener);
    SimWorld world = rig.world();
    SimNode node = rig.node();
    Coverage coverage = rig.coverage();
    SequencerChecks sequencer = rig.sequencer();
    SimConductor conductor = rig.conductor();
    SimGossip gossip = rig.gossip();
    FaultInjector injector = rig.injector();
    EnumMap<FaultClass, Integer> injected = new EnumMap<>(FaultClass.class);
    long genesis = world.config().genesisTime();
    long stepSeconds = world.config().l1BlockSeconds();
    int step = 0;
    int next = 0;
    try {
      countWorldFaults(schedule, o, injected, coverage);
      for (step = 1; step <= o.steps() && node.events() < o.maxEvents(); step++) {
        if (step % 5 == 0) {
          world.nodeEngine().persist(); // an execution client flushes to disk now and then
        }
        next = injectDue(schedule, next, step, o, rig, injected);
        long t = genesis + step * stepSeconds;
        if (injector.paused()) {
          world.advanceTo(t); // the node's process is paused: the world moves on without it
        } else {
          runStep(node, o, step, t, !injector.stalled(), gossip);
          if (!injector.engineEverRestarted()) {
            checkEngineNotBehind(node, step);
          }
        }
        injector.stepDone();
        if (conductor != null) {
          conductor.stepDone();
        }
      }
      int lastFaultStep = step;
      injector.endLags();
      if (o.sequencing()) {
        injector.quiet();
      }
      if (conductor != null) {
        conductor.quiet();
      }
      for (int quiet = 0; quiet < o.quietSteps(); quiet++, step++) {
        runStep(node, o, step, genesis + step * stepSeconds, true, gossip);
        injector.watch();
        if (conductor != null) {
          conductor.stepDone();
        }
        // The full reference derivation costs a pass over the chain: run it when the world's own
        // bookkeeping already agrees, and on the last quiet step whatever the bookkeeping says.
        boolean last = quiet == o.quietSteps() - 1;
        if ((plausiblyConverged(node) || last || quiet % 10 == 9) && settled(node, sequencer, gossip).isEmpty()) {
          if (!injected.isEmpty()) {
            coverage.mark("converged after faults");
          }
          return new SimResult(o.seed(), step, node.events(), injected, coverage.marks(), Optional.empty(), node.status(),
              cost(node, cpu0, wall0));
        }
      }
      String why = settled(node, sequencer, gossip).orElse("");
      return failed(o, step, node, injected, coverage, cost(node, cpu0, wall0), "no convergence within " + o.quietSteps() + " quiet steps after step "
          + lastFaultStep + ": " + why);
    } catch (InvariantViolation | IllegalStateException e) {
      return failed(o, step, node, injected, coverage, cost(node, cpu0, wall0), e.getMessage());
    }
  }

  /** The step-0 faults shape the world itself: counted as injected from the start. */
  private static void countWorldFaults(FaultSchedule schedule, Options o, EnumMap<FaultClass, Integer> injected,
      Coverage coverage) {
    for (ScheduledFault f : schedule.faults()) {
      if (f.step() == 0 && f.fault().appliesTo(o.mode())) {
        injected.merge(f.fault(), 1, Integer::sum);
        coverage.mark("injected: " + f.fault());
      }
    }
  }

  /** Injects the faults due by {@code step}, from schedule index {@code next} on; returns the next index. */
  private static int injectDue(FaultSchedule schedule, int next, int step, Options o, Rig rig,
      EnumMap<FaultClass, Integer> injected) {
    SimGossip gossip = rig.gossip();
    FaultInjector injector = rig.injector();
    Coverage coverage = rig.coverage();
    while (next < schedule.size() && schedule.faults().get(next).step() <= step) {
      ScheduledFault f = schedule.faults().get(next++);
      if (f.step() > 0 && f.fault().appliesTo(o.mode()) && (f.fault().gossip() ? gossip != null && gossip.inject(f) : injector.inject(f))) {
        injected.merge(f.fault(), 1, Integer::sum);
        coverage.mark("injected: " + f.fault());
      }
    }
    return next;
  }

  /** What one run wires together: the world, the node, and what watches and disturbs it. */
  private record Rig(SimWorld world, SimNode node, Coverage coverage, SequencerChecks sequencer, SimConductor conductor,
      SimGossip gossip, FaultInjector injector) {}

  /** Builds the run's world and node and attaches the checks, conductor, gossip peers and fault injector, in that order. */
  private static Rig rig(Options o, FaultSchedule schedule, SimNode.Listener listener) {
    SimWorld world = SimWorld.create(worldConfig(o, schedule));
    Coverage coverage = new Coverage();
    Invariants invariants = new Invariants(coverage);
    ForkchoiceOracle oracle = new ForkchoiceOracle(world.nodeEngine(), coverage);
    boolean conducted = o.sequencing() && hasWorldFault(schedule, FaultClass.CONDUCTOR);
    SimNode node = SimNode.start(world, o.sequencing()
        ? world.sequencerConfig(dev.basalt.core.SequencerConfig.DEFAULTS.withConductor(conducted))
        : world.coreConfig(NodeMode.VALIDATOR));
    SequencerChecks sequencer = o.sequencing() ? new SequencerChecks(world, invariants, coverage) : null;
    SimConductor conductor = conducted ? new SimConductor(node, coverage) : null;
    if (conductor != null) {
      node.answerAlso(SimConductor::handles, conductor::answer);
    }
    List<SimNode.Listener> checks = new ArrayList<>(List.of(listener, invariants, oracle));
    if (sequencer != null) {
      checks.add(sequencer);
    }
    if (conductor != null) {
      checks.add(conductor);
    }
    SimGossip gossip = gossip(o, schedule, node, world, coverage, checks, oracle);
    node.listen(SimNode.Listener.all(checks));
    FaultInjector injector = new FaultInjector(node, invariants, oracle, coverage, o.sequencing(), conductor);
    return new Rig(world, node, coverage, sequencer, conductor, gossip, injector);
  }

  /**
   * The node's gossip peers when the schedule has any gossip for the mode (a schedule without, an
   * old corpus file for one, runs exactly as before): their oracle and the signer's announcement
   * join {@code checks}; honest relay when a step-0 {@link FaultClass#GOSSIP_PEERS} entry says so.
   */
  private static SimGossip gossip(Options o, FaultSchedule schedule, SimNode node, SimWorld world, Coverage coverage,
      List<SimNode.Listener> checks, ForkchoiceOracle forkchoice) {
    if (schedule.faults().stream().noneMatch(f -> f.fault().gossip() && f.fault().appliesTo(o.mode()))) {
      return null;
    }
    int latency = o.sequencing() ? 0 : schedule.faults().stream()
        .filter(f -> f.step() == 0 && f.fault() == FaultClass.GOSSIP_PEERS).mapToInt(f -> Math.max(1, f.size())).findFirst().orElse(0);
    GossipOracle judge = new GossipOracle(world.nodeEngine(), coverage, o.sequencing());
    SimGossip gossip = new SimGossip(node, judge, coverage, new SimRng(o.seed()).fork("gossip-peers"), o.sequencing(), latency);
    forkchoice.unsafeInsertions(judge::acceptedBlock);
    node.timedInputs(gossip);
    checks.add(gossip);
    checks.add(judge);
    return gossip;
  }

  private static Optional<String> settled(SimNode node, SequencerChecks sequencer, SimGossip gossip) {
    Optional<String> why = converged(node, sequencer);
    return why.isPresent() || gossip == null ? why : gossip.settled();
  }


  private static boolean hasWorldFault(FaultSchedule schedule, FaultClass fault) {
    return schedule.faults().stream().anyMatch(f -> f.step() == 0 && f.fault() == fault);
  }

  private static SimResult failed(Options o, int step, SimNode node, EnumMap<FaultClass, Integer> injected, Coverage coverage,
      SimCost cost, String message) {
    return new SimResult(o.seed(), step, node.events(), injected, coverage.marks(),
        Optional.of(new SimResult.SimFailure(message, step, node.events())), node.status(), cost);
  }

  /** The run's cost so far: everything on this thread since it started, the core's share apart. */
  private static SimCost cost(SimNode node, long cpu0, long wall0) {
    return new SimCost(System.nanoTime() - wall0, ThreadCpu.nanos() - cpu0, node.coreNanos());
  }

  /**
   * Moves the world and the node to {@code t}. A validator runs until it is idle; a sequencer
   * always has a wakeup planned, so it is driven one second at a time through the step, as a
   * head poller and the slot timer would see it.
   */
  private static void runStep(SimNode node, Options o, int step, long t, boolean observeL1, SimGossip gossip) {
    long before = node.events();
    if (o.sequencing()) {
      long from = Math.max(node.world().nowSeconds(), node.nowMillis() / 1000) + 1;
      for (long s = Math.min(from, t); s <= t; s++) {
        node.tick(s, observeL1);
        node.runTo(s * 1000 + 999);
        if (node.events() - before >= o.maxEventsPerStep()) {
          break;
        }
      }
    } else {
      if (gossip != null) {
        gossip.runSlotsBefore(t);
      }
      node.tick(t, observeL1);
      node.runUntil(() -> node.events() - before >= o.maxEventsPerStep(), Long.MAX_VALUE);
    }
    if (node.events() - before >= o.maxEventsPerStep()) {
      throw new InvariantViolation("livelock: " + o.maxEventsPerStep() + " events in step " + step + " without going idle");
    }
  }

  /**
   * Empty when the node agrees with the reference derivation of the canonical L1 (its safe head is
   * the last block the pipeline alone derives, and the same block as the world's), its finalized
   * head is on that chain and the engine has every head; otherwise what differs.
   */
  static Optional<String> converged(SimNode node, SequencerChecks sequencer) {
    Optional<String> validator = converged(node);
    if (validator.isPresent() || sequencer == null) {
      return validator;
    }
    return sequencer.settled(node.status(), node.world().nowSeconds());
  }

  static Optional<String> converged(SimNode node) {
    SimWorld world = node.world();
    SyncStatus s = node.status();
    ReferenceDerivation.Outcome reference = ReferenceDerivation.derive(world);
    if (reference.disagreement().isPresent()) {
      return Optional.of("the reference derivation itself failed at " + reference.safe() + ": " + reference.disagreement().get());
    }
    var expected = world.trueChain().block(reference.safe()).orElseThrow();
    if (!s.safeL2().hash().equals(expected.ref().hash())) {
      return Optional.of("safe head " + s.safeL2() + ", reference " + expected.ref());
    }
    var fin = world.trueChain().block(s.finalizedL2().number());
    if (fin.isEmpty() || !fin.get().ref().hash().equals(s.finalizedL2().hash())) {
      return Optional.of("finalized head " + s.finalizedL2() + " is not on the reference chain");
    }
    var engine = world.nodeEngine();
    var labels = engine.heads();
    if (!labels.unsafe().hash().equals(s.unsafeL2().hash()) || !labels.safe().hash().equals(s.safeL2().hash())
        || !labels.finalized().hash().equals(s.finalizedL2().hash())) {
      return Optional.of("the engine's forkchoice labels " + labels + " are not the node's heads " + s);
    }
    for (var head : new dev.basalt.core.types.L2BlockRef[] {s.unsafeL2(), s.safeL2(), s.finalizedL2()}) {
      if (engine.block(new dev.basalt.core.engine.L2BlockSelector.ByHash(head.hash())).isEmpty()) {
        return Optional.of("the engine does not have head " + head);
      }
    }
    return Optional.empty();
  }

  /**
   * Once the node is idle, the engine's forkchoice labels are never behind the node's heads: the
   * node may only call a head unsafe, safe or finalized after the engine accepted that forkchoice
   * (a lost answer may leave the engine ahead, which is harmless). Skipped once the engine has
   * restarted: its labels may fall behind and the node cannot know until it next asks.
   */
  private static void checkEngineNotBehind(SimNode node, int step) {
    SyncStatus s = node.status();
    var labels = node.world().nodeEngine().heads();
    if (labels.safe().number() < s.safeL2().number() || labels.finalized().number() < s.finalizedL2().number()
        || labels.unsafe().number() < s.unsafeL2().number()) {
      throw new InvariantViolation("the engine's forkchoice " + labels + " is behind the node's heads " + s + " at step " + step);
    }
  }

  /** Cheap pre-check: the world's own record of what is batched agrees with the node. */
  private static boolean plausiblyConverged(SimNode node) {
    var l1 = node.world().l1().chain();
    var booked = node.world().trueChain().safeHeadAt(l1.head().number(), l1);
    return node.status().safeL2().hash().equals(booked.ref().hash());
  }

  /** The seed's world as a run starts it (for its configuration: chain ids, rollup config). */
  public static SimWorld worldFor(Options o) {
    return SimWorld.create(worldConfig(o, schedule(o)));
  }

  /** The sequencer drift of a sequencing run's world: short, so L1 stalls and pauses can push blocks past it. */
  static final long SEQUENCER_DRIFT_SECONDS = 120;

  static SimWorldConfig worldConfig(Options o, FaultSchedule schedule) {
    SimWorldConfig base = worldConfig(o.seed(), schedule);
    if (!o.sequencing()) {
      return base;
    }
    SimWorldConfig b = base.withNodeSequencing();
    return new SimWorldConfig(b.seed(), b.l1ChainId(), b.l2ChainId(), b.genesisTime(), b.l1BlockSeconds(), b.l2BlockSeconds(), b.forks(),
        b.l1Forks(), b.sequencer(), b.batcher(), b.batchEveryL1Blocks(), b.depositChance(), b.configUpdateChance(), b.fillerTxsMax(),
        b.l2GasLimit(), b.seqWindowSize(), SEQUENCER_DRIFT_SECONDS, true);
  }

  static SimWorldConfig worldConfig(long seed, FaultSchedule schedule) {
    SimWorldConfig base = SimWorldConfig.defaults(seed);
    // A schedule that rejects payloads needs Holocene (see FaultClass.ENGINE_INVALID): its world goes
    // through the forks ten times faster, so a short run reaches it (and every fork boundary).
    long gap = schedule.faults().stream().anyMatch(f -> f.fault() == FaultClass.ENGINE_INVALID) ? FORK_GAP_SECONDS / 10 : FORK_GAP_SECONDS;
    base = base.withForks(SimWorldConfig.successive(base.genesisTime() + gap, gap));
    for (ScheduledFault f : schedule.faults()) {
      if (f.step() == 0 && f.fault() == FaultClass.BATCHER_MISBEHAVIOUR) {
        int p = Math.min(100, f.size());
        base = base.withBatcher(BatcherConfig.defaults().withFaults(new BatcherFaults(p, p, p, p, p)));
      }
    }
    // The core is handed blobs and versioned hashes, never commitments: real KZG would only cost
    // time. brotli-9 is a setting op-batcher offers, at a fiftieth of brotli-10's cost per channel.
    return base.withBatcher(base.batcher().withCommitments(BlobCommitments.PSEUDO).withBrotliQuality(9));
  }
}
