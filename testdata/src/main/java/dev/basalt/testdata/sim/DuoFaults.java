package dev.basalt.testdata.sim;

import dev.basalt.core.Core;
import dev.basalt.core.NodeMode;
import dev.basalt.core.command.Command;
import dev.basalt.core.command.PublishPayload;
import dev.basalt.core.event.InputEvent;
import dev.basalt.core.types.Hash32;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;

/**
 * The faults of a {@link DuoSimulation} run and the marks of their recovery. Each node meets the
 * faults of its own single-mode schedule ({@link Simulation#schedule} for the seed in sequencer or
 * in validator mode, so neither mode's schedule changes), restricted to what stays with that node,
 * plus the world faults of the sequencer's schedule, which both nodes meet: its L1 reorgs and its
 * batcher misbehaviour (a property of the world, {@link #world}). Either
 * node: its L1 endpoint's errors and delays, its poller stalling, its process pausing, crashing and
 * restarting from its journal (torn tails too), its engine's faults; the sequencer: op-conductor's
 * faults; the validator: hostile gossip, equivocation by a rogue holder of the sequencer's signer
 * key, and that key's rotation on L1.
 */
final class DuoFaults {
  /** Which node a fault hits. */
  enum Role { SEQUENCER, VALIDATOR }

  /** One fault of the duo schedule: the node it hits and the fault. */
  record Entry(Role role, ScheduledFault fault) {}

  /**
   * What a node meets alone, from its own schedule: its L1 endpoint's errors, timeouts, late
   * answers and missing blobs (each node reads L1 through an endpoint of its own and waits for its
   * own late answers), its head poller stalling, its process pausing, its process crashing, its
   * engine's faults (SYNCING, timeouts, lost and late answers, restarts losing unpersisted blocks:
   * the validator's engine is its own, the sequencer's the world's node engine). A sequencer engine
   * that lost blocks re-seals their heights: the validator meets a second block at a height it
   * already has, as from a restarted sequencer.
   */
  private static final EnumSet<FaultClass> EITHER = EnumSet.of(FaultClass.L1_RPC_ERROR, FaultClass.L1_TIMEOUT, FaultClass.L1_DELAY,
      FaultClass.BLOB_NOT_FOUND, FaultClass.L1_HEAD_STALL, FaultClass.CLOCK_JUMP, FaultClass.NODE_CRASH, FaultClass.ENGINE_SYNCING,
      FaultClass.ENGINE_TIMEOUT, FaultClass.ENGINE_DROPPED, FaultClass.ENGINE_LATE, FaultClass.ENGINE_RESTART);

  /**
   * What the sequencer's schedule contributes: besides {@link #EITHER}, the L1 reorgs and L1
   * finality lags (from its schedule alone: the world has one L1, both nodes see them) and, as a property of the world set
   * before the run (its step-0 entry, as in sequencer mode), the batcher's misbehaviour: the world's
   * batcher posts the sequencer node's blocks with garbage, unauthorised, duplicate and out-of-order
   * frames and timed-out channels, and both nodes derive from that L1.
   */
  static final EnumSet<FaultClass> SEQUENCER_FAULTS = with(EITHER, FaultClass.L1_REORG, FaultClass.L1_FINALITY_LAG,
      FaultClass.BATCHER_MISBEHAVIOUR, FaultClass.CONDUCTOR);

  /**
   * The classes of {@link #SEQUENCER_FAULTS} whose step-0 entry is a property of the world, set
   * before the run: the batcher's misbehaviour, and op-conductor guarding the sequencer node (its
   * later entries fail or hang commits, or take leadership away for some steps, as in sequencer
   * mode; the validator keeps following whatever the sequencer publishes).
   */
  static final EnumSet<FaultClass> WORLD_PROPERTIES = EnumSet.of(FaultClass.BATCHER_MISBEHAVIOUR, FaultClass.CONDUCTOR);

