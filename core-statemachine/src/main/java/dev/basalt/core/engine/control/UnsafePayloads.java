package dev.basalt.core.engine.control;

import dev.basalt.core.codec.BinaryReader;
import dev.basalt.core.codec.BinaryWriter;
import dev.basalt.core.codec.PayloadCodec;
import dev.basalt.core.derive.L2BlockInfo;
import dev.basalt.core.derive.pipeline.PipelineCodec;
import dev.basalt.core.engine.ExecutionPayloadEnvelope;
import dev.basalt.core.state.StateVisitor;
import dev.basalt.core.types.Hash32;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Posted blocks waiting to extend the unsafe chain (op-node's {@code PayloadsQueue}): ordered by
 * number (then hash, so the order never depends on arrival), duplicates ignored, blocks at or
 * below the safe head dropped because derivation has decided those heights. Bounded: past {@link
 * #CAPACITY} the highest blocks go first, since the lowest are the next to apply.
 */
final class UnsafePayloads {
  /** op-node bounds its queue by memory (500 MB); a count keeps snapshots small. */
  static final int CAPACITY = 64;

  record Entry(ExecutionPayloadEnvelope envelope, L2BlockInfo info) {}

  private static final Comparator<Entry> ORDER =
      Comparator.<Entry>comparingLong(e -> e.info().ref().number()).thenComparing(e -> e.info().ref().hash().toHex());

  private final List<Entry> entries = new ArrayList<>();

  /** Adds a block; false when it is already queued. */
  boolean offer(ExecutionPayloadEnvelope envelope, L2BlockInfo info) {
    for (Entry e : entries) {
      if (e.info().ref().hash().equals(info.ref().hash())) {
        return false;
      }
    }
    entries.add(new Entry(envelope, info));
    entries.sort(ORDER);
    while (entries.size() > CAPACITY) {
      entries.remove(entries.size() - 1);
    }
    return true;
  }

  /** Drops every block at or below {@code safeNumber}. */
  void dropThrough(long safeNumber) {
    entries.removeIf(e -> e.info().ref().number() <= safeNumber);
  }

  /** The queued block that extends {@code unsafe}, or null. */
  Entry next(L2BlockInfo unsafe) {
    for (Entry e : entries) {
      if (InsertUnsafeTask.extendsTip(e.info(), unsafe)) {
        return e;
      }
    }
    return null;
  }

  void remove(Hash32 hash) {
    entries.removeIf(e -> e.info().ref().hash().equals(hash));
  }

  void clear() {
    entries.clear();
  }

  int size() {
    return entries.size();
  }

  void writeTo(BinaryWriter w) {
    w.i32(entries.size());
    for (Entry e : entries) {
      PayloadCodec.write(w, e.envelope());
      PipelineCodec.writeL2BlockInfo(w, e.info());
    }
  }

  void readFrom(BinaryReader r) {
    int n = r.count(CAPACITY, "queued unsafe payloads");
    entries.clear();
    for (int i = 0; i < n; i++) {
      entries.add(new Entry(PayloadCodec.readEnvelope(r), PipelineCodec.readL2BlockInfo(r)));
    }
    entries.sort(ORDER);
  }

  void describeTo(StateVisitor v) {
    v.beginArray("unsafePayloads");
    for (Entry e : entries) {
      PipelineCodec.describeL2BlockInfo(v, null, e.info());
    }
    v.endArray();
  }
}
