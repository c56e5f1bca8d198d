package dev.basalt.core.flow;

import dev.basalt.core.codec.BinaryReader;
import dev.basalt.core.codec.BinaryWriter;
import dev.basalt.core.collect.SortedLongMap;
import dev.basalt.core.state.Describable;
import dev.basalt.core.state.StateVisitor;

/** Outstanding requests by correlation id, in issue order. */
public final class Requests implements Describable {
  /** Far above any legitimate number of in-flight requests; hitting it means answers are lost. */
  public static final int MAX_OUTSTANDING = 65_536;

  private final SortedLongMap<Pending> outstanding = new SortedLongMap<>();
  private long nextCorrelationId = 1;

  /** Registers a request and returns its fresh correlation id. */
  public long issue(Pending purpose) {
    if (outstanding.size() >= MAX_OUTSTANDING) {
      throw new IllegalStateException(
          "more than " + MAX_OUTSTANDING + " requests outstanding: adapters are losing answers");
    }
    long id = nextCorrelationId++;
    outstanding.put(id, purpose);
    return id;
  }

  /** Removes and returns what {@code correlationId} was for, or null if it is not outstanding. */
  public Pending complete(long correlationId) {
    return outstanding.remove(correlationId);
  }

  /** Forgets every outstanding request (after a restart nothing will answer them). */
  public void abandonAll() {
    outstanding.clear();
  }

  public int outstandingCount() {
    return outstanding.size();
  }

  public long nextCorrelationId() {
    return nextCorrelationId;
  }

  public void writeTo(BinaryWriter w) {
    w.i64(nextCorrelationId).i32(outstanding.size());
    for (int i = 0; i < outstanding.size(); i++) {
      w.i64(outstanding.keyAt(i));
      PendingCodec.write(w, outstanding.valueAt(i));
    }
  }

  public void readFrom(BinaryReader r) {
    nextCorrelationId = r.u63("next correlation id");
    int n = r.count(MAX_OUTSTANDING, "outstanding requests");
    outstanding.clear();
    for (int i = 0; i < n; i++) {
      outstanding.put(r.u63("correlation id"), PendingCodec.read(r));
    }
  }

  @Override
  public void describeTo(StateVisitor v) {
    v.value("nextCorrelationId", nextCorrelationId);
    v.beginArray("outstanding");
    for (int i = 0; i < outstanding.size(); i++) {
      v.beginObject(null);
      v.value("correlationId", outstanding.keyAt(i));
      outstanding.valueAt(i).describeTo(v);
      v.endObject();
    }
    v.endArray();
  }
}
