package dev.basalt.core.derive.batch;

import dev.basalt.core.codec.DecodeException;
import dev.basalt.core.rlp.RlpReader;
import dev.basalt.core.types.Bytes;

/**
 * Reads the list-valued transaction fields, checks their shape the way go-ethereum's typed
 * decoding does, and returns them as canonical RLP. The reader is strict, so what it accepts
 * re-encodes to the same bytes.
 */
final class RlpShapes {
  private RlpShapes() {}

  /** EIP-2930 {@code [[address, [storageKey, ...]], ...]}. */
  static Bytes accessList(RlpReader in) {
    Bytes raw = in.readRaw();
    byte[] b = raw.toArray();
    RlpReader tuples = new RlpReader(b).readList();
    while (tuples.hasNext()) {
      RlpReader tuple = tuples.readList();
      tuple.readAddress();
      RlpReader keys = tuple.readList();
      while (keys.hasNext()) {
        keys.readHash();
      }
      tuple.expectEnd();
    }
    return raw;
  }

  /** EIP-7702 {@code [[chainId, address, nonce, yParity, r, s], ...]}. */
  static Bytes authorizationList(RlpReader in) {
    Bytes raw = in.readRaw();
    byte[] b = raw.toArray();
    RlpReader auths = new RlpReader(b).readList();
    while (auths.hasNext()) {
      RlpReader auth = auths.readList();
      auth.readUint256();
      auth.readAddress();
      auth.readUint64();
      long yParity = auth.readUint64();
      if (yParity > 0xff) {
        throw new DecodeException("authorization yParity " + yParity + " does not fit uint8");
      }
      auth.readUint256();
      auth.readUint256();
      auth.expectEnd();
    }
    return raw;
  }
}
