package dev.basalt.core.trie;

import dev.basalt.core.crypto.Keccak;
import dev.basalt.core.types.Bytes;
import dev.basalt.core.types.Hash32;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The root hash of a Merkle-Patricia trie built in one pass from its complete key set. Nothing is
 * stored: the trie is only ever needed for its root (transactions, receipts, withdrawals), so the
 * nodes are encoded bottom-up from the sorted keys and thrown away.
 *
 * <p>Node encodings follow the Yellow Paper, appendix D: leaves and extensions carry a hex-prefix
 * path, branches have 16 children plus a value slot, and a child whose encoding is shorter than 32
 * bytes is embedded instead of hashed. The root is always hashed.
 */
public final class PatriciaTrie {
  /** keccak256(rlp("")): the root of a trie with no entries. */
  public static final Hash32 EMPTY_ROOT =
      Hash32.fromHex("0x56e81f171bcc55a6ff8345e692c0f86e5b48e01b996cadc001622fb5e363b421");

  private final byte[][] keys;
  private final Bytes[] values;
  /** The encoding under construction: nodes are written in place, children inside their parents. */
  private byte[] buf = new byte[256];
  private int pos;

  private PatriciaTrie(byte[][] nibbleKeys, Bytes[] values) {
    this.keys = nibbleKeys;
    this.values = values;
  }

  /** One key (raw bytes) and its value. Keys must be distinct; values must be non-empty. */
  public record Entry(Bytes key, Bytes value) {}

  /** A key as nibbles with its value, for sorting. */
  private record Keyed(byte[] nibbles, Bytes value) {}

  /** The root of the trie holding exactly {@code entries}, in any order. */
  public static Hash32 root(List<Entry> entries) {
    if (entries.isEmpty()) {
      return EMPTY_ROOT;
    }
    List<Keyed> pairs = new ArrayList<>(entries.size());
    for (Entry e : entries) {
      if (e.value().isEmpty()) {
        throw new IllegalArgumentException("trie values must be non-empty");
      }
      pairs.add(new Keyed(toNibbles(e.key().toArray()), e.value()));
    }
    pairs.sort((a, b) -> Arrays.compare(a.nibbles(), b.nibbles()));
    byte[][] keys = new byte[pairs.size()][];
    Bytes[] values = new Bytes[pairs.size()];
    for (int i = 0; i < keys.length; i++) {
      keys[i] = pairs.get(i).nibbles();
      values[i] = pairs.get(i).value();
      if (i > 0 && Arrays.equals(keys[i - 1], keys[i])) {
        throw new IllegalArgumentException("duplicate trie key " + Arrays.toString(keys[i]));
      }
    }
    PatriciaTrie trie = new PatriciaTrie(keys, values);
    trie.node(0, keys.length, 0);
    return Keccak.hash(trie.buf, 0, trie.pos);
  }

  private static byte[] toNibbles(byte[] key) {
    byte[] out = new byte[key.length * 2];
    for (int i = 0; i < key.length; i++) {
      out[2 * i] = (byte) ((key[i] >>> 4) & 0x0f);
      out[2 * i + 1] = (byte) (key[i] & 0x0f);
    }
    return out;
  }

  /**
   * Appends the encoding of the node for the sorted key range [from, to), all of which share
   * {@code depth} nibbles.
   */
  private void node(int from, int to, int depth) {
    if (to - from == 1) {
      leaf(from, depth);
      return;
    }
    int shared = commonPrefix(keys[from], keys[to - 1], depth);
    if (shared > 0) {
      int start = pos;
      path(keys[from], depth, depth + shared, false);
      child(from, to, depth + shared);
      closeList(start);
      return;
    }
    branch(from, to, depth);
  }

  /** A leaf: its header is known up front, so a long value is copied once, straight into place. */
  private void leaf(int index, int depth) {
    byte[] key = keys[index];
    Bytes value = values[index];
    int nibbles = key.length - depth;
    int pathLength = nibbles / 2 + 1;
    int pathItem = pathLength == 1 && hexPrefixFirst(key, depth, key.length, true) < 0x80 ? 1 : 1 + pathLength;
    int valueItem = stringSize(value);
    int payload = pathItem + valueItem;
    ensure(headerSize(payload) + payload);
    writeHeader(0xc0, payload);
    path(key, depth, key.length, true);
    string(value);
  }

