package dev.basalt.testdata.sim;

import dev.basalt.testdata.gen.SimRng;
import java.util.ArrayList;
import java.util.List;

/**
 * The faults of one run, in step order. Drawn once from the seed and the profile, then fixed: the
 * run is a function of (seed, schedule), which is what lets the shrinker drop entries and re-run.
 */
public record FaultSchedule(List<ScheduledFault> faults) {
  public FaultSchedule {
    faults = List.copyOf(faults.stream().sorted().toList());
  }

  /** Classes added after the first: each draws from a stream of its own, outside the per-step loop. */
  private static final java.util.EnumSet<FaultClass> DRAWN_ALONE = java.util.EnumSet.of(FaultClass.L1_FINALITY_LAG,
      FaultClass.ENGINE_INVALID);

  public static FaultSchedule draw(SwarmProfile profile, int steps, SimRng rng) {
    List<ScheduledFault> out = new ArrayList<>();
    // Gossip draws from a stream of its own, so adding it left every other class's draws as they were.
    SimRng gossipRng = rng.fork("gossip");
    SimRng rotationRng = rng.fork("signer-rotation");
    SimRng chainRng = rng.fork("equivocating-chain");
    SimRng finalityRng = rng.fork("finality-lag");
    SimRng invalidRng = rng.fork("engine-invalid");
    // A class the profile has off for the mode draws nothing: adding one keeps old seeds' schedules.
    // The classes that draw (in declaration order) are the same at every step: chosen once, not per step.
    List<FaultClass> perStep = new ArrayList<>();
    for (FaultClass f : FaultClass.values()) {
      if (profile.perMille().containsKey(f) && !f.gossip() && !DRAWN_ALONE.contains(f) && f != FaultClass.BATCHER_MISBEHAVIOUR) {
        perStep.add(f);
      }
    }
    drawEachStep(perStep, profile, steps, rng, out);
    drawGossip(profile, steps, gossipRng, out);
    // Classes added later draw from streams of their own: seeds drawn before them keep their schedules.
    drawAlone(FaultClass.GOSSIP_EQUIVOCATING_CHAIN, 1000, profile, steps, chainRng, out);
    // Rotations are rare on a real chain: a fifth of the profile's rate.
    drawAlone(FaultClass.GOSSIP_SIGNER_ROTATION, 5_000, profile, steps, rotationRng, out);
    // A finality lag lasts several steps and an INVALID payload costs a rebuild: half the profile's rate.
    drawAlone(FaultClass.L1_FINALITY_LAG, 2_000, profile, steps, finalityRng, out);
    drawAlone(FaultClass.ENGINE_INVALID, 2_000, profile, steps, invalidRng, out);
    if (profile.rate(FaultClass.BATCHER_MISBEHAVIOUR) > 0) {
      // The batcher's misbehaviour is a property of the world, chosen up front (size = chance in 100).
      out.add(new ScheduledFault(0, FaultClass.BATCHER_MISBEHAVIOUR, Math.max(1, profile.rate(FaultClass.BATCHER_MISBEHAVIOUR) / 4)));
    }
    if (profile.rate(FaultClass.CONDUCTOR) > 0) {
      // The sequencer runs under op-conductor: a property of the world, chosen up front.
      out.add(new ScheduledFault(0, FaultClass.CONDUCTOR, 1));
    }
    return new FaultSchedule(out);
  }

  /** {@code f} at each step with chance {@code rate / outOf}, drawn from {@code rng} alone. */
  private static void drawAlone(FaultClass f, int outOf, SwarmProfile profile, int steps, SimRng rng, List<ScheduledFault> out) {
    if (!profile.perMille().containsKey(f)) {
      return;
    }
    for (int step = 1; step < steps; step++) {
      if (rng.nextInt(outOf) < profile.rate(f)) {
        out.add(new ScheduledFault(step, f, size(f, rng)));
      }
    }
  }

