package dev.basalt.adapters.p2p.enr;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Strict RLP (Ethereum Yellow Paper, appendix B) for discovery messages and node records. Decoding
 * rejects non-canonical forms (a single byte below 0x80 wrapped as a string, leading zero length
 * bytes, long forms for short payloads) and any length that runs past the input.
 */
public final class Rlp {
  private Rlp() {}

  /** A decoded item: either a byte string or a list of items. */
  public sealed interface Item permits Bytes, ItemList {}

  /** A byte string. */
  public record Bytes(byte[] value) implements Item {
    public long asLong() throws EnrException {
      if (value.length > 8 || (value.length > 0 && value[0] == 0)) {
        throw new EnrException("RLP integer not canonical or longer than 8 bytes");
      }
      long v = 0;
      for (byte b : value) {
        v = (v << 8) | (b & 0xff);
      }
      return v;
    }
  }

  /** A list. */
  public record ItemList(List<Item> items) implements Item {
    public Item get(int i) throws EnrException {
      if (i >= items.size()) {
        throw new EnrException("RLP list has " + items.size() + " items, wanted index " + i);
      }
      return items.get(i);
    }

    public Bytes bytes(int i) throws EnrException {
      if (get(i) instanceof Bytes b) {
        return b;
      }
      throw new EnrException("RLP item " + i + " is a list, expected bytes");
    }

    public ItemList list(int i) throws EnrException {
      if (get(i) instanceof ItemList l) {
        return l;
      }
      throw new EnrException("RLP item " + i + " is bytes, expected a list");
    }

    public int size() {
      return items.size();
    }
  }

  // ---- encoding ----

  public static byte[] encodeBytes(byte[] value) {
    if (value.length == 1 && (value[0] & 0xff) < 0x80) {
      return value.clone();
    }
    return withPrefix(0x80, value);
  }

  public static byte[] encodeLong(long value) {
    if (value < 0) {
      throw new IllegalArgumentException("negative RLP integer");
    }
    return encodeBytes(minimal(BigInteger.valueOf(value)));
  }

  /** A list whose elements are already RLP-encoded. */
  public static byte[] encodeList(List<byte[]> encodedItems) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    for (byte[] item : encodedItems) {
      body.writeBytes(item);
    }
    return withPrefix(0xc0, body.toByteArray());
  }

  public static byte[] encodeList(byte[]... encodedItems) {
    return encodeList(List.of(encodedItems));
  }

  /** Re-encodes a decoded item; because decoding is strict this reproduces the original bytes. */
  public static byte[] encode(Item item) {
    if (item instanceof Bytes b) {
      return encodeBytes(b.value());
    }
    List<byte[]> parts = new ArrayList<>();
    for (Item i : ((ItemList) item).items()) {
      parts.add(encode(i));
    }
    return encodeList(parts);
  }

  private static byte[] minimal(BigInteger v) {
    if (v.signum() == 0) {
      return new byte[0];
    }
    byte[] raw = v.toByteArray();
    int start = raw[0] == 0 ? 1 : 0;
    byte[] out = new byte[raw.length - start];
    System.arraycopy(raw, start, out, 0, out.length);
    return out;
  }

  private static byte[] withPrefix(int base, byte[] payload) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(payload.length + 9);
    if (payload.length < 56) {
      out.write(base + payload.length);
    } else {
      byte[] len = minimal(BigInteger.valueOf(payload.length));
      out.write(base + 55 + len.length);
      out.writeBytes(len);
    }
    out.writeBytes(payload);
    return out.toByteArray();
  }

  // ---- decoding ----

  /** Decodes exactly one item spanning the whole input. */
  public static Item decode(byte[] input) throws EnrException {
    return decode(input, 0, input.length);
  }

  public static Item decode(byte[] input, int offset, int length) throws EnrException {
    int[] pos = {offset};
    Item item = next(input, pos, offset + length, 0);
    if (pos[0] != offset + length) {
      throw new EnrException("trailing bytes after RLP item");
    }
    return item;
  }

  /** Decodes a top-level list and returns it. */
  public static ItemList decodeList(byte[] input) throws EnrException {
    if (decode(input) instanceof ItemList l) {
      return l;
    }
    throw new EnrException("RLP input is not a list");
  }

  private static Item next(byte[] in, int[] pos, int end, int depth) throws EnrException {
    if (depth > 16) {
      throw new EnrException("RLP nesting too deep");
    }
    int p = pos[0];
    if (p >= end) {
      throw new EnrException("RLP input truncated");
    }
    int prefix = in[p] & 0xff;
    if (prefix < 0x80) {
      pos[0] = p + 1;
      return new Bytes(new byte[] {(byte) prefix});
    }
    boolean list = prefix >= 0xc0;
    int base = list ? 0xc0 : 0x80;
    int start;
    int len;
    if (prefix - base < 56) {
      len = prefix - base;
      start = p + 1;
    } else {
      int lenOfLen = prefix - base - 55;
      if (p + 1 + lenOfLen > end || lenOfLen > 4) {
        throw new EnrException("RLP length prefix truncated or too long");
      }
      if (in[p + 1] == 0) {
        throw new EnrException("RLP length has a leading zero");
      }
      long l = 0;
      for (int i = 0; i < lenOfLen; i++) {
        l = (l << 8) | (in[p + 1 + i] & 0xff);
      }
      if (l < 56) {
        throw new EnrException("RLP long form used for a short payload");
      }
      if (l > Integer.MAX_VALUE) {
        throw new EnrException("RLP length too large");
      }
      len = (int) l;
      start = p + 1 + lenOfLen;
    }
    if ((long) start + len > end) {
      throw new EnrException("RLP item runs past its input");
    }
    pos[0] = start + len;
    if (!list) {
      if (len == 1 && (in[start] & 0xff) < 0x80) {
        throw new EnrException("RLP single byte not canonical");
      }
      byte[] v = new byte[len];
      System.arraycopy(in, start, v, 0, len);
      return new Bytes(v);
    }
    List<Item> items = new ArrayList<>();
    int[] inner = {start};
    while (inner[0] < start + len) {
      items.add(next(in, inner, start + len, depth + 1));
    }
    return new ItemList(items);
  }
}
