package dev.basalt.journal.chronicle;

import dev.basalt.journal.frame.RecordKind;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import net.openhft.chronicle.queue.RollCycle;
import net.openhft.chronicle.queue.impl.RollingResourcesCache;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;

/**
 * One of the journal's two streams: its Chronicle queue, the kind of data record it holds, and
 * the ranges cut off its tail (fixed once the journal is open).
 */
final class QueueStream {
  static final String INPUTS = "inputs";
  static final String OUTPUTS = "outputs";

  private final String name;
  private final SingleChronicleQueue queue;
  private final RecordKind dataKind;
  private final RollingResourcesCache files;
  private volatile List<CutRange> cuts;

  QueueStream(String name, SingleChronicleQueue queue, RecordKind dataKind, List<CutRange> cuts) {
    this.name = name;
    this.queue = queue;
    this.dataKind = dataKind;
    this.cuts = List.copyOf(cuts);
    File dir = queue.file();
    String suffix = SingleChronicleQueue.SUFFIX;
    this.files =
        new RollingResourcesCache(
            queue.rollCycle(),
            queue.epoch(),
            text -> new File(dir, text + suffix),
            file -> file.getName().substring(0, file.getName().length() - suffix.length()));
  }

  String name() {
    return name;
  }

  SingleChronicleQueue queue() {
    return queue;
  }

  RecordKind dataKind() {
    return dataKind;
  }

  RollCycle rollCycle() {
    return queue.rollCycle();
  }

  int cycleOf(long index) {
    return queue.rollCycle().toCycle(index);
  }

  /** The file holding {@code cycle}, computed from its name without mapping it. */
  File fileFor(int cycle) {
    return files.resourceFor(cycle).path;
  }

  /** True when {@code index} lies in a range cut off when the journal was opened. */
  boolean isCut(long index) {
    for (CutRange cut : cuts) {
      if (cut.contains(index)) {
        return true;
      }
    }
    return false;
  }

  /** Adds ranges cut at open time, before any reader or writer uses the stream. */
  void addCuts(List<CutRange> more) {
    List<CutRange> all = new ArrayList<>(cuts);
    all.addAll(more);
    cuts = List.copyOf(all);
  }

  /** True when the queue holds no records at all. */
  boolean isEmpty() {
    return queue.firstCycle() > queue.lastCycle();
  }
}
