package dev.basalt.testdata.sim;

import dev.basalt.core.Core;
import dev.basalt.core.NodeMode;
import dev.basalt.core.SequencerConfig;
import dev.basalt.core.command.Command;
import dev.basalt.core.command.PublishPayload;
import dev.basalt.core.engine.L2BlockSelector;
import dev.basalt.core.event.InputEvent;
import dev.basalt.core.heads.SyncStatus;
import dev.basalt.testdata.gen.SimRng;
import dev.basalt.testdata.world.Answer;
import dev.basalt.testdata.world.SimWorld;
import dev.basalt.testdata.world.engine.EngineResponder;
import dev.basalt.testdata.world.engine.FakeEngine;
import java.util.EnumMap;
import java.util.List;
import java.util.Optional;

/**
 * One world, two nodes: Basalt as the world's sequencer (its engine is the world's node engine, the
 * batcher posts what it sealed) and Basalt as a validator with an engine of its own, whose honest
 * gossip peer is the sequencer node itself: every {@code PublishPayload} reaches the validator as
 * a signed block message after a relay latency. Both run on one virtual clock a second at a time.
 * The world is calm (its delayed answers are shared, so world faults would cross between the
 * nodes); the validator still meets the seed's hostile gossip (duplicates, bad signatures,
 * out-of-window blocks, floods). Both nodes carry the usual checks; after the steps the sequencer
 * must settle as in sequencer mode, and the validator's safe head must be the reference
 * derivation's, its unsafe head a block the sequencer sealed, at most two slots behind.
 */
public final class DuoSimulation {
  private DuoSimulation() {}

  /** Every mark a healthy duo swarm must reach, beside one "injected: CLASS" per class it {@link #injects}. */
  static final String[] REQUIRED = {
    "validator followed the sequencer's gossip", "gossip: true block accepted", "unsafe head ahead of safe from gossip",
    "sequencer origin advanced", "gossip: duplicate ignored", "gossip: bad signature rejected", "gossip: too old rejected",
    "gossip: too new rejected", "gossip flood absorbed", "forkchoice update checked against the engine"
  };

  /** The fault classes a duo run injects: the validator's hostile gossip (the world stays calm). */
  static boolean injects(FaultClass f) {
    // Equivocation and signer rotation need the signer's key, which is the sequencer node's own here.
    return f.gossip() && f != FaultClass.GOSSIP_PEERS && f != FaultClass.GOSSIP_EQUIVOCATION && f != FaultClass.GOSSIP_SIGNER_ROTATION
        && f != FaultClass.GOSSIP_EQUIVOCATING_CHAIN;
  }

