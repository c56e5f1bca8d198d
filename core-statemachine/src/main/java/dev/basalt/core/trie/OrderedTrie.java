package dev.basalt.core.trie;

import dev.basalt.core.rlp.RlpWriter;
import dev.basalt.core.types.Bytes;
import dev.basalt.core.types.Hash32;
import java.util.ArrayList;
import java.util.List;

/**
 * The root of a list committed to by position: value {@code i} is stored under the key
 * {@code rlp(i)}. Block headers commit to their transactions, receipts and withdrawals this way
 * (go-ethereum's {@code DeriveSha}).
 */
public final class OrderedTrie {
  /** The root of an empty list (same as {@link PatriciaTrie#EMPTY_ROOT}). */
  public static final Hash32 EMPTY_ROOT = PatriciaTrie.EMPTY_ROOT;

  private OrderedTrie() {}

  /** The root over {@code values}, each an already-encoded item (EIP-2718 envelope, receipt, ...). */
  public static Hash32 root(List<Bytes> values) {
    List<PatriciaTrie.Entry> entries = new ArrayList<>(values.size());
    for (int i = 0; i < values.size(); i++) {
      entries.add(new PatriciaTrie.Entry(indexKey(i), values.get(i)));
    }
    return PatriciaTrie.root(entries);
  }

  /** {@code rlp(index)}: the trie key of position {@code index}. */
  public static Bytes indexKey(int index) {
    return Bytes.wrapOwned(new RlpWriter(16).uint64(index).toByteArray());
  }
}
