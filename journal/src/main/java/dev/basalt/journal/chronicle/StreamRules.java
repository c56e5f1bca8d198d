package dev.basalt.journal.chronicle;

import dev.basalt.journal.JournalCorruptException;
import dev.basalt.journal.frame.DecodedRecord;
import dev.basalt.journal.frame.RecordKind;
import dev.basalt.journal.frame.SequenceCheck;

/**
 * The checks between records of one stream, shared by cursors and the open-time tail scan: the
 * header may only be the first record of the queue (and then inputs start at seq 0), a stream
 * holds only its own kind of data record, and sequence numbers follow {@link SequenceCheck}.
 */
final class StreamRules {
  private final QueueStream stream;
  private final SequenceCheck sequence;
  private boolean sawData;

  StreamRules(QueueStream stream) {
    this.stream = stream;
    this.sequence =
        stream.dataKind() == RecordKind.INPUT
            ? SequenceCheck.contiguous(stream.name())
            : SequenceCheck.increasing(stream.name());
  }

  SequenceCheck sequence() {
    return sequence;
  }

  /**
   * Checks {@code entry} against the records before it.
   *
   * @return the entry's record when it is data, or null for the (legal) header
   * @throws JournalCorruptException naming the entry's index when a check fails
   */
  DecodedRecord accept(StreamReader.Entry entry) {
    long index = entry.index();
    switch (entry.record()) {
      case DecodedRecord.Header h -> {
        if (sawData || index != stream.queue().firstIndex()) {
          throw new JournalCorruptException(stream.name(), index, "header record in the middle of the stream");
        }
        // Nothing precedes the header, so the first data record after it has seq 0.
        sequence.expectAfter(-1);
        return null;
      }
      case DecodedRecord.Input i -> requireKind(index, RecordKind.INPUT);
      case DecodedRecord.Output o -> requireKind(index, RecordKind.OUTPUT);
    }
    sequence.accept(index, entry.record().seq());
    sawData = true;
    return entry.record();
  }

  private void requireKind(long index, RecordKind kind) {
    if (kind != stream.dataKind()) {
      throw new JournalCorruptException(stream.name(), index, kind + " record in the " + stream.name() + " stream");
    }
  }

  /** The message of {@code e} without the stream-and-index prefix the exception adds. */
  static String reasonOf(JournalCorruptException e) {
    String prefix = e.stream() + " record at index " + e.index() + " is corrupt: ";
    String message = e.getMessage();
    return message.startsWith(prefix) ? message.substring(prefix.length()) : message;
  }
}
