package dev.basalt.testdata.gen;

import dev.basalt.core.types.Hash32;
import dev.basalt.core.types.L1BlockRef;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * A simulated L1 chain: parent-linked blocks with random hashes that grows one block at a time and
 * sometimes replaces its newest blocks (a reorg). Blocks that were reorged out stay fetchable by
 * hash for a while, as on a real L1 node. Memory stays bounded however long it runs.
 */
final class L1Chain {
  /** How many recent blocks stay known; far deeper than any reorg or label depth we simulate. */
  private static final int KEEP = 512;

  private final SimRng rng;
  private final TreeMap<Long, L1BlockRef> canonical = new TreeMap<>();
  private final Map<Hash32, L1BlockRef> byHash = new HashMap<>();
  private final ArrayDeque<L1BlockRef> created = new ArrayDeque<>();

  L1Chain(SimRng rng, long firstNumber, long firstTimestamp) {
    this.rng = rng;
    add(new L1BlockRef(randomHash(), firstNumber, randomHash(), firstTimestamp));
  }

  L1BlockRef head() {
    return canonical.lastEntry().getValue();
  }

  /** The canonical block at {@code number}, or null outside the retained window. */
  L1BlockRef find(long number) {
    return canonical.get(number);
  }

  /** The canonical block at {@code number}; it must be within the retained window. */
  L1BlockRef byNumber(long number) {
    L1BlockRef b = canonical.get(number);
    if (b == null) {
      throw new IllegalArgumentException("block " + number + " is not in the simulated window");
    }
    return b;
  }

  /** Any block seen recently with this hash, canonical or not; null when unknown. */
  L1BlockRef byHash(Hash32 hash) {
    return byHash.get(hash);
  }

  /** Appends one block at {@code timestamp}, first replacing the newest {@code reorgDepth} blocks. */
  void grow(long timestamp, int reorgDepth) {
    int depth = Math.min(reorgDepth, canonical.size() - 1);
    for (int i = 0; i < depth; i++) {
      L1BlockRef dropped = canonical.pollLastEntry().getValue();
      L1BlockRef parent = head();
      add(new L1BlockRef(randomHash(), dropped.number(), parent.hash(), dropped.timestamp()));
    }
    L1BlockRef parent = head();
    add(new L1BlockRef(randomHash(), parent.number() + 1, parent.hash(), Math.max(timestamp, parent.timestamp() + 1)));
  }

  private void add(L1BlockRef block) {
    canonical.put(block.number(), block);
    byHash.put(block.hash(), block);
    created.addLast(block);
    while (canonical.size() > KEEP) {
      canonical.pollFirstEntry();
    }
    while (created.size() > 2 * KEEP) {
      byHash.remove(created.pollFirst().hash());
    }
  }

  private Hash32 randomHash() {
    return Hash32.wrap(rng.bytes(Hash32.LENGTH));
  }
}
