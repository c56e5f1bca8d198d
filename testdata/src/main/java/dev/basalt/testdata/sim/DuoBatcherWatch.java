package dev.basalt.testdata.sim;

import dev.basalt.core.Core;
import dev.basalt.core.command.Command;
import dev.basalt.core.event.InputEvent;
import dev.basalt.testdata.world.rollup.BatcherFaults;
import dev.basalt.testdata.world.rollup.WorldBatcher;
import java.util.List;
import java.util.Locale;

/**
 * The marks of a duo run whose world's batcher misbehaves ({@link FaultClass#BATCHER_MISBEHAVIOUR}
 * from the sequencer's schedule): what the batcher did wrong, and each node's safe head passing a
 * block the batcher posted in a channel with misbehaviour (both derive from the one L1). Whether
 * what they derived is right is the settle check's: the reference derivation of the canonical L1.
 */
final class DuoBatcherWatch {
  private final WorldBatcher batcher;
  private final Coverage coverage;

  DuoBatcherWatch(WorldBatcher batcher, Coverage coverage) {
    this.batcher = batcher;
    this.coverage = coverage;
  }

  /** Watches {@code who}'s safe head pass the blocks of misbehaving channels, one target at a time. */
  SimNode.Listener node(String who) {
    String mark = who + "'s safe head passed a misbehaving batcher's channel";
    return new SimNode.Listener() {
      /** The block the safe head must pass next (0: none), and the last one it passed. */
      private long target;
      private long passed;

      @Override
      public void applied(InputEvent event, List<Command> out, Core core) {
        long last = batcher.lastMisbehavedBlock();
        if (target == 0 && last > passed) {
          target = last;
        }
        if (target > 0 && core.syncStatus().safeL2().number() >= target) {
          coverage.mark(mark);
          passed = target;
          target = 0;
        }
      }
    };
  }

  /** At the end of a run: one mark per kind of misbehaviour the batcher showed. */
  void done() {
    for (var e : batcher.misbehaved().entrySet()) {
      if (e.getValue() > 0) {
        coverage.mark(mark(e.getKey()));
      }
    }
  }

  /** The mark {@link #done} sets for {@code kind}. */
  static String mark(BatcherFaults.Kind kind) {
    return "batcher misbehaved: " + kind.name().toLowerCase(Locale.ROOT).replace('_', ' ');
  }
}
