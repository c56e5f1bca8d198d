package dev.basalt.journal.frame;

import dev.basalt.journal.JournalCorruptException;

/**
 * Checks the sequence numbers of consecutive records in one stream: inputs must be contiguous,
 * outputs strictly increasing (an input may emit no output record). Not thread-safe.
 */
public final class SequenceCheck {
  private static final long NONE = Long.MIN_VALUE;

  private final String stream;
  private final boolean contiguous;
  private long last = NONE;

  private SequenceCheck(String stream, boolean contiguous) {
    this.stream = stream;
    this.contiguous = contiguous;
  }

  /** For input records: each seq is the previous plus one. */
  public static SequenceCheck contiguous(String stream) {
    return new SequenceCheck(stream, true);
  }

  /** For output records: each seq is greater than the previous. */
  public static SequenceCheck increasing(String stream) {
    return new SequenceCheck(stream, false);
  }

  /** Declares the seq of the record before the next one, when it is known from elsewhere. */
  public void expectAfter(long previousSeq) {
    last = previousSeq;
  }

  /** Whether a baseline is known yet. */
  public boolean hasBaseline() {
    return last != NONE;
  }

  /** The last accepted seq (or the declared baseline). */
  public long last() {
    return last;
  }

  /** Accepts {@code seq} for the record at {@code index} or throws naming that index. */
  public void accept(long index, long seq) {
    if (last != NONE) {
      if (contiguous && seq != last + 1) {
        throw new JournalCorruptException(stream, index, "sequence gap: expected " + (last + 1) + ", found " + seq);
      }
      if (!contiguous && seq <= last) {
        throw new JournalCorruptException(
            stream, index, "sequence not increasing: " + seq + " follows " + last);
      }
    }
    last = seq;
  }
}
