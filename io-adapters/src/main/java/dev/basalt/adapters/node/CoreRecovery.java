package dev.basalt.adapters.node;

import dev.basalt.core.Core;
import dev.basalt.core.codec.BinaryReader;
import dev.basalt.core.codec.DecodeException;
import dev.basalt.core.command.Command;
import dev.basalt.journal.InputRecord;
import dev.basalt.journal.Journal;
import dev.basalt.journal.JournalCursor;
import dev.basalt.journal.OutputRecord;
import dev.basalt.journal.Snapshot;
import dev.basalt.journal.SnapshotStore;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rebuilds the core a journal describes: restore the newest snapshot, then re-apply every input
 * after it. Outputs the previous process never recorded (it died between journaling an input and
 * recording its commands) are recorded now, so the journal has no gaps for replay to trip over.
 */
public final class CoreRecovery {
  private static final Logger LOG = LoggerFactory.getLogger(CoreRecovery.class);

  /**
   * @param core the recovered core, ready for the next event
   * @param snapshotSeq input the snapshot was taken after, or -1 when recovery started from scratch
   * @param replayedEvents inputs re-applied after the snapshot
   * @param outputsFilled output records written for inputs that had none
   * @param outputMismatches re-applied inputs whose recorded commands differ from the core's now
   *     (a different node version wrote them; replay verify will show where)
   */
  public record Result(Core core, long snapshotSeq, long replayedEvents, long outputsFilled, long outputMismatches) {}

  private CoreRecovery() {}

  private static Core restore(Snapshot snapshot) {
    try {
      return Core.restore(new BinaryReader(snapshot.coreState().toArray()));
    } catch (DecodeException e) {
      LOG.warn("cannot use the snapshot at input {}: {}", snapshot.seq(), e.getMessage());
      return null;
    }
  }

  public static Result recover(Journal journal, SnapshotStore snapshots) {
    long next = journal.nextInputSeq();
    long first = journal.firstInputSeq();
    Optional<Snapshot> snapshot = next == 0 ? Optional.empty() : snapshots.latestAtOrBefore(next - 1);
    if (snapshot.isPresent() && snapshot.get().seq() < first - 1) {
      snapshot = Optional.empty();
    }
    if (snapshot.isEmpty() && first > 0) {
      throw new IllegalStateException(
          "journal starts at input " + first + " (older inputs were deleted) and no snapshot covers them");
    }
    Core core = snapshot.map(CoreRecovery::restore).orElse(null);
    if (core == null && snapshot.isPresent()) {
      if (first > 0) {
        throw new IllegalStateException("the snapshot at input " + snapshot.get().seq()
            + " was written by another core version and the journal no longer starts at input 0");
      }
      // A snapshot of an older core layout: replaying the whole journal rebuilds the same state.
      snapshot = Optional.empty();
    }
    if (core == null) {
      core = new Core();
    }
    long from = snapshot.map(s -> s.seq() + 1).orElse(0L);
    long replayed = 0;
    long filled = 0;
    long mismatches = 0;
    try (JournalCursor<InputRecord> inputs = journal.readInputs(from);
        JournalCursor<OutputRecord> outputs = journal.readOutputs(from)) {
      OutputRecord recorded = outputs.next();
      for (InputRecord in = inputs.next(); in != null; in = inputs.next()) {
        List<Command> commands = core.apply(in.event());
        replayed++;
        while (recorded != null && recorded.inputSeq() < in.seq()) {
          recorded = outputs.next();
        }
        if (recorded != null && recorded.inputSeq() == in.seq()) {
          if (!recorded.commands().equals(commands)) {
            mismatches++;
          }
          recorded = outputs.next();
        } else {
          journal.appendOutput(new OutputRecord(in.seq(), commands, Optional.of(core.stateHash())));
          filled++;
        }
      }
    }
    if (replayed > 0) {
      LOG.info(
          "recovered core from {} plus {} journaled events ({} missing output records filled)",
          snapshot.map(s -> "snapshot at input " + s.seq()).orElse("scratch"),
          replayed,
          filled);
    }
    if (mismatches > 0) {
      LOG.warn(
          "{} recorded outputs differ from what this node version emits; run `basalt replay verify` to see where",
          mismatches);
    }
    return new Result(core, snapshot.map(Snapshot::seq).orElse(-1L), replayed, filled, mismatches);
  }
}
