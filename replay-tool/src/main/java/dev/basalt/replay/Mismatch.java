package dev.basalt.replay;

import dev.basalt.core.command.Command;
import dev.basalt.core.types.Hash32;
import dev.basalt.journal.OutputRecord;
import java.util.List;

/** How the replayed run and the recorded one first differ. */
public sealed interface Mismatch {
  /** A few lines for humans, without the input itself. */
  String describe();

  /** The core emitted other commands than were recorded. */
  record CommandsDiffer(List<Command> expected, List<Command> actual) implements Mismatch {
    public CommandsDiffer {
      expected = List.copyOf(expected);
      actual = List.copyOf(actual);
    }

    @Override
    public String describe() {
      return "commands differ\n"
          + "  expected: "
          + expected
          + "\n  actual:   "
          + actual
          + "\n  first difference: "
          + CommandDiff.firstDifference(expected, actual);
    }
  }

  /** Same commands, but the state after the input hashes differently from the recorded hash. */
  record StateHashDiffers(Hash32 expected, Hash32 actual) implements Mismatch {
    @Override
    public String describe() {
      return "state hash after the input differs\n  expected: " + expected + "\n  actual:   " + actual;
    }
  }

  /** No output was recorded for this input, though outputs of later inputs were. */
  record OutputMissing(long nextRecordedSeq) implements Mismatch {
    @Override
    public String describe() {
      return "no output recorded for this input; the next output record is for input " + nextRecordedSeq;
    }
  }

  /** An output record that belongs to no input at this point (duplicate, or past the last input). */
  record UnexpectedOutput(OutputRecord record) implements Mismatch {
    @Override
    public String describe() {
      return "unexpected output record " + record;
    }
  }
}
