package dev.basalt.testdata.sim;

import dev.basalt.core.NodeMode;
import dev.basalt.core.SequencerConfig;
import dev.basalt.core.command.Command;
import dev.basalt.core.command.PublishPayload;
import dev.basalt.core.engine.L2BlockSelector;
import dev.basalt.core.heads.SyncStatus;
import dev.basalt.testdata.gen.SimRng;
import dev.basalt.testdata.world.SimWorld;
import dev.basalt.testdata.world.engine.EngineResponder;
import dev.basalt.testdata.world.engine.FakeEngine;
import dev.basalt.testdata.world.l1.L1Responder;
import dev.basalt.testdata.world.l1.RollupAddresses;
import java.util.List;
import java.util.Optional;

/**
 * One world, two nodes: Basalt as the world's sequencer (its engine is the world's node engine, the
 * batcher posts what it sealed) and Basalt as a validator with an engine and L1 endpoint of its
 * own, whose honest gossip peer is the sequencer node itself: every {@code PublishPayload} reaches
 * the validator as a signed block message after a relay latency. Both run on one virtual clock a
 * second at a time, each with its own late answers. Faults ({@link DuoFaults}): L1 reorgs (one L1,
 * both nodes see them) and a misbehaving batcher (both nodes derive from what it posts);
 * op-conductor guarding the sequencer node (failed and hung commits, leadership lost and
 * regained); a rogue second holder of the sequencer's signer key sending the validator forged
 * siblings and chains just ahead of the sequencer's blocks; the sequencer's signer key rotated on
 * L1 (the sequencer signs with the new key at once, the validator learns it from L1 later); for
 * either node, its L1 endpoint's errors, timeouts, late answers and missing blobs, its head poller
 * stalling, its process pausing (the world moves on without it), crashing and restarting from its
 * journal (torn tails too), its engine answering SYNCING, timing out, losing or delaying answers,
 * restarting and losing unpersisted blocks (the validator's engine is its own, the sequencer's is
 * the world's); the validator's hostile gossip (duplicates, bad signatures, out-of-window blocks,
 * floods).
 * Both nodes carry the usual checks; after the steps the sequencer must settle as in sequencer
 * mode, and the validator's safe head must be the reference derivation's, its unsafe head a block
 * the sequencer sealed, at most two slots behind, and one of the sequencer's three newest blocks one
 * it accepted from gossip.
 */
public final class DuoSimulation {
  /** Every mark a healthy duo swarm must reach, beside one "injected: CLASS" per class it {@link #injects}. */
  static final String[] REQUIRED = {
    "validator followed the sequencer's gossip", "gossip: true block accepted", "unsafe head ahead of safe from gossip",
    "sequencer origin advanced", "gossip: duplicate ignored", "gossip: bad signature rejected", "gossip: too old rejected",
    "gossip: too new rejected", "gossip flood absorbed", "forkchoice update checked against the engine",
    "sequencer restarted from its journal", "validator restarted from its journal", "torn journal tail",
    "sequencer sealed again after a restart", "sequencer resumed sealing on its unsafe head after a restart",
    "validator caught up after a restart", "reorg below the validator's safe head's origin", "reorg of the sequencer's current origin",
    "safe head rewound after a disruption", "engine lost blocks", "sequencer process paused", "validator process paused",
    "sequencer L1 head poller stalled", "validator L1 head poller stalled", "sequencer reached the drift bound",
    "sequencer's engine restarted", "validator's engine restarted", "reorg of the sequencer's next origin",
    "sequencer's unsafe chain rewound", "sequencer re-sealed a height after a disruption",
    "batcher misbehaved: garbage", "batcher misbehaved: unauthorised", "batcher misbehaved: duplicate frames",
    "batcher misbehaved: out of order frames", "batcher misbehaved: timed out channel",
    "validator's safe head passed a misbehaving batcher's channel", "sequencer's safe head passed a misbehaving batcher's channel",
    "conductor commit failed", "conductor leadership lost and regained", "validator followed the sequencer after its leadership came back",
    "gossip: equivocating block accepted", "gossip: child of a forged block accepted", "gossip: too many blocks at a height rejected",
    "equivocating block became the unsafe head", "equivocating chain became the unsafe head", "equivocating block replaced by derivation",
    "unsafe-block signer rotated on L1", "unsafe-block signer learned from L1 after a rotation",
    "gossip: block by a signer the node does not know (yet or any more) rejected", "gossip: true block by a rotated signer accepted",
    "finalized head moved on after L1 finality lagged then jumped"
  };

  /** The fault classes a duo run injects (on either node). */
  static boolean injects(FaultClass f) {
    return DuoFaults.injects(f);
  }

  private final Simulation.Options o;
  private final SimWorld world;
  private final Coverage coverage = new Coverage();
  private final SimNode sequencer;
  private final SequencerChecks seqChecks;
  private final SimNode validator;
  private final FakeEngine engine;
  private final DuoFaults faults;
  private final DuoBatcherWatch batcherWatch;
  /** The judge of the validator's gossip verdicts (it knows which blocks the validator accepted from gossip). */
  private final GossipOracle judge;
  /** op-conductor guarding the sequencer node, when the sequencer's schedule switches it on (null otherwise). */
  private final SimConductor conductor;

