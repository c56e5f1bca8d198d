package dev.basalt.adapters.p2p.peers;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * kona's dial limit: an address may be dialed {@code limit} times (0: without limit); the count
 * starts over once its last dial is older than the period. Bounded: the least recently dialed
 * addresses are forgotten first. Thread-safe.
 */
final class DialBudget {
  private static final int MAX_ADDRESSES = 4096;

  private record Dials(int count, long lastMillis) {}

  private final int limit;
  private final long periodMillis;
  private final Map<String, Dials> byAddress = new LinkedHashMap<>(64, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Dials> eldest) {
      return size() > MAX_ADDRESSES;
    }
  };

  DialBudget(int limit, long periodMillis) {
    this.limit = limit;
    this.periodMillis = periodMillis;
  }

  /** True when {@code address} may be dialed now. */
  synchronized boolean allows(String address, long nowMillis) {
    Dials d = byAddress.get(address);
    return limit == 0 || d == null || d.count() < limit || nowMillis - d.lastMillis() > periodMillis;
  }

  /** Counts a dial of {@code address}. */
  synchronized void dialed(String address, long nowMillis) {
    Dials d = byAddress.get(address);
    int count = d == null || nowMillis - d.lastMillis() > periodMillis ? 0 : d.count();
    byAddress.put(address, new Dials(count + 1, nowMillis));
  }
}
