package dev.basalt.testdata.world.engine;

import dev.basalt.core.types.Hash32;
import java.util.Arrays;

/**
 * Receipts roots of {@link PseudoExecution} by the compact inputs of their receipts (see {@link
 * PseudoExecution#receiptsRoot}): a block's receipts depend only on its transactions' types and
 * cumulative gas and two fork flags, and blocks with the same figures are common (empty blocks,
 * the same user-transaction sizes). Direct-mapped, {@value #SLOTS} slots of immutable entries (racing
 * threads see a whole entry or none; the key array is never written after it is stored), compared
 * by value; never iterated or snapshotted.
 */
final class ReceiptsRootMemo {
  private static final int SLOTS = 4096;
  private static final Entry[] ENTRIES = new Entry[SLOTS];

  private record Entry(long[] key, Hash32 root) {}

  private ReceiptsRootMemo() {}

  private static int slot(long[] key) {
    int h = Arrays.hashCode(key);
    return (h ^ h >>> 16) & (SLOTS - 1);
  }

  /** The remembered root for exactly {@code key}, or null. */
  static Hash32 find(long[] key) {
    Entry e = ENTRIES[slot(key)];
    return e != null && Arrays.equals(e.key, key) ? e.root : null;
  }

  /** Remembers {@code root} for {@code key}, which the caller no longer writes. */
  static void remember(long[] key, Hash32 root) {
    ENTRIES[slot(key)] = new Entry(key, root);
  }
}
