package dev.basalt.core.flow;

import dev.basalt.core.codec.BinaryReader;
import dev.basalt.core.codec.BinaryWriter;
import dev.basalt.core.state.Describable;
import dev.basalt.core.state.StateVisitor;
import java.util.Map;
import java.util.TreeMap;

/** Outstanding requests by correlation id, in issue order. */
public final class Requests implements Describable {
  /** Far above any legitimate number of in-flight requests; hitting it means answers are lost. */
  public static final int MAX_OUTSTANDING = 65_536;

  private final TreeMap<Long, Pending> outstanding = new TreeMap<>();
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
    for (Map.Entry<Long, Pending> e : outstanding.entrySet()) {
      w.i64(e.getKey());
      PendingCodec.write(w, e.getValue());
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
    for (Map.Entry<Long, Pending> e : outstanding.entrySet()) {
      v.beginObject(null);
      v.value("correlationId", e.getKey());
      e.getValue().describeTo(v);
      v.endObject();
    }
    v.endArray();
  }
}
