package dev.basalt.testdata.sim;

import dev.basalt.core.Core;
import dev.basalt.core.command.Command;
import dev.basalt.core.event.InputEvent;
import java.util.List;

/**
 * The validator's side of a duo run whose sequencer node runs under op-conductor ({@link
 * FaultClass#CONDUCTOR} from the sequencer's schedule): each time the conductor gave leadership
 * back and started the sequencer again, the validator must follow the sequencer's gossip past the
 * sequencer's unsafe head of that moment.
 */
final class DuoConductorWatch implements SimNode.Listener {
  private final SimConductor conductor;
  private final SimNode sequencer;
  private final Coverage coverage;
  private long regainedSeen;
  /** The sequencer's unsafe height when it was started again, for the validator to pass (-1: none). */
  private long followPast = -1;

  DuoConductorWatch(SimConductor conductor, SimNode sequencer, Coverage coverage) {
    this.conductor = conductor;
    this.sequencer = sequencer;
    this.coverage = coverage;
  }

  @Override
  public void applied(InputEvent event, List<Command> out, Core core) {
    if (conductor.regained() > regainedSeen) {
      regainedSeen = conductor.regained();
      if (followPast < 0) {
        followPast = sequencer.status().unsafeL2().number();
      }
    }
    if (followPast >= 0 && core.syncStatus().unsafeL2().number() > followPast) {
      coverage.mark("validator followed the sequencer after its leadership came back");
      followPast = -1;
    }
  }
}