  private DuoSimulation(Simulation.Options o, DuoSchedule schedule, SimNode.Listener seqRecorder, SimNode.Listener valRecorder) {
    this.o = o;
    Simulation.Options seq = o.withMode(NodeMode.SEQUENCER);
    FaultSchedule worldFaults = schedule.world();
    world = SimWorld.create(Simulation.worldConfig(seq, worldFaults));
    batcherWatch = new DuoBatcherWatch(world.batcher(), coverage);
    boolean conducted = worldFaults.faults().stream().anyMatch(f -> f.fault() == FaultClass.CONDUCTOR);
    sequencer = SimNode.start(world, world.sequencerConfig(SequencerConfig.DEFAULTS.withConductor(conducted)));
    conductor = conducted ? new SimConductor(sequencer, coverage) : null;
    if (conductor != null) {
      sequencer.answerAlso(SimConductor::handles, conductor::answer);
    }
    Invariants seqInvariants = new Invariants(coverage);
    seqChecks = new SequencerChecks(world, seqInvariants, coverage);
    ForkchoiceOracle seqOracle = new ForkchoiceOracle(world.nodeEngine(), coverage);

    engine = new FakeEngine(world.rollupConfig(), world.nodeEngine().genesis(), world.nodeEngine().memo());
    EngineResponder engineEndpoint = new EngineResponder(engine);
    L1Responder l1Endpoint = new L1Responder(world.l1(), RollupAddresses.of(world.rollupConfig()));
    validator = SimNode.start(world, world.coreConfig(NodeMode.VALIDATOR));
    validator.answerAlsoTimed(c -> EngineResponder.handles(c) || L1Responder.handles(c),
        c -> EngineResponder.handles(c) ? engineEndpoint.answer(c) : l1Endpoint.answer(c));
    Invariants valInvariants = new Invariants(coverage);
    ForkchoiceOracle valOracle = new ForkchoiceOracle(engine, coverage);
    judge = new GossipOracle(engine, coverage, false);
    SimGossip gossip = new SimGossip(validator, judge, coverage, new SimRng(o.seed()).fork("gossip-peers"), false, 5);
    gossip.relayPublishedOnly();
    valOracle.unsafeInsertions(judge::acceptedBlock);
    validator.timedInputs(gossip);

    FaultInjector seqInjector = new FaultInjector(sequencer, seqInvariants, seqOracle, coverage, true, conductor);
    FaultInjector valInjector = new FaultInjector(validator, engine, engineEndpoint, l1Endpoint, valInvariants, valOracle, coverage,
        false, null);
    faults = new DuoFaults(schedule.entries(), sequencer, seqInjector, validator, valInjector, valInvariants, gossip, coverage);
    faults.injectWorld(worldFaults);
    SimNode.Listener conductorLoop = conductor == null ? (e, out, c) -> {} : conductor;
    SimNode.Listener followed = conductor == null ? (e, out, c) -> {} : new DuoConductorWatch(conductor, sequencer, coverage);
    validator.listen(SimNode.Listener.all(List.of(valRecorder, valInvariants, valOracle, gossip, judge, faults.validatorWatch(),
        batcherWatch.node("validator"), followed)));
    sequencer.listen(SimNode.Listener.all(List.of(seqRecorder, seqInvariants, seqOracle, seqChecks, faults.sequencerWatch(),
        batcherWatch.node("sequencer"), conductorLoop,
        (event, out, core) -> {
          for (Command c : out) {
            if (c instanceof PublishPayload p) {
              gossip.published(p.envelope(), sequencer.nowMillis());
            }
          }
        })));
  }

  /** Runs the seed's duo world for {@code o.steps()} steps (the mode in {@code o} is ignored). */
  public static SimResult run(Simulation.Options o) {
    return run(o, DuoSchedule.of(o));
  }

  /** Runs the seed's duo world with {@code schedule} in place of the seed's own (a shrunk or corpus schedule). */
  public static SimResult run(Simulation.Options o, DuoSchedule schedule) {
    SimNode.Listener none = (e, out, c) -> {};
    return run(o, schedule, none, none);
  }

  /**
   * The same, with a recorder on each node that sees every event it applies (and its crashes)
   * first, as a single-mode run's listener does: {@code basalt sim --mode both --journal} keeps
   * each node's journal this way.
   */
  public static SimResult run(
      Simulation.Options o, DuoSchedule schedule, SimNode.Listener sequencerRecorder, SimNode.Listener validatorRecorder) {
    return new DuoSimulation(o, schedule, sequencerRecorder, validatorRecorder).run();
  }

