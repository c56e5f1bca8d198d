package dev.basalt.journal.chronicle;

import dev.basalt.journal.JournalHeader;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a journal knows about itself outside its queues: the header (which survives retention
 * deleting the first cycle), the seq of the first retained input, and every tail cut so far.
 */
record JournalMeta(JournalHeader header, long firstInputSeq, List<CutRange> cuts) {
  JournalMeta {
    Objects.requireNonNull(header, "header");
    cuts = List.copyOf(cuts);
  }

  static JournalMeta fresh(JournalHeader header) {
    return new JournalMeta(header, 0, List.of());
  }

  JournalMeta withCuts(List<CutRange> more) {
    List<CutRange> all = new ArrayList<>(cuts);
    all.addAll(more);
    return new JournalMeta(header, firstInputSeq, all);
  }

  JournalMeta withFirstInputSeq(long seq) {
    return new JournalMeta(header, seq, cuts);
  }

  /** The cuts of one stream, in the order they were made (ascending indexes). */
  List<CutRange> cutsOf(String stream) {
    return cuts.stream().filter(c -> c.stream().equals(stream)).toList();
  }
}
