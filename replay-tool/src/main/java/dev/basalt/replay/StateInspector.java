package dev.basalt.replay;

import dev.basalt.core.Core;
import dev.basalt.core.state.JsonStateWriter;
import dev.basalt.core.types.Hash32;
import dev.basalt.journal.InputRecord;
import dev.basalt.journal.Journal;
import dev.basalt.journal.JournalCorruptException;
import dev.basalt.journal.JournalCursor;
import dev.basalt.journal.SnapshotStore;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * The core state right after a given input, rebuilt from the newest usable snapshot at or before
 * it plus the inputs in between (for {@code replay inspect}).
 */
public final class StateInspector {
  private final Journal journal;
  private final SnapshotStore snapshots;

  public StateInspector(Journal journal, SnapshotStore snapshots) {
    this.journal = Objects.requireNonNull(journal, "journal");
    this.snapshots = Objects.requireNonNull(snapshots, "snapshots");
  }

  /**
   * The state after input {@code seq} was applied.
   *
   * @throws ReplayException when {@code seq} is not in the journal or no start point reaches it
   * @throws CoreApplyException when the core throws on the way
   */
  public Inspection stateAfter(long seq) {
    ReplayOrigin origin = ReplayOrigin.forStateAfter(journal, snapshots, seq);
    Core core = origin.core();
    long next = origin.nextSeq();
    try (JournalCursor<InputRecord> inputs = journal.readInputs(next)) {
      while (next <= seq) {
        InputRecord input = inputs.next();
        if (input == null) {
          throw new ReplayException("the journal ended at input " + (next - 1) + " before input " + seq);
        }
        if (input.seq() != next) {
          throw new JournalCorruptException(
              "inputs", next, "expected input " + next + " next, found input " + input.seq());
        }
        try {
          core.apply(input.event());
        } catch (RuntimeException e) {
          throw new CoreApplyException(next, input.event(), e);
        }
        next++;
      }
    }
    return new Inspection(seq, origin.snapshotSeq(), seq + 1 - origin.nextSeq(), core);
  }

  /**
   * A rebuilt state.
   *
   * @param seq the input the state is after
   * @param snapshotSeq the snapshot it was rebuilt from, empty when from a fresh core
   * @param eventsReplayed inputs applied on top of that start
   * @param core the rebuilt core; the caller may go on applying events to it
   */
  public record Inspection(long seq, OptionalLong snapshotSeq, long eventsReplayed, Core core) {
    /** The state as pretty-printed JSON. */
    public String json() {
      return JsonStateWriter.of(core);
    }

    public Hash32 stateHash() {
      return core.stateHash();
    }
  }
}