  /**
   * What the validator's schedule contributes: besides {@link #EITHER}, its hostile gossip, and
   * equivocation: the signer's key is the sequencer node's own here, so the forged siblings and
   * chains come from a rogue second holder of that key (as after a conductor failover gone wrong),
   * sent to the validator only, just ahead of each block the sequencer publishes; and that key's
   * rotation: the SystemConfig owner points the signer at a new key on L1, the sequencer node's
   * blocks are signed with it from then on, and the validator learns it from L1 some blocks later.
   */
  static final EnumSet<FaultClass> VALIDATOR_FAULTS = with(EITHER, FaultClass.GOSSIP_DUPLICATE,
      FaultClass.GOSSIP_BAD_SIGNATURE, FaultClass.GOSSIP_OUT_OF_WINDOW, FaultClass.GOSSIP_FLOOD, FaultClass.GOSSIP_EQUIVOCATION,
      FaultClass.GOSSIP_EQUIVOCATING_CHAIN, FaultClass.GOSSIP_SIGNER_ROTATION);

  private static EnumSet<FaultClass> with(EnumSet<FaultClass> base, FaultClass... more) {
    EnumSet<FaultClass> out = EnumSet.copyOf(base);
    out.addAll(java.util.Arrays.asList(more));
    return out;
  }

  private final List<Entry> schedule;
  private final SimNode sequencer;
  private final SimNode validator;
  private final FaultInjector seqInjector;
  private final FaultInjector valInjector;
  private final Invariants valInvariants;
  private final SimGossip gossip;
  private final Coverage coverage;
  private final EnumMap<FaultClass, Integer> injected = new EnumMap<>(FaultClass.class);
  private int next;
  /** After a sequencer restart until it sealed again: the engine's unsafe head when it died (null otherwise). */
  private Hash32 seqResumeFrom;
  /** After a validator restart until its unsafe head passed it: the sequencer's unsafe height when it died (-1 otherwise). */
  private long valCatchUpTo = -1;

  DuoFaults(List<Entry> schedule, SimNode sequencer, FaultInjector seqInjector, SimNode validator, FaultInjector valInjector,
      Invariants valInvariants, SimGossip gossip, Coverage coverage) {
    this.schedule = List.copyOf(schedule);
    this.sequencer = sequencer;
    this.validator = validator;
    this.seqInjector = seqInjector;
    this.valInjector = valInjector;
    this.valInvariants = valInvariants;
    this.gossip = gossip;
    this.coverage = coverage;
  }

  /**
   * The seed's duo schedule: each node's part of its single-mode schedule, the sequencer's entries
   * then the validator's ({@link DuoSchedule} puts them in step order, as it does any schedule).
   */
  static List<Entry> schedule(Simulation.Options o) {
    List<Entry> out = new ArrayList<>();
    for (ScheduledFault f : Simulation.schedule(o.withMode(NodeMode.SEQUENCER)).faults()) {
      if (f.step() > 0 && SEQUENCER_FAULTS.contains(f.fault())) {
        out.add(new Entry(Role.SEQUENCER, f));
      }
    }
    for (ScheduledFault f : Simulation.schedule(o.withMode(NodeMode.VALIDATOR)).faults()) {
      if (f.step() > 0 && VALIDATOR_FAULTS.contains(f.fault())) {
        out.add(new Entry(Role.VALIDATOR, f));
      }
    }
    return out;
  }

  /**
   * The world's properties of the seed's duo run: the step-0 entries of the sequencer's
   * single-mode schedule among {@link #WORLD_PROPERTIES} (the world is made from them as in
   * sequencer mode).
   */
  static FaultSchedule world(Simulation.Options o) {
    return new FaultSchedule(Simulation.schedule(o.withMode(NodeMode.SEQUENCER)).faults().stream()
        .filter(f -> f.step() == 0 && WORLD_PROPERTIES.contains(f.fault())).toList());
  }

  /** The world's properties are in force from the start: each counts as injected once. */
  void injectWorld(FaultSchedule world) {
    for (ScheduledFault f : world.faults()) {
      injected.merge(f.fault(), 1, Integer::sum);
      coverage.mark("injected: " + f.fault());
    }
  }

  /** Whether a duo run injects {@code f} (on either node). */
  static boolean injects(FaultClass f) {
    return SEQUENCER_FAULTS.contains(f) || VALIDATOR_FAULTS.contains(f);
  }

