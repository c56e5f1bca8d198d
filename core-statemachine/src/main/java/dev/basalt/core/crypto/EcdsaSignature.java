package dev.basalt.core.crypto;

import java.math.BigInteger;
import java.util.Objects;

/**
 * A secp256k1 ECDSA signature with its recovery id (0 or 1: the parity of the nonce point's y).
 * Range checks belong to {@link Secp256k1}; this record only carries the values.
 */
public record EcdsaSignature(int recoveryId, BigInteger r, BigInteger s) {
  public EcdsaSignature {
    Objects.requireNonNull(r, "r");
    Objects.requireNonNull(s, "s");
    if (recoveryId != 0 && recoveryId != 1) {
      throw new IllegalArgumentException("recovery id must be 0 or 1, got " + recoveryId);
    }
  }
}
