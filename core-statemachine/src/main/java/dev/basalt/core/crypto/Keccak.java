package dev.basalt.core.crypto;

import dev.basalt.core.types.Bytes;
import dev.basalt.core.types.Hash32;
import org.bouncycastle.crypto.digests.KeccakDigest;

/** Keccak-256 as Ethereum uses it (the original Keccak padding, not SHA3-256). */
public final class Keccak {
  private Keccak() {}

  public static Hash32 hash(byte[] data) {
    return hash(data, 0, data.length);
  }

  public static Hash32 hash(byte[] data, int offset, int length) {
    KeccakDigest digest = new KeccakDigest(256);
    digest.update(data, offset, length);
    byte[] out = new byte[32];
    digest.doFinal(out, 0);
    return Hash32.wrap(out);
  }

  public static Hash32 hash(Bytes data) {
    return hash(data.toArray());
  }

  /** Keccak-256 of the concatenation of the parts. */
  public static Hash32 hash(byte[]... parts) {
    KeccakDigest digest = new KeccakDigest(256);
    for (byte[] part : parts) {
      digest.update(part, 0, part.length);
    }
    byte[] out = new byte[32];
    digest.doFinal(out, 0);
    return Hash32.wrap(out);
  }
}
