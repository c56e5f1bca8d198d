package dev.basalt.replay;

import dev.basalt.journal.InputRecord;
import dev.basalt.journal.Journal;
import dev.basalt.journal.JournalCursor;
import dev.basalt.journal.OutputRecord;
import java.util.Objects;
import java.util.Optional;

/**
 * Finds the first input at which two journals differ, in their inputs (event equality; ingest
 * times are for humans and ignored) or in the outputs recorded for them (record equality). Walks
 * both journals in step, so the earliest difference of either kind is the one reported; at one
 * sequence number a differing input is reported before its outputs, being their likely cause.
 */
public final class JournalDiff {
  private JournalDiff() {}

  public static DiffResult compare(Journal a, Journal b) {
    long from = Math.max(a.firstInputSeq(), b.firstInputSeq());
    long inputs = 0;
    long outputs = 0;
    try (JournalCursor<InputRecord> ia = a.readInputs(from);
        JournalCursor<InputRecord> ib = b.readInputs(from);
        Outputs oa = new Outputs(a.readOutputs(from));
        Outputs ob = new Outputs(b.readOutputs(from))) {
      for (long seq = from; ; seq++) {
        InputRecord ra = ia.next();
        InputRecord rb = ib.next();
        if (ra == null && rb == null) {
          break;
        }
        if (ra == null || rb == null || !ra.event().equals(rb.event())) {
          return new DiffResult.InputsDiffer(seq, Optional.ofNullable(ra), Optional.ofNullable(rb));
        }
        inputs++;
        DiffResult d = compareOutputs(seq, oa, ob);
        if (d != null) {
          return d;
        }
        outputs += oa.took ? 1 : 0;
      }
      // Outputs past the last input would be a broken journal; still, they are a difference.
      if (oa.peek != null || ob.peek != null) {
        long seq = Math.min(seqOr(oa.peek), seqOr(ob.peek));
        return outputsAt(seq, oa, ob);
      }
    }
    return new DiffResult.Same(from, inputs, outputs);
  }

  private static DiffResult compareOutputs(long seq, Outputs oa, Outputs ob) {
    long stale = Math.min(seqOr(oa.peek), seqOr(ob.peek));
    if (stale < seq) {
      // A record for an input already passed (a duplicate): report it where it claims to be.
      return outputsAt(stale, oa, ob);
    }
    OutputRecord xa = oa.takeFor(seq);
    OutputRecord xb = ob.takeFor(seq);
    if (!Objects.equals(xa, xb)) {
      return new DiffResult.OutputsDiffer(seq, Optional.ofNullable(xa), Optional.ofNullable(xb));
    }
    return null;
  }

  private static DiffResult outputsAt(long seq, Outputs oa, Outputs ob) {
    return new DiffResult.OutputsDiffer(seq, Optional.ofNullable(oa.takeFor(seq)), Optional.ofNullable(ob.takeFor(seq)));
  }

  private static long seqOr(OutputRecord r) {
    return r == null ? Long.MAX_VALUE : r.inputSeq();
  }

  /** An output cursor with one record of look-ahead. */
  private static final class Outputs implements AutoCloseable {
    private final JournalCursor<OutputRecord> cursor;
    OutputRecord peek;
    boolean took;

    Outputs(JournalCursor<OutputRecord> cursor) {
      this.cursor = cursor;
      this.peek = cursor.next();
    }

    /** The record for input {@code seq} if it is next, else null (and nothing is consumed). */
    OutputRecord takeFor(long seq) {
      took = peek != null && peek.inputSeq() == seq;
      if (!took) {
        return null;
      }
      OutputRecord r = peek;
      peek = cursor.next();
      return r;
    }

    @Override
    public void close() {
      cursor.close();
    }
  }
}
