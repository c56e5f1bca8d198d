package dev.basalt.adapters.p2p;

import dev.basalt.core.p2p.GossipReason;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** Gossip verdicts counted by reason (thread-safe; read by metrics and RPC). */
public final class GossipMetrics {
  private final Map<GossipReason, AtomicLong> byReason = new EnumMap<>(GossipReason.class);
  private final AtomicLong published = new AtomicLong();

  public GossipMetrics() {
    for (GossipReason r : GossipReason.values()) {
      byReason.put(r, new AtomicLong());
    }
  }

  void verdict(GossipReason reason) {
    byReason.get(reason).incrementAndGet();
  }

  void published() {
    published.incrementAndGet();
  }

  public long count(GossipReason reason) {
    return byReason.get(reason).get();
  }

  public long publishedBlocks() {
    return published.get();
  }
}
