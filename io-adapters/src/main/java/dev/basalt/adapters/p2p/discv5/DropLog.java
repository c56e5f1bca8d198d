package dev.basalt.adapters.p2p.discv5;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts refused input by reason and logs it without letting a flood flood the log: the 1st, 10th,
 * 100th, ... occurrence of a reason at INFO, the rest at DEBUG.
 */
final class DropLog {
  private static final Logger LOG = LoggerFactory.getLogger(DropLog.class);
  private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();

  void drop(String reason, Object from, String detail) {
    long n = counts.computeIfAbsent(reason, r -> new AtomicLong()).incrementAndGet();
    if (isPowerOfTen(n)) {
      LOG.info("discv5: refused {} from {}: {} ({} so far)", reason, from, detail, n);
    } else if (LOG.isDebugEnabled()) {
      LOG.debug("discv5: refused {} from {}: {}", reason, from, detail);
    }
  }

  private static boolean isPowerOfTen(long n) {
    long p = 1;
    while (p < n) {
      p *= 10;
    }
    return p == n;
  }

  long count(String reason) {
    AtomicLong c = counts.get(reason);
    return c == null ? 0 : c.get();
  }

  Map<String, Long> snapshot() {
    Map<String, Long> out = new TreeMap<>();
    counts.forEach((k, v) -> out.put(k, v.get()));
    return out;
  }
}
