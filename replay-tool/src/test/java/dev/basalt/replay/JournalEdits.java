package dev.basalt.replay;

import dev.basalt.core.event.InputEvent;
import dev.basalt.journal.InputRecord;
import dev.basalt.journal.Journal;
import dev.basalt.journal.JournalCursor;
import dev.basalt.journal.OutputRecord;
import dev.basalt.journal.memory.MemoryJournal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/** Copies of journals with one thing changed, as a bug or a tamperer would change it. */
final class JournalEdits {
  private JournalEdits() {}

  static List<InputRecord> inputs(Journal journal) {
    List<InputRecord> all = new ArrayList<>();
    try (JournalCursor<InputRecord> c = journal.readInputs(journal.firstInputSeq())) {
      for (InputRecord r = c.next(); r != null; r = c.next()) {
        all.add(r);
      }
    }
    return all;
  }

  static List<OutputRecord> outputs(Journal journal) {
    List<OutputRecord> all = new ArrayList<>();
    try (JournalCursor<OutputRecord> c = journal.readOutputs(journal.firstInputSeq())) {
      for (OutputRecord r = c.next(); r != null; r = c.next()) {
        all.add(r);
      }
    }
    return all;
  }

  /**
   * A copy of the first {@code inputLimit} inputs and their outputs, each passed through an edit;
   * an output edit returning null drops that record.
   */
  static MemoryJournal copy(
      Journal source, int inputLimit, UnaryOperator<InputRecord> inputEdit, UnaryOperator<OutputRecord> outputEdit) {
    MemoryJournal copy = new MemoryJournal(source.header());
    for (InputRecord r : inputs(source)) {
      if (r.seq() >= inputLimit) {
        break;
      }
      InputRecord edited = inputEdit.apply(r);
      copy.appendInput(edited.event(), edited.ingestMillis());
    }
    for (OutputRecord r : outputs(source)) {
      OutputRecord edited = r.inputSeq() < inputLimit ? outputEdit.apply(r) : null;
      if (edited != null) {
        copy.appendOutput(edited);
      }
    }
    return copy;
  }

  static MemoryJournal copy(Journal source) {
    return copy(source, Integer.MAX_VALUE, UnaryOperator.identity(), UnaryOperator.identity());
  }

  static MemoryJournal withInput(Journal source, long seq, InputEvent replacement) {
    return copy(
        source,
        Integer.MAX_VALUE,
        r -> r.seq() == seq ? new InputRecord(seq, r.ingestMillis(), replacement) : r,
        UnaryOperator.identity());
  }

  static MemoryJournal withOutput(Journal source, long seq, UnaryOperator<OutputRecord> edit) {
    return copy(source, Integer.MAX_VALUE, UnaryOperator.identity(), r -> r.inputSeq() == seq ? edit.apply(r) : r);
  }

  /** A copy whose outputs stop before input {@code seq}, as after a kill between input and outputs. */
  static MemoryJournal withoutOutputsFrom(Journal source, long seq) {
    return copy(source, Integer.MAX_VALUE, UnaryOperator.identity(), r -> r.inputSeq() < seq ? r : null);
  }
}
