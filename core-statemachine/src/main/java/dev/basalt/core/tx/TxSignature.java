package dev.basalt.core.tx;

import java.math.BigInteger;
import java.util.Objects;

/**
 * A transaction's signature as carried on the wire: y-parity (0 or 1), r and s (each below 2^256).
 * For legacy transactions the wire value {@code v} is derived from the parity and the chain id
 * ({@link LegacyTx#v()}). Whether r and s are valid for secp256k1 is checked on sender recovery, not
 * here, because an invalid signature is still a decodable transaction.
 */
public record TxSignature(int yParity, BigInteger r, BigInteger s) {
  public TxSignature {
    Objects.requireNonNull(r, "r");
    Objects.requireNonNull(s, "s");
    if (yParity != 0 && yParity != 1) {
      throw new IllegalArgumentException("y-parity must be 0 or 1, got " + yParity);
    }
    if (r.signum() < 0 || r.bitLength() > 256 || s.signum() < 0 || s.bitLength() > 256) {
      throw new IllegalArgumentException("r and s must be u256");
    }
  }
}
