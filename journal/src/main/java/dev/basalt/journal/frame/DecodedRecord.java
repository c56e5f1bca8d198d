package dev.basalt.journal.frame;

import dev.basalt.journal.InputRecord;
import dev.basalt.journal.JournalHeader;
import dev.basalt.journal.OutputRecord;

/** A record that passed every check of {@link RecordFormat#decode}, by kind. */
public sealed interface DecodedRecord {
  /** The record's sequence number: the input seq for inputs and outputs, 0 for headers. */
  long seq();

  record Header(JournalHeader header) implements DecodedRecord {
    @Override
    public long seq() {
      return 0;
    }
  }

  record Input(InputRecord record) implements DecodedRecord {
    @Override
    public long seq() {
      return record.seq();
    }
  }

  record Output(OutputRecord record) implements DecodedRecord {
    @Override
    public long seq() {
      return record.inputSeq();
    }
  }
}