  private static void drawGossip(SwarmProfile profile, int steps, SimRng rng, List<ScheduledFault> out) {
    if (profile.rate(FaultClass.GOSSIP_PEERS) > 0) {
      out.add(new ScheduledFault(0, FaultClass.GOSSIP_PEERS, size(FaultClass.GOSSIP_PEERS, rng)));
    }
    List<FaultClass> perStep = new ArrayList<>();
    for (FaultClass f : FaultClass.values()) {
      if (f.gossip() && f != FaultClass.GOSSIP_PEERS && f != FaultClass.GOSSIP_SIGNER_ROTATION && f != FaultClass.GOSSIP_EQUIVOCATING_CHAIN
          && profile.perMille().containsKey(f)) {
        perStep.add(f);
      }
    }
    drawEachStep(perStep, profile, steps, rng, out);
  }

  /** At each step, each of {@code classes} in order with chance rate in 1000 (a run of 100,000 steps draws millions). */
  private static void drawEachStep(List<FaultClass> classes, SwarmProfile profile, int steps, SimRng rng, List<ScheduledFault> out) {
    FaultClass[] fs = classes.toArray(new FaultClass[0]);
    int[] rates = new int[fs.length];
    for (int i = 0; i < fs.length; i++) {
      rates[i] = profile.rate(fs[i]);
    }
    for (int step = 1; step < steps; step++) {
      for (int i = 0; i < fs.length; i++) {
        if (rng.nextInt(1000) < rates[i]) {
          out.add(new ScheduledFault(step, fs[i], size(fs[i], rng)));
        }
      }
    }
  }

  static int size(FaultClass f, SimRng rng) {
    return switch (f) {
      case L1_REORG -> (int) rng.between(1, 20);
      case L1_RPC_ERROR, L1_TIMEOUT, BLOB_NOT_FOUND, ENGINE_TIMEOUT, ENGINE_DROPPED -> (int) rng.between(1, 4);
      case L1_DELAY, ENGINE_LATE -> (int) rng.between(1, 30);
      case L1_HEAD_STALL, CLOCK_JUMP -> (int) rng.between(2, 12);
      case ENGINE_SYNCING -> (int) rng.between(1, 8);
      case ENGINE_RESTART -> 0;
      case NODE_CRASH -> (int) rng.between(0, 2);
      case BATCHER_MISBEHAVIOUR -> (int) rng.between(1, 30);
      case CONDUCTOR -> (int) rng.between(1, 12); // size % 3: fail, hang, lose leadership; size / 3 + 1 calls or steps
      case GOSSIP_PEERS -> (int) rng.between(1, 9); // largest relay latency, in 100 ms
      case GOSSIP_DUPLICATE, GOSSIP_BAD_SIGNATURE, GOSSIP_OUT_OF_WINDOW -> (int) rng.between(1, 4);
      case GOSSIP_EQUIVOCATION -> (int) rng.between(1, 8); // forged blocks at one height: from the 7th the node rejects
      case GOSSIP_FLOOD -> (int) rng.between(20, 60);
      case GOSSIP_EQUIVOCATING_CHAIN -> (int) rng.between(2, 5); // forged blocks in a row
      case GOSSIP_SIGNER_ROTATION -> (int) rng.between(1, 6); // L1 block times until the node's loader reads L1 again
      case L1_FINALITY_LAG -> (int) rng.between(2, 16); // steps the finalized label stands still
      case ENGINE_INVALID -> (int) rng.between(1, 6); // how many blocks past the world's head
    };
  }

  /** A schedule written as corpus lines ({@code "STEP CLASS SIZE"}, see {@link ScheduledFault#parse}). */
  public static FaultSchedule parse(String... lines) {
    List<ScheduledFault> faults = new ArrayList<>();
    for (String line : lines) {
      faults.add(ScheduledFault.parse(line));
    }
    return new FaultSchedule(faults);
  }

  public FaultSchedule without(int from, int to) {
    List<ScheduledFault> kept = new ArrayList<>(faults.subList(0, from));
    kept.addAll(faults.subList(to, faults.size()));
    return new FaultSchedule(kept);
  }

  public int size() {
    return faults.size();
  }
}
