package dev.basalt.core.tx;

import dev.basalt.core.crypto.Keccak;
import dev.basalt.core.types.Address;
import dev.basalt.core.types.Hash32;
import dev.basalt.core.types.Hex;
import dev.basalt.core.types.Log;
import java.util.Arrays;
import java.util.List;

/**
 * A 2048-bit logs bloom (Yellow Paper §4.3.1): every log address and topic sets three bits, chosen
 * by the low 11 bits of the first three byte pairs of its Keccak-256. Immutable.
 */
public final class Bloom {
  public static final int LENGTH = 256;
  public static final Bloom EMPTY = new Bloom(new byte[LENGTH]);

  private final byte[] bits;

  private Bloom(byte[] bits) {
    this.bits = bits;
  }

  /** Copies 256 bytes. */
  public static Bloom wrap(byte[] bytes) {
    if (bytes.length != LENGTH) {
      throw new IllegalArgumentException("a bloom has 256 bytes, got " + bytes.length);
    }
    return new Bloom(bytes.clone());
  }

  public static Bloom fromHex(String hex) {
    return wrap(Hex.decode(hex));
  }

  /** The bloom of a receipt's logs. */
  public static Bloom ofLogs(List<Log> logs) {
    byte[] out = new byte[LENGTH];
    for (Log log : logs) {
      set(out, log.address().toArray());
      for (Hash32 topic : log.topics()) {
        set(out, topic.toArray());
      }
    }
    return new Bloom(out);
  }

  private static void set(byte[] bloom, byte[] item) {
    byte[] h = Keccak.hash(item).toArray();
    for (int i = 0; i < 6; i += 2) {
      int bit = (((h[i] & 0xff) << 8) | (h[i + 1] & 0xff)) & 2047;
      bloom[LENGTH - 1 - bit / 8] |= (byte) (1 << (bit % 8));
    }
  }

  /** False when {@code item} (a log address or topic) was certainly never added. */
  public boolean mightContain(byte[] item) {
    byte[] probe = new byte[LENGTH];
    set(probe, item);
    for (int i = 0; i < LENGTH; i++) {
      if ((bits[i] & probe[i]) != probe[i]) {
        return false;
      }
    }
    return true;
  }

  public boolean mightContain(Address address) {
    return mightContain(address.toArray());
  }

  public boolean mightContain(Hash32 topic) {
    return mightContain(topic.toArray());
  }

  /** The union of two blooms (a block's bloom is the union of its receipts'). */
  public Bloom or(Bloom other) {
    byte[] out = bits.clone();
    for (int i = 0; i < LENGTH; i++) {
      out[i] |= other.bits[i];
    }
    return new Bloom(out);
  }

  public byte[] toArray() {
    return bits.clone();
  }

  public String toHex() {
    return Hex.encode(bits);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Bloom b && Arrays.equals(bits, b.bits);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bits);
  }

  @Override
  public String toString() {
    return toHex();
  }
}
