package dev.basalt.journal.chronicle;

import java.util.Objects;

/**
 * A run of records cut off a stream's tail when the journal was opened: storage indexes {@code
 * [fromIndex, toIndex)}. Readers skip them; appending resumed after them.
 *
 * @param stream {@code "inputs"} or {@code "outputs"}
 * @param fromIndex index of the first bad record
 * @param toIndex one past the last record present when the cut was made
 * @param recordsDiscarded how many records the range held
 * @param reason what was wrong with the first one
 */
record CutRange(String stream, long fromIndex, long toIndex, long recordsDiscarded, String reason) {
  CutRange {
    Objects.requireNonNull(stream, "stream");
    Objects.requireNonNull(reason, "reason");
    if (toIndex <= fromIndex) {
      throw new IllegalArgumentException("empty cut range [" + fromIndex + ", " + toIndex + ")");
    }
  }

  boolean contains(long index) {
    return index >= fromIndex && index < toIndex;
  }
}
