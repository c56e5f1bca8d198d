package dev.basalt.testdata.world.trie;

import dev.basalt.core.crypto.Keccak;
import dev.basalt.core.rlp.RlpWriter;
import dev.basalt.core.trie.OrderedTrie;
import dev.basalt.core.types.Bytes;
import dev.basalt.core.types.Hash32;
import java.util.List;

/**
 * {@link OrderedTrie#root} for lists of up to 127 values, laid out directly: position {@code i}'s
 * key {@code rlp(i)} is the byte {@code 0x80} for 0 and {@code i} itself for 1..127, so every key
 * is two nibbles and position 0 alone starts with nibble 8. With two or more values the root is a
 * branch on the first nibble; a nibble held by one position leads to a leaf with a one-nibble path,
 * one held by several to a branch of leaves with empty paths. One value is a leaf under the full
 * two-nibble path.
 *
 * <p>With {@code memoLeaves} the hashes of leaves are looked up in a two-way set-associative table
 * (the more recently used of a pair first) keyed by (path byte, value), compared by value: the fake
 * engine's receipts repeat heavily, its transactions hardly (seed 7: 153,044 distinct among 162,650
 * transaction leaves), so only receipts (L2 and L1) ask for it. Seed 7's receipt leaves: 173,142
 * lookups of 24,141 distinct leaves; 4096 direct-mapped slots missed 70,663 times, 65,536
 * direct-mapped 40,594, these 16,384 two-way 38,735. Slots hold immutable records,
 * so racing threads see a whole entry or none (a lost swap only costs a later miss).
 */
public final class OrderedRoots {
  private static final int MAX_FAST = 127;
  private static final int SLOTS = 16384;
  private static final Leaf[] LEAVES = new Leaf[SLOTS];

  private record Leaf(int path, Bytes value, Hash32 hash) {}

  private OrderedRoots() {}

  /** Same as {@link OrderedTrie#root}{@code (values)}. */
  public static Hash32 root(List<Bytes> values) {
    return root(values, false);
  }

  /** Same as {@link OrderedTrie#root}{@code (values)}, leaf hashes remembered when {@code memoLeaves}. */
  public static Hash32 root(List<Bytes> values, boolean memoLeaves) {
    int n = values.size();
    if (n == 0 || n > MAX_FAST || anyEmpty(values)) {
      return OrderedTrie.root(values); // the empty root, long lists, and the empty-value error
    }
    if (n == 1) {
      RlpWriter leaf = new RlpWriter(values.get(0).length() + 8);
      leaf.startList().rawByte(0x82).rawByte(0x20).rawByte(0x80).bytes(values.get(0)).endList();
      return Keccak.hash(leaf.buffer(), 0, leaf.size());
    }
    RlpWriter root = new RlpWriter(16 * 33 + 8);
    RlpWriter scratch = new RlpWriter(64);
    root.startList();
    for (int nibble = 0; nibble < 16; nibble++) {
      int first = firstIndex(nibble);
      int last = Math.min(lastIndex(nibble), n - 1);
      if (first > last) {
        root.rawByte(0x80);
      } else if (first == last) {
        child(root, scratch, 0x30 | (first & 0x0f), values.get(first), memoLeaves);
      } else {
        RlpWriter branch = new RlpWriter(16 * 33 + 8);
        branch.startList();
        for (int low = 0; low < 16; low++) {
          int i = nibble << 4 | low;
          if (i >= first && i <= last) {
            child(branch, scratch, 0x20, values.get(i), memoLeaves);
          } else {
            branch.rawByte(0x80);
          }
        }
        branch.rawByte(0x80).endList();
        reference(root, branch.buffer(), branch.size());
      }
    }
    root.rawByte(0x80).endList();
    return Keccak.hash(root.buffer(), 0, root.size());
  }

  /**
   * Appends to {@code parent} the leaf {@code [path, value]} whose path item is the single byte
   * {@code path} (below 0x80): embedded if its encoding is short, else its hash.
   */
  private static void child(RlpWriter parent, RlpWriter scratch, int path, Bytes value, boolean memo) {
    scratch.reset();
    scratch.startList().rawByte(path).bytes(value).endList();
    if (scratch.size() < 32) {
      parent.raw(scratch.buffer(), 0, scratch.size());
    } else {
      parent.hash(leafHash(scratch, path, value, memo));
    }
  }

  /** Appends to {@code parent} a child node already encoded in {@code node[0, length)}: embedded if short, else its hash. */
  private static void reference(RlpWriter parent, byte[] node, int length) {
    if (length < 32) {
      parent.raw(node, 0, length);
    } else {
      parent.hash(Keccak.hash(node, 0, length));
    }
  }

  /** The lowest position whose key starts with {@code nibble} (positions 1..127 and 0 under 8). */
  private static int firstIndex(int nibble) {
    return nibble == 0 ? 1 : nibble == 8 ? 0 : nibble > 8 ? Integer.MAX_VALUE : nibble << 4;
  }

  private static int lastIndex(int nibble) {
    return nibble == 8 ? 0 : nibble > 8 ? -1 : nibble << 4 | 0x0f;
  }

  private static boolean anyEmpty(List<Bytes> values) {
    for (int i = 0; i < values.size(); i++) {
      if (values.get(i).isEmpty()) {
        return true;
      }
    }
    return false;
  }

  /** The hash of leaf {@code path, value}: from the memo when remembered there, else computed (and remembered). */
  private static Hash32 leafHash(RlpWriter leaf, int path, Bytes value, boolean memo) {
    if (!memo) {
      return Keccak.hash(leaf.buffer(), 0, leaf.size());
    }
    int h = value.hashCode() * 31 + path;
    int pair = (h ^ h >>> 16) & (SLOTS - 2);
    Leaf first = LEAVES[pair];
    if (first != null && first.path == path && first.value.equals(value)) {
      return first.hash;
    }
    Leaf second = LEAVES[pair + 1];
    if (second != null && second.path == path && second.value.equals(value)) {
      LEAVES[pair] = second; // the most recently used first
      LEAVES[pair + 1] = first;
      return second.hash;
    }
    Hash32 hash = Keccak.hash(leaf.buffer(), 0, leaf.size());
    LEAVES[pair + 1] = first;
    LEAVES[pair] = new Leaf(path, value, hash);
    return hash;
  }
}