  /** Runs the seed's duo world for {@code o.steps()} steps (the mode in {@code o} is ignored). */
  public static SimResult run(Simulation.Options o) {
    long cpu0 = ThreadCpu.nanos();
    long wall0 = System.nanoTime();
    Simulation.Options seq = o.withMode(NodeMode.SEQUENCER);
    SimWorld world = SimWorld.create(Simulation.worldConfig(seq, new FaultSchedule(List.of())));
    Coverage coverage = new Coverage();
    SimNode sequencer = SimNode.start(world, world.sequencerConfig(SequencerConfig.DEFAULTS));
    Invariants seqInvariants = new Invariants(coverage);
    SequencerChecks seqChecks = new SequencerChecks(world, seqInvariants, coverage);
    ForkchoiceOracle seqOracle = new ForkchoiceOracle(world.nodeEngine(), coverage);

    FakeEngine engine = new FakeEngine(world.rollupConfig(), world.nodeEngine().genesis(), world.nodeEngine().memo());
    EngineResponder responder = new EngineResponder(engine);
    SimNode validator = SimNode.start(world, world.coreConfig(NodeMode.VALIDATOR));
    validator.answerAlso(EngineResponder::handles, c -> responder.answer(c).stream().map(Answer::event).toList());
    Invariants valInvariants = new Invariants(coverage);
    ForkchoiceOracle valOracle = new ForkchoiceOracle(engine, coverage);
    GossipOracle judge = new GossipOracle(engine, coverage, false);
    SimGossip gossip = new SimGossip(validator, judge, coverage, new SimRng(o.seed()).fork("gossip-peers"), false, 5);
    gossip.relayPublishedOnly();
    valOracle.unsafeInsertions(judge::acceptedBlock);
    validator.timedInputs(gossip);
    validator.listen(SimNode.Listener.all(List.of(valInvariants, valOracle, gossip, judge)));
    sequencer.listen(SimNode.Listener.all(List.of(seqInvariants, seqOracle, seqChecks, (event, out, core) -> {
      for (Command c : out) {
        if (c instanceof PublishPayload p) {
          gossip.published(p.envelope(), sequencer.nowMillis());
        }
      }
    })));

    List<ScheduledFault> hostile = Simulation.schedule(o.withMode(NodeMode.VALIDATOR)).faults().stream()
        .filter(f -> injects(f.fault())).toList();
    EnumMap<FaultClass, Integer> injected = new EnumMap<>(FaultClass.class);
    long genesis = world.config().genesisTime();
    long stepSeconds = world.config().l1BlockSeconds();
    int step = 1;
    int next = 0;
    try {
      for (; step <= o.steps() && sequencer.events() + validator.events() < o.maxEvents(); step++) {
        while (next < hostile.size() && hostile.get(next).step() <= step) {
          ScheduledFault f = hostile.get(next++);
          if (gossip.inject(f)) {
            injected.merge(f.fault(), 1, Integer::sum);
            coverage.mark("injected: " + f.fault());
          }
        }
        runStep(sequencer, validator, world, genesis + step * stepSeconds, o, step);
      }
      for (int quiet = 0; quiet < o.quietSteps(); quiet++, step++) {
        runStep(sequencer, validator, world, genesis + step * stepSeconds, o, step);
        if (quiet % 5 == 4 || quiet == o.quietSteps() - 1) {
          Optional<String> why = settled(sequencer, seqChecks, validator, engine);
          if (why.isEmpty()) {
            coverage.mark("validator followed the sequencer's gossip");
            return result(o, step, sequencer, validator, injected, coverage, Optional.empty(), cpu0, wall0);
          }
        }
      }
      String why = settled(sequencer, seqChecks, validator, engine).orElse("");
      return result(o, step, sequencer, validator, injected, coverage,
          Optional.of("no convergence within " + o.quietSteps() + " quiet steps: " + why), cpu0, wall0);
    } catch (InvariantViolation | IllegalStateException e) {
      return result(o, step, sequencer, validator, injected, coverage, Optional.of(e.getMessage()), cpu0, wall0);
    }
  }

  /** Both nodes through one step, a second at a time: the sequencer first, then the validator. */
  private static void runStep(SimNode sequencer, SimNode validator, SimWorld world, long t, Simulation.Options o, int step) {
    long before = sequencer.events() + validator.events();
    long from = Math.max(world.nowSeconds(), sequencer.nowMillis() / 1000) + 1;
    for (long s = Math.min(from, t); s <= t; s++) {
      sequencer.tick(s, true);
      sequencer.runTo(s * 1000 + 999);
      validator.tick(s, s == t);
      validator.runTo(s * 1000 + 999);
      if (sequencer.events() + validator.events() - before >= o.maxEventsPerStep()) {
        throw new InvariantViolation("livelock: " + o.maxEventsPerStep() + " events in step " + step);
      }
    }
  }

  private static Optional<String> settled(SimNode sequencer, SequencerChecks seqChecks, SimNode validator, FakeEngine engine) {
    Optional<String> seq = Simulation.converged(sequencer, seqChecks);
    if (seq.isPresent()) {
      return seq.map(w -> "sequencer: " + w);
    }
    SimWorld world = validator.world();
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
    return Optional.empty();
  }

  private static SimResult result(Simulation.Options o, int step, SimNode sequencer, SimNode validator,
      EnumMap<FaultClass, Integer> injected, Coverage coverage, Optional<String> failure, long cpu0, long wall0) {
    long events = sequencer.events() + validator.events();
    SimCost cost = new SimCost(System.nanoTime() - wall0, ThreadCpu.nanos() - cpu0, sequencer.coreNanos() + validator.coreNanos());
    return new SimResult(o.seed(), step, events, injected, coverage.marks(),
        failure.map(m -> new SimResult.SimFailure(m, step, events)), validator.status(), cost);
  }

}
