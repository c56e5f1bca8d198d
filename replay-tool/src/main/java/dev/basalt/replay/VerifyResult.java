package dev.basalt.replay;

import dev.basalt.core.types.Hash32;
import dev.basalt.journal.InputRecord;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Optional;

/** The verdict of {@link ReplayVerifier#verify()}. */
public sealed interface VerifyResult {
  ReplayStats stats();

  /** Every compared command list and state hash matched. */
  record Identical(ReplayStats stats, Hash32 finalStateHash) implements VerifyResult {}

  /**
   * The first input at which the replay differs from the recording.
   *
   * @param inputSeq the input where it shows
   * @param input that input, empty when the journal has no input there (an output past the end)
   */
  record Diverged(long inputSeq, Optional<InputRecord> input, Mismatch mismatch, ReplayStats stats)
      implements VerifyResult {
    /** A few lines for humans. */
    public String describe() {
      return "divergence at input "
          + inputSeq
          + ": "
          + mismatch.describe()
          + "\n  input:    "
          + input.map(r -> r.event().toString()).orElse("(none)");
    }
  }

  /** {@code Core.apply} threw: a bug in the core. */
  record CoreFailed(long inputSeq, InputRecord input, RuntimeException error, ReplayStats stats)
      implements VerifyResult {
    /** The failure with the core's stack trace. */
    public String describe() {
      StringWriter trace = new StringWriter();
      error.printStackTrace(new PrintWriter(trace));
      return "core failed at input " + inputSeq + " (" + input.event() + "):\n" + trace;
    }
  }
}
