package dev.basalt.testdata.world.trie;

import dev.basalt.core.crypto.Keccak;
import dev.basalt.core.trie.OrderedTrie;
import dev.basalt.core.types.Bytes;
import dev.basalt.core.types.Hash32;
import java.util.Arrays;
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
      Buf leaf = new Buf(values.get(0).length() + 8);
      leaf.leafWithPath(new byte[] {(byte) 0x82, 0x20, (byte) 0x80}, values.get(0));
      return Keccak.hash(leaf.bytes, 0, leaf.pos);
    }
    Buf root = new Buf(16 * 33 + 8);
    int start = root.open();
    Buf scratch = new Buf(64);
    for (int nibble = 0; nibble < 16; nibble++) {
      int first = firstIndex(nibble);
      int last = Math.min(lastIndex(nibble), n - 1);
      if (first > last) {
        root.put(0x80);
      } else if (first == last) {
        root.child(scratch, 0x30 | (first & 0x0f), values.get(first), memoLeaves);
      } else {
        Buf branch = new Buf(16 * 33 + 8);
        int at = branch.open();
        for (int low = 0; low < 16; low++) {
          int i = nibble << 4 | low;
          if (i >= first && i <= last) {
            branch.child(scratch, 0x20, values.get(i), memoLeaves);
          } else {
            branch.put(0x80);
          }
        }
        branch.put(0x80);
        branch.close(at);
        root.reference(branch.bytes, 0, branch.pos);
      }
    }
    root.put(0x80);
    root.close(start);
    return Keccak.hash(root.bytes, 0, root.pos);
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
  private static Hash32 leafHash(Buf leaf, int path, Bytes value, boolean memo) {
    if (!memo) {
      return Keccak.hash(leaf.bytes, 0, leaf.pos);
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
    Hash32 hash = Keccak.hash(leaf.bytes, 0, leaf.pos);
    LEAVES[pair + 1] = first;
    LEAVES[pair] = new Leaf(path, value, hash);
    return hash;
  }

  /** A growing RLP buffer (lists are opened with room for a 3-byte header and closed by shifting). */
  private static final class Buf {
    byte[] bytes;
    int pos;

    Buf(int capacity) {
      bytes = new byte[capacity];
    }

    void put(int b) {
      ensure(1);
      bytes[pos++] = (byte) b;
    }

    int open() {
      return pos;
    }

    void close(int start) {
      int length = pos - start;
      int header = headerSize(length);
      ensure(header);
      System.arraycopy(bytes, start, bytes, start + header, length);
      int end = pos + header;
      pos = start;
      writeHeader(0xc0, length);
      pos = end;
    }

    /** A leaf {@code [hexPrefixPath, value]} where {@code path} is the path item's encoding. */
    void leafWithPath(byte[] path, Bytes value) {
      int valueItem = stringSize(value);
      int payload = path.length + valueItem;
      ensure(headerSize(payload) + payload);
      writeHeader(0xc0, payload);
      System.arraycopy(path, 0, bytes, pos, path.length);
      pos += path.length;
      string(value);
    }

    /** A child leaf whose path is the single byte {@code path} (below 0x80): embedded if short, else its hash. */
    void child(Buf scratch, int path, Bytes value, boolean memo) {
      scratch.pos = 0;
      int payload = 1 + stringSize(value);
      scratch.ensure(headerSize(payload) + payload);
      scratch.writeHeader(0xc0, payload);
      scratch.bytes[scratch.pos++] = (byte) path;
      scratch.string(value);
      if (scratch.pos < 32) {
        ensure(scratch.pos);
        System.arraycopy(scratch.bytes, 0, bytes, pos, scratch.pos);
        pos += scratch.pos;
      } else {
        hashReference(leafHash(scratch, path, value, memo));
      }
    }

    /** A child node already encoded: embedded if short, else its hash. */
    void reference(byte[] node, int offset, int length) {
      if (length < 32) {
        ensure(length);
        System.arraycopy(node, offset, bytes, pos, length);
        pos += length;
      } else {
        hashReference(Keccak.hash(node, offset, length));
      }
    }

    private void hashReference(Hash32 hash) {
      ensure(1 + Hash32.LENGTH);
      bytes[pos++] = (byte) (0x80 + Hash32.LENGTH);
      hash.copyTo(bytes, pos);
      pos += Hash32.LENGTH;
    }

    private void string(Bytes value) {
      ensure(stringSize(value));
      if (value.length() == 1 && (value.get(0) & 0xff) < 0x80) {
        bytes[pos++] = value.get(0);
      } else {
        writeHeader(0x80, value.length());
        value.copyTo(bytes, pos);
        pos += value.length();
      }
    }

    private void writeHeader(int offset, int length) {
      ensure(5);
      if (length < 56) {
        bytes[pos++] = (byte) (offset + length);
        return;
      }
      int lengthBytes = 4 - Integer.numberOfLeadingZeros(length) / 8;
      bytes[pos++] = (byte) (offset + 55 + lengthBytes);
      for (int i = lengthBytes - 1; i >= 0; i--) {
        bytes[pos++] = (byte) (length >>> (8 * i));
      }
    }

    private void ensure(int more) {
      if (pos + more > bytes.length) {
        bytes = Arrays.copyOf(bytes, Math.max(pos + more, bytes.length * 2));
      }
    }

    private static int stringSize(Bytes value) {
      int n = value.length();
      return n == 1 && (value.get(0) & 0xff) < 0x80 ? 1 : headerSize(n) + n;
    }

    private static int headerSize(int length) {
      return length < 56 ? 1 : 1 + (4 - Integer.numberOfLeadingZeros(length) / 8);
    }
  }
}
