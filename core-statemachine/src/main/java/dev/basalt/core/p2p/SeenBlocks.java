package dev.basalt.core.p2p;

import dev.basalt.core.codec.BinaryReader;
import dev.basalt.core.codec.BinaryWriter;
import dev.basalt.core.state.StateVisitor;
import dev.basalt.core.types.Hash32;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The block hashes seen per height, for the equivocation and duplicate rules (op-node's {@code
 * blockHeightLRU}): at most {@link #MAX_HEIGHTS} heights, the least recently used one evicted
 * first. Recency is a counter, not a clock, and heights live in a sorted map, so the state and its
 * snapshot are deterministic. A second sorted index by (last use, height) finds the least recently
 * used height without scanning all thousand (the scan ran on every new height once full: about 2%
 * of a simulation's time); its order breaks a tie in last use by the lower height, as the scan did.
 */
final class SeenBlocks {
  /** op-node keeps 1000 heights. */
  static final int MAX_HEIGHTS = 1000;

  /** No height holds more than this many hashes: the seventh distinct block is already refused. */
  private static final int MAX_HASHES_PER_HEIGHT = 64;

  private static final class Height {
    long lastUsed;
    final List<Hash32> hashes = new ArrayList<>();
  }

  /** A height by when it was last used; ordered by use, then height. */
  private record Use(long lastUsed, long number) implements Comparable<Use> {
    @Override
    public int compareTo(Use o) {
      int c = Long.compare(lastUsed, o.lastUsed);
      return c != 0 ? c : Long.compare(number, o.number);
    }
  }

  private final TreeMap<Long, Height> heights = new TreeMap<>();
  /** Exactly one entry per height in {@link #heights}, kept in step with its {@code lastUsed}. */
  private final TreeSet<Use> byUse = new TreeSet<>();
  private long useCounter;

  /** The hashes seen at {@code number} (touching it as op-node's {@code Get}/{@code Add} do). */
  List<Hash32> touch(long number) {
    Height h = heights.get(number);
    boolean added = h == null;
    if (added) {
      h = new Height();
      heights.put(number, h);
    } else {
      byUse.remove(new Use(h.lastUsed, number));
    }
    // Touched before any eviction, so the height just added is never the one evicted.
    h.lastUsed = ++useCounter;
    byUse.add(new Use(h.lastUsed, number));
    if (added && heights.size() > MAX_HEIGHTS) {
      evictLeastRecentlyUsed();
    }
    return h.hashes;
  }

  /** Records {@code hash} in the list {@link #touch} returned for its height. */
  void markSeen(List<Hash32> hashes, Hash32 hash) {
    if (hashes.size() < MAX_HASHES_PER_HEIGHT) {
      hashes.add(hash);
    }
  }

  private void evictLeastRecentlyUsed() {
    heights.remove(byUse.pollFirst().number());
  }

  int heightCount() {
    return heights.size();
  }

  void writeTo(BinaryWriter w) {
    w.i64(useCounter).i32(heights.size());
    for (Map.Entry<Long, Height> e : heights.entrySet()) {
      w.i64(e.getKey()).i64(e.getValue().lastUsed).i32(e.getValue().hashes.size());
      e.getValue().hashes.forEach(w::hash);
    }
  }

  void readFrom(BinaryReader r) {
    heights.clear();
    byUse.clear();
    useCounter = r.u63("seen-blocks use counter");
    int n = r.count(MAX_HEIGHTS, "seen heights");
    for (int i = 0; i < n; i++) {
      long number = r.u63("seen height");
      Height h = new Height();
      h.lastUsed = r.u63("seen height last use");
      int k = r.count(MAX_HASHES_PER_HEIGHT, "seen hashes");
      for (int j = 0; j < k; j++) {
        h.hashes.add(r.hash());
      }
      heights.put(number, h);
    }
    // Built after all heights are read: a snapshot naming one height twice keeps the later entry.
    heights.forEach((number, h) -> byUse.add(new Use(h.lastUsed, number)));
  }

  void describeTo(StateVisitor v) {
    v.value("useCounter", useCounter);
    v.beginArray("heights");
    for (Map.Entry<Long, Height> e : heights.entrySet()) {
      v.beginObject(null);
      v.value("number", e.getKey());
      v.value("lastUsed", e.getValue().lastUsed);
      v.beginArray("hashes");
      for (Hash32 h : e.getValue().hashes) {
        v.value(null, h);
      }
      v.endArray();
      v.endObject();
    }
    v.endArray();
  }
}
