package dev.basalt.replay;

import dev.basalt.journal.InputRecord;
import dev.basalt.journal.OutputRecord;
import java.util.Optional;

/** The verdict of {@link JournalDiff}: where two journals first part, or that they do not. */
public sealed interface DiffResult {
  /** A few lines for humans. */
  String describe();

  /**
   * Every compared input event and output record is equal.
   *
   * @param fromSeq the first input compared (the later of the two journals' first inputs)
   * @param inputs inputs compared
   * @param outputs output records compared
   */
  record Same(long fromSeq, long inputs, long outputs) implements DiffResult {
    @Override
    public String describe() {
      return "identical: " + inputs + " inputs, " + outputs + " output records (from input " + fromSeq + ")";
    }
  }

  /**
   * The input events at {@code seq} differ; a side is empty when that journal has ended there.
   */
  record InputsDiffer(long seq, Optional<InputRecord> a, Optional<InputRecord> b) implements DiffResult {
    @Override
    public String describe() {
      if (a.isEmpty() || b.isEmpty()) {
        String shorter = a.isEmpty() ? "A" : "B";
        InputRecord more = a.isEmpty() ? b.get() : a.get();
        return "inputs differ at " + seq + ": journal " + shorter + " ends there (" + seq
            + " inputs), the other continues with\n  " + more.event();
      }
      return "inputs differ at " + seq + "\n  A: " + a.get().event() + "\n  B: " + b.get().event();
    }
  }

  /**
   * The outputs recorded for input {@code inputSeq} differ (the inputs up to it are equal); a side
   * is empty when that journal has no output record for it.
   */
  record OutputsDiffer(long inputSeq, Optional<OutputRecord> a, Optional<OutputRecord> b)
      implements DiffResult {
    @Override
    public String describe() {
      StringBuilder s = new StringBuilder("outputs differ at input ").append(inputSeq);
      s.append("\n  A: ").append(a.map(OutputRecord::toString).orElse("(no output record)"));
      s.append("\n  B: ").append(b.map(OutputRecord::toString).orElse("(no output record)"));
      if (a.isPresent() && b.isPresent() && !a.get().commands().equals(b.get().commands())) {
        s.append("\n  first difference: ").append(CommandDiff.firstDifference(a.get().commands(), b.get().commands()));
      }
      return s.toString();
    }
  }
}
