package dev.basalt.adapters.metrics;

import dev.basalt.core.types.L1BlockRef;

/**
 * Spots L1 reorgs in the sequence of L1 heads the status board shows: a new head that does not
 * extend the previous one (lower or equal number with another hash, or the next number with
 * another parent) replaced blocks. Depth is estimated from the heads alone as the blocks from the
 * new head's height up to the old head (at least 1); a jump of several blocks on top of a reorg
 * is seen as a head change only when its parent link can be checked.
 */
final class ReorgDetector {
  private L1BlockRef last = L1BlockRef.ZERO;

  /** @return the depth of the reorg {@code head} shows, or 0 */
  synchronized int onHead(L1BlockRef head) {
    L1BlockRef prev = last;
    if (head.isZero() || head.equals(prev)) {
      return 0;
    }
    last = head;
    if (prev.isZero()) {
      return 0;
    }
    if (head.number() <= prev.number()) {
      return (int) Math.min(Integer.MAX_VALUE, prev.number() - head.number() + 1);
    }
    if (head.number() == prev.number() + 1 && !head.parentHash().equals(prev.hash())) {
      return 1;
    }
    return 0;
  }
}
