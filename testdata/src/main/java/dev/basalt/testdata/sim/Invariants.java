package dev.basalt.testdata.sim;

import dev.basalt.core.Core;
import dev.basalt.core.command.Command;
import dev.basalt.core.command.FetchL2Block;
import dev.basalt.core.engine.L2BlockSelector;
import dev.basalt.core.event.InputEvent;
import dev.basalt.core.heads.SyncStatus;
import dev.basalt.core.types.L2BlockRef;
import java.util.List;

/**
 * The checks that hold after every event, whatever the faults: the heads are ordered, finalized
 * never moves back, and safe moves back only after something that can take blocks away happened
 * since it last advanced: an L1 reorg, an engine that lost blocks or answered SYNCING, a restart,
 * or a pipeline reset (Basalt re-establishes the safe head as op-node's FindL2Heads does, a
 * sequencing window back; kona keeps the engine's safe label instead).
 */
final class Invariants implements SimNode.Listener {
  private final Coverage coverage;
  private long maxFinalized;
  /** Finalized may move back this many more times: once per fault that took finalized blocks away. */
  private int finalizedRewindsAllowed;
  private long lastSafe;
  private long disruptions;
  private long disruptionsAtLastSafe;
  /** The process restarted and the next event shows the state rebuilt from the journal, not an advance. */
  private boolean restored;

  Invariants(Coverage coverage) {
    this.coverage = coverage;
  }

  /** How many things that may legitimately take blocks away (reorgs, lost blocks, resets, restarts) happened so far. */
  long disruptions() {
    return disruptions;
  }

  /** Something that may legitimately take safe blocks away happened. */
  void disrupted() {
    disruptions++;
  }

  @Override
  public void applied(InputEvent event, List<Command> out, Core core) {
    for (Command c : out) {
      if (c instanceof FetchL2Block f && f.selector() instanceof L2BlockSelector.ByLabel l && l.label() == L2BlockSelector.Label.FINALIZED) {
        // A sync start (restart or pipeline reset) re-establishes the safe head a sequencing
        // window back, as op-node's FindL2Heads does: a reset is a disruption of its own.
        coverage.mark("pipeline reset");
        disruptions++;
      }
    }
    SyncStatus s = core.syncStatus();
    L2BlockRef[] order = {s.finalizedL2(), s.safeL2(), s.localSafeL2(), s.pendingSafeL2(), s.unsafeL2()};
    for (int i = 1; i < order.length; i++) {
      if (order[i - 1].number() > order[i].number()) {
        throw new InvariantViolation("heads out of order after " + event.getClass().getSimpleName() + ": " + s);
      }
    }
    if (s.finalizedL2().number() < maxFinalized) {
      if (finalizedRewindsAllowed == 0) {
        throw new InvariantViolation("finalized moved back from " + maxFinalized + " to " + s.finalizedL2());
      }
      finalizedRewindsAllowed--;
      coverage.mark("finalized re-read after the engine or the journal lost it");
    }
    maxFinalized = s.finalizedL2().number();
    long safe = s.safeL2().number();
    if (safe < lastSafe) {
      if (disruptions == disruptionsAtLastSafe) {
        throw new InvariantViolation("safe head moved back from " + lastSafe + " to " + s.safeL2() + " with no reorg or lost blocks");
      }
      coverage.mark("safe head rewound after a disruption");
    }
    if (safe > lastSafe && !restored) {
      disruptionsAtLastSafe = disruptions;
    }
    // A torn tail may have lost a rewind already seen here (a reset's last step), so the rebuilt
    // safe head may lie above the last one seen: that is not an advance, and the disruptions so
    // far (the crash among them) still account for the rewind the restarted node does again.
    restored = false;
    lastSafe = safe;
  }

  /** The engine lost blocks at or below the finalized head: the finalized check restarts. */
  void finalizedLost() {
    finalizedRewindsAllowed++;
  }

  @Override
  public void crashed(int lostEvents) {
    // The restarted core is rebuilt from the journal: its heads are the journal's, so the checks
    // carry on; a torn tail may have lost steps whose effects had already reached the engine
    // (power loss without strict durability), so the restored heads may be older than the ones
    // reported before the crash: the checks restart from the restored state.
    disruptions++;
    restored = true;
    if (lostEvents > 0) {
      finalizedRewindsAllowed++;
    }
  }
}