  private SimResult run() {
    long cpu0 = ThreadCpu.nanos();
    long wall0 = System.nanoTime();
    long genesis = world.config().genesisTime();
    long stepSeconds = world.config().l1BlockSeconds();
    int step = 1;
    try {
      for (; step <= o.steps() && sequencer.events() + validator.events() < o.maxEvents(); step++) {
        if (step % 5 == 0) {
          // execution clients flush to disk now and then
          world.nodeEngine().persist();
          engine.persist();
        }
        faults.injectDue(step);
        runStep(genesis + step * stepSeconds, step);
        faults.stepDone();
        conductorStepDone();
      }
      faults.quiet();
      if (conductor != null) {
        conductor.quiet();
      }
      for (int quiet = 0; quiet < o.quietSteps(); quiet++, step++) {
        runStep(genesis + step * stepSeconds, step);
        faults.watch();
        conductorStepDone();
        if (quiet % 5 == 4 || quiet == o.quietSteps() - 1) {
          Optional<String> why = settled();
          if (why.isEmpty()) {
            coverage.mark("validator followed the sequencer's gossip");
            return result(step, Optional.empty(), cpu0, wall0);
          }
        }
      }
      String why = settled().orElse("");
      return result(step, Optional.of("no convergence within " + o.quietSteps() + " quiet steps: " + why), cpu0, wall0);
    } catch (InvariantViolation | IllegalStateException e) {
      return result(step, Optional.of(e.getMessage()), cpu0, wall0);
    }
  }

  /** op-conductor's control loop runs once a step (leadership may come back, it reconciles). */
  private void conductorStepDone() {
    if (conductor != null) {
      conductor.stepDone();
    }
  }

  /**
   * Both nodes through one step, a second at a time: the sequencer first, then the validator. A
   * paused process sits the step out (the world moves on without it); a stalled poller reports no
   * L1 labels.
   */
  private void runStep(long t, int step) {
    long before = sequencer.events() + validator.events();
    long from = Math.max(world.nowSeconds(), sequencer.nowMillis() / 1000) + 1;
    boolean seqPaused = faults.paused(DuoFaults.Role.SEQUENCER);
    boolean valPaused = faults.paused(DuoFaults.Role.VALIDATOR);
    for (long s = Math.min(from, t); s <= t; s++) {
      if (seqPaused) {
        world.advanceTo(s);
      } else {
        sequencer.tick(s, !faults.stalled(DuoFaults.Role.SEQUENCER));
        sequencer.runTo(s * 1000 + 999);
      }
      if (!valPaused) {
        validator.tick(s, s == t && !faults.stalled(DuoFaults.Role.VALIDATOR));
        validator.runTo(s * 1000 + 999);
      }
      if (sequencer.events() + validator.events() - before >= o.maxEventsPerStep()) {
        throw new InvariantViolation("livelock: " + o.maxEventsPerStep() + " events in step " + step);
      }
    }
  }

  private Optional<String> settled() {
    Optional<String> seq = Simulation.converged(sequencer, seqChecks);
    if (seq.isPresent()) {
      return seq.map(w -> "sequencer: " + w);
    }
    SyncStatus v = validator.status();
    ReferenceDerivation.Outcome reference = ReferenceDerivation.derive(world);
    var expected = world.trueChain().block(reference.safe()).orElseThrow();
    if (!v.safeL2().hash().equals(expected.ref().hash())) {
      return Optional.of("validator: safe head " + v.safeL2() + ", reference " + expected.ref());
    }
    var labels = engine.heads();
    if (!labels.unsafe().hash().equals(v.unsafeL2().hash()) || !labels.safe().hash().equals(v.safeL2().hash())) {
      return Optional.of("validator: its engine's labels " + labels + " are not its heads " + v);
    }
    var sealed = world.nodeEngine().block(new L2BlockSelector.ByHash(v.unsafeL2().hash()));
    long seqUnsafe = sequencer.status().unsafeL2().number();
    if (sealed.isEmpty() || v.unsafeL2().number() < seqUnsafe - 2) {
      return Optional.of("validator: unsafe head " + v.unsafeL2() + " is not the sequencer's chain near its head " + seqUnsafe);
    }
    return followsGossip(seqUnsafe);
  }

  /**
   * The validator must be following the sequencer's gossip again, not only deriving: it accepted one
   * of the sequencer's three newest blocks from gossip (its safe head may equal the sequencer's unsafe
   * head right after a batch, so the unsafe-head check alone cannot tell).
   */
  private Optional<String> followsGossip(long seqUnsafe) {
    for (long n = seqUnsafe; n >= Math.max(1, seqUnsafe - 2); n--) {
      var b = world.nodeEngine().block(new L2BlockSelector.ByNumber(n));
      if (b.isPresent() && judge.acceptedBlock(b.get().payload().blockHash())) {
        return Optional.empty();
      }
    }
    return Optional.of("validator: accepted none of the sequencer's blocks " + Math.max(1, seqUnsafe - 2) + ".." + seqUnsafe
        + " from its gossip");
  }

  private SimResult result(int step, Optional<String> failure, long cpu0, long wall0) {
    batcherWatch.done();
    long events = sequencer.events() + validator.events();
    SimCost cost = new SimCost(System.nanoTime() - wall0, ThreadCpu.nanos() - cpu0, sequencer.coreNanos() + validator.coreNanos());
    return new SimResult(o.seed(), step, events, faults.injected(), coverage.marks(),
        failure.map(m -> new SimResult.SimFailure(m, step, events)), validator.status(), cost);
  }
}
