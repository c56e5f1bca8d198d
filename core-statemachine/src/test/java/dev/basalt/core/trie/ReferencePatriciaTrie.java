package dev.basalt.core.trie;

import dev.basalt.core.crypto.Keccak;
import dev.basalt.core.rlp.RlpWriter;
import dev.basalt.core.types.Bytes;
import dev.basalt.core.types.Hash32;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The straightforward trie root that {@link PatriciaTrie} replaced (each node encoded into its own
 * array, children copied into their parents): the reference the faster version is checked against.
 */
final class ReferencePatriciaTrie {

  private final byte[][] keys;
  private final byte[][] values;

  private ReferencePatriciaTrie(byte[][] nibbleKeys, byte[][] values) {
    this.keys = nibbleKeys;
    this.values = values;
  }

  /** One key (raw bytes) and its value. Keys must be distinct; values must be non-empty. */
  

  /** The root of the trie holding exactly {@code entries}, in any order. */
  public static Hash32 root(List<PatriciaTrie.Entry> entries) {
    if (entries.isEmpty()) {
      return PatriciaTrie.EMPTY_ROOT;
    }
    List<byte[][]> pairs = new ArrayList<>(entries.size());
    for (PatriciaTrie.Entry e : entries) {
      if (e.value().isEmpty()) {
        throw new IllegalArgumentException("trie values must be non-empty");
      }
      pairs.add(new byte[][] {toNibbles(e.key().toArray()), e.value().toArray()});
    }
    pairs.sort((a, b) -> Arrays.compare(a[0], b[0]));
    byte[][] keys = new byte[pairs.size()][];
    byte[][] values = new byte[pairs.size()][];
    for (int i = 0; i < keys.length; i++) {
      keys[i] = pairs.get(i)[0];
      values[i] = pairs.get(i)[1];
      if (i > 0 && Arrays.equals(keys[i - 1], keys[i])) {
        throw new IllegalArgumentException("duplicate trie key " + Arrays.toString(keys[i]));
      }
    }
    byte[] rootNode = new ReferencePatriciaTrie(keys, values).node(0, keys.length, 0);
    return Keccak.hash(rootNode);
  }

  private static byte[] toNibbles(byte[] key) {
    byte[] out = new byte[key.length * 2];
    for (int i = 0; i < key.length; i++) {
      out[2 * i] = (byte) ((key[i] >>> 4) & 0x0f);
      out[2 * i + 1] = (byte) (key[i] & 0x0f);
    }
    return out;
  }

  /** Encodes the node for the sorted key range [from, to), all of which share {@code depth} nibbles. */
  private byte[] node(int from, int to, int depth) {
    if (to - from == 1) {
      return leaf(from, depth);
    }
    int shared = commonPrefix(keys[from], keys[to - 1], depth);
    if (shared > 0) {
      byte[] path = Arrays.copyOfRange(keys[from], depth, depth + shared);
      RlpWriter w = new RlpWriter().startList().bytes(hexPrefix(path, false));
      writeChild(w, node(from, to, depth + shared));
      return w.endList().toByteArray();
    }
    return branch(from, to, depth);
  }

  private byte[] leaf(int index, int depth) {
    byte[] key = keys[index];
    byte[] path = Arrays.copyOfRange(key, depth, key.length);
    return new RlpWriter().startList().bytes(hexPrefix(path, true)).bytes(values[index]).endList().toByteArray();
  }

  private byte[] branch(int from, int to, int depth) {
    RlpWriter w = new RlpWriter().startList();
    byte[] value = null;
    int i = from;
    // Keys are sorted, so a key that ends exactly here (the branch's own value) comes first.
    if (keys[i].length == depth) {
      value = values[i];
      i++;
    }
    for (int nibble = 0; nibble < 16; nibble++) {
      int start = i;
      while (i < to && keys[i][depth] == nibble) {
        i++;
      }
      if (start == i) {
        w.bytes(new byte[0]);
      } else {
        writeChild(w, node(start, i, depth + 1));
      }
    }
    w.bytes(value == null ? new byte[0] : value);
    return w.endList().toByteArray();
  }

  /** Embeds a child shorter than 32 bytes; otherwise writes its hash. */
  private static void writeChild(RlpWriter w, byte[] encodedChild) {
    if (encodedChild.length < 32) {
      w.raw(encodedChild);
    } else {
      w.hash(Keccak.hash(encodedChild));
    }
  }

  private static int commonPrefix(byte[] a, byte[] b, int depth) {
    int n = 0;
    while (depth + n < a.length && depth + n < b.length && a[depth + n] == b[depth + n]) {
      n++;
    }
    return n;
  }

  /** Hex-prefix encoding (Yellow Paper appendix C): a flag nibble, then the path packed in bytes. */
  static byte[] hexPrefix(byte[] nibbles, boolean leaf) {
    boolean odd = (nibbles.length & 1) == 1;
    int flag = (leaf ? 2 : 0) + (odd ? 1 : 0);
    byte[] out = new byte[nibbles.length / 2 + 1];
    int pos;
    if (odd) {
      out[0] = (byte) ((flag << 4) | nibbles[0]);
      pos = 1;
    } else {
      out[0] = (byte) (flag << 4);
      pos = 0;
    }
    for (int i = 1; pos < nibbles.length; i++, pos += 2) {
      out[i] = (byte) ((nibbles[pos] << 4) | nibbles[pos + 1]);
    }
    return out;
  }
}