  /** Injects the faults due by {@code step}. */
  void injectDue(int step) {
    while (next < schedule.size() && schedule.get(next).fault().step() <= step) {
      Entry e = schedule.get(next++);
      if (inject(e)) {
        injected.merge(e.fault().fault(), 1, Integer::sum);
        coverage.mark("injected: " + e.fault().fault());
      }
    }
  }

  private boolean inject(Entry e) {
    ScheduledFault f = e.fault();
    if (f.fault().gossip()) {
      return gossip.inject(f);
    }
    boolean done = e.role() == Role.SEQUENCER ? injectSequencer(f) : injectValidator(f);
    String who = e.role() == Role.SEQUENCER ? "sequencer" : "validator";
    if (done && (f.fault() == FaultClass.CLOCK_JUMP || f.fault() == FaultClass.L1_HEAD_STALL)) {
      coverage.mark(f.fault() == FaultClass.CLOCK_JUMP ? who + " process paused" : who + " L1 head poller stalled");
    } else if (done && f.fault() == FaultClass.ENGINE_RESTART) {
      coverage.mark(who + "'s engine restarted");
    }
    return done;
  }

  private boolean injectSequencer(ScheduledFault f) {
    Hash32 valSafeOrigin = validator.status().safeL2().l1Origin().hash();
    Hash32 engineUnsafe = sequencer.world().nodeEngine().heads().unsafe().hash();
    if (!seqInjector.inject(f)) {
      return false;
    }
    switch (f.fault()) {
      case L1_REORG -> {
        // One L1 for both nodes: what the reorg takes away the validator loses too.
        valInvariants.disrupted();
        if (!sequencer.world().l1().chain().isCanonical(valSafeOrigin)) {
          coverage.mark("reorg below the validator's safe head's origin");
        }
      }
      case NODE_CRASH -> {
        coverage.mark("sequencer restarted from its journal");
        seqResumeFrom = engineUnsafe;
      }
      default -> { }
    }
    return true;
  }

  private boolean injectValidator(ScheduledFault f) {
    if (!valInjector.inject(f)) {
      return false;
    }
    if (f.fault() == FaultClass.NODE_CRASH) {
      coverage.mark("validator restarted from its journal");
      valCatchUpTo = sequencer.status().unsafeL2().number();
    }
    return true;
  }

  /** Watches the sequencer's seals: the first after a restart must build on the engine's unsafe head. */
  SimNode.Listener sequencerWatch() {
    return (InputEvent event, List<Command> out, Core core) -> {
      for (Command c : out) {
        if (c instanceof PublishPayload p && seqResumeFrom != null) {
          coverage.mark("sequencer sealed again after a restart");
          if (p.envelope().payload().parentHash().equals(seqResumeFrom)) {
            coverage.mark("sequencer resumed sealing on its unsafe head after a restart");
          }
          seqResumeFrom = null;
        }
      }
    };
  }

  /** Watches the validator's unsafe head pass the sequencer's head of when it died. */
  SimNode.Listener validatorWatch() {
    return (InputEvent event, List<Command> out, Core core) -> {
      if (valCatchUpTo >= 0 && core.syncStatus().unsafeL2().number() > valCatchUpTo) {
        coverage.mark("validator caught up after a restart");
        valCatchUpTo = -1;
      }
    };
  }

  /** Whether {@code role}'s process is paused this step. */
  boolean paused(Role role) {
    return (role == Role.SEQUENCER ? seqInjector : valInjector).paused();
  }

  /** Whether {@code role}'s L1 head poller sees nothing new this step. */
  boolean stalled(Role role) {
    return (role == Role.SEQUENCER ? seqInjector : valInjector).stalled();
  }

  void stepDone() {
    seqInjector.stepDone();
    valInjector.stepDone();
  }

  /** The faults stop: armed calls of either node are disarmed, and L1 finality held by a lag jumps. */
  void quiet() {
    seqInjector.endLags();
    seqInjector.quiet();
    valInjector.quiet();
  }

  /** Marks the recoveries the injectors watch for (finality moving on after a lag); after every quiet step. */
  void watch() {
    seqInjector.watch();
    valInjector.watch();
  }

  EnumMap<FaultClass, Integer> injected() {
    return new EnumMap<>(injected);
  }
}