  /** Appends {@code value} as an RLP string; room for {@link #stringSize} bytes must be ensured. */
  private void string(Bytes value) {
    if (value.length() == 1 && (value.get(0) & 0xff) < 0x80) {
      buf[pos++] = value.get(0);
    } else {
      writeHeader(0x80, value.length());
      value.copyTo(buf, pos);
      pos += value.length();
    }
  }

  private void branch(int from, int to, int depth) {
    int start = pos;
    Bytes value = null;
    int i = from;
    // Keys are sorted, so a key that ends exactly here (the branch's own value) comes first.
    if (keys[i].length == depth) {
      value = values[i];
      i++;
    }
    for (int nibble = 0; nibble < 16; nibble++) {
      int first = i;
      while (i < to && keys[i][depth] == nibble) {
        i++;
      }
      if (first == i) {
        ensure(1);
        buf[pos++] = (byte) 0x80;
      } else {
        child(first, i, depth + 1);
      }
    }
    if (value == null) {
      ensure(1);
      buf[pos++] = (byte) 0x80;
    } else {
      ensure(stringSize(value));
      string(value);
    }
    closeList(start);
  }

  /** Appends the child node for [from, to): embedded when shorter than 32 bytes, else its hash. */
  private void child(int from, int to, int depth) {
    int start = pos;
    node(from, to, depth);
    if (pos - start >= 32) {
      Hash32 h = Keccak.hash(buf, start, pos - start);
      pos = start;
      buf[pos++] = (byte) (0x80 + Hash32.LENGTH);
      h.copyTo(buf, pos);
      pos += Hash32.LENGTH;
    }
  }

  /** Appends nibbles [from, to) of {@code key} hex-prefix encoded, as an RLP string. */
  private void path(byte[] key, int from, int to, boolean leaf) {
    int n = to - from;
    int length = n / 2 + 1;
    ensure(1 + length);
    int first = hexPrefixFirst(key, from, to, leaf);
    if (length == 1 && first < 0x80) {
      buf[pos++] = (byte) first;
      return;
    }
    buf[pos++] = (byte) (0x80 + length);
    buf[pos++] = (byte) first;
    for (int at = from + (n & 1); at < to; at += 2) {
      buf[pos++] = (byte) ((key[at] << 4) | key[at + 1]);
    }
  }

  /** The first byte of the hex-prefix encoding of {@code key}'s nibbles [from, to). */
  private static int hexPrefixFirst(byte[] key, int from, int to, boolean leaf) {
    boolean odd = ((to - from) & 1) == 1;
    int flag = (leaf ? 2 : 0) + (odd ? 1 : 0);
    return odd ? (flag << 4) | key[from] : flag << 4;
  }

  /** Puts a list header in front of the payload written since {@code start}. */
  private void closeList(int start) {
    int length = pos - start;
    int header = headerSize(length);
    ensure(header);
    System.arraycopy(buf, start, buf, start + header, length);
    int end = pos + header;
    pos = start;
    writeHeader(0xc0, length);
    pos = end;
  }

  private static int stringSize(Bytes value) {
    int n = value.length();
    return n == 1 && (value.get(0) & 0xff) < 0x80 ? 1 : headerSize(n) + n;
  }

  private static int headerSize(int length) {
    return length < 56 ? 1 : 1 + (4 - Integer.numberOfLeadingZeros(length) / 8);
  }

  private void writeHeader(int offset, int length) {
    if (length < 56) {
      buf[pos++] = (byte) (offset + length);
      return;
    }
    int lengthBytes = 4 - Integer.numberOfLeadingZeros(length) / 8;
    buf[pos++] = (byte) (offset + 55 + lengthBytes);
    for (int i = lengthBytes - 1; i >= 0; i--) {
      buf[pos++] = (byte) (length >>> (8 * i));
    }
  }

  private void ensure(int more) {
    if (pos + more > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(pos + more, buf.length * 2));
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
