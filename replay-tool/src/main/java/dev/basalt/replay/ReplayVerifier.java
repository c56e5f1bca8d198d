package dev.basalt.replay;

import dev.basalt.core.Core;
import dev.basalt.core.command.Command;
import dev.basalt.core.types.Hash32;
import dev.basalt.journal.InputRecord;
import dev.basalt.journal.Journal;
import dev.basalt.journal.JournalCorruptException;
import dev.basalt.journal.JournalCursor;
import dev.basalt.journal.OutputRecord;
import dev.basalt.journal.SnapshotStore;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Replays a journal through a fresh or snapshot-restored {@link Core} on the calling thread and
 * checks that every recorded command list and state hash comes out the same.
 *
 * <p>The loop is the hot path of {@code replay verify}: it allocates nothing itself (records come
 * from the journal, command lists from the core), compares command lists with record equality,
 * and computes a state hash only where the recording has one to compare with.
 */
public final class ReplayVerifier {
  /** Progress is reported every 2^16 events: often enough for a bar, rarely enough to be free. */
  private static final long PROGRESS_MASK = (1 << 16) - 1;

  private final Journal journal;
  private final SnapshotStore snapshots;
  private final ProgressListener progress;

  public ReplayVerifier(Journal journal, SnapshotStore snapshots) {
    this(journal, snapshots, ProgressListener.NONE);
  }

  public ReplayVerifier(Journal journal, SnapshotStore snapshots, ProgressListener progress) {
    this.journal = Objects.requireNonNull(journal, "journal");
    this.snapshots = Objects.requireNonNull(snapshots, "snapshots");
    this.progress = Objects.requireNonNull(progress, "progress");
  }

  /**
   * Replays every retained input (from the snapshot {@link ReplayOrigin#forWholeJournal} picks
   * when older inputs were deleted).
   *
   * @throws ReplayException when no start point covers the retained inputs
   * @throws JournalCorruptException when a record fails its checks or inputs skip a number
   */
  public VerifyResult verify() {
    ReplayOrigin origin = ReplayOrigin.forWholeJournal(journal, snapshots);
    try {
      return run(origin);
    } finally {
      progress.finish();
    }
  }

  private VerifyResult run(ReplayOrigin origin) {
    Core core = origin.core();
    long seq = origin.nextSeq();
    long total = Math.max(0, journal.nextInputSeq() - seq);
    Counts n = new Counts(origin, System.nanoTime());
    try (JournalCursor<InputRecord> inputs = journal.readInputs(seq);
        JournalCursor<OutputRecord> outputs = journal.readOutputs(seq)) {
      OutputRecord recorded = outputs.next();
      for (InputRecord input = inputs.next(); input != null; input = inputs.next(), seq++) {
        if (input.seq() != seq) {
          throw new JournalCorruptException(
              "inputs", seq, "expected input " + seq + " next, found input " + input.seq());
        }
        List<Command> actual;
        try {
          actual = core.apply(input.event());
        } catch (RuntimeException e) {
          // The state may be half-updated, so nothing after this input can be trusted.
          return new VerifyResult.CoreFailed(seq, input, e, n.stats());
        }
        n.events++;
        if (recorded == null) {
          // The node died after journaling the input, before recording what it emitted.
          n.withoutOutputs++;
        } else if (recorded.inputSeq() != seq) {
          Mismatch m =
              recorded.inputSeq() > seq
                  ? new Mismatch.OutputMissing(recorded.inputSeq())
                  : new Mismatch.UnexpectedOutput(recorded);
          return new VerifyResult.Diverged(seq, Optional.of(input), m, n.stats());
        } else {
          Mismatch m = compare(core, recorded, actual, n);
          if (m != null) {
            return new VerifyResult.Diverged(seq, Optional.of(input), m, n.stats());
          }
          recorded = outputs.next();
        }
        if ((n.events & PROGRESS_MASK) == 0) {
          progress.progress(n.events, total, System.nanoTime() - n.startNanos);
        }
      }
      if (recorded != null) {
        // Outputs never outrun inputs in a sound journal: the node records an input first.
        return new VerifyResult.Diverged(
            recorded.inputSeq(), Optional.empty(), new Mismatch.UnexpectedOutput(recorded), n.stats());
      }
    }
    ReplayStats stats = n.stats();
    return new VerifyResult.Identical(stats, core.stateHash());
  }

  /** Null when the replayed input matches its recording; counts what was compared. */
  private static Mismatch compare(Core core, OutputRecord recorded, List<Command> actual, Counts n) {
    if (!recorded.commands().equals(actual)) {
      return new Mismatch.CommandsDiffer(recorded.commands(), actual);
    }
    n.commands += actual.size();
    Optional<Hash32> expectedHash = recorded.stateHash();
    if (expectedHash.isPresent()) {
      Hash32 actualHash = core.stateHash();
      if (!actualHash.equals(expectedHash.get())) {
        return new Mismatch.StateHashDiffers(expectedHash.get(), actualHash);
      }
      n.hashes++;
    }
    return null;
  }

  /** Mutable tallies of one run, kept out of the result until the run ends. */
  private final class Counts {
    final long firstSeq;
    final OptionalLong snapshotSeq;
    final long startNanos;
    long events;
    long commands;
    long hashes;
    long withoutOutputs;

    Counts(ReplayOrigin origin, long startNanos) {
      this.firstSeq = origin.nextSeq();
      this.snapshotSeq = origin.snapshotSeq();
      this.startNanos = startNanos;
    }

    ReplayStats stats() {
      return new ReplayStats(
          firstSeq,
          snapshotSeq,
          events,
          commands,
          hashes,
          withoutOutputs,
          System.nanoTime() - startNanos);
    }
  }
}
