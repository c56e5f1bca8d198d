package dev.basalt.core.tx;

import dev.basalt.core.crypto.Keccak;
import dev.basalt.core.crypto.Secp256k1;
import dev.basalt.core.rlp.RlpWriter;
import dev.basalt.core.types.Address;
import dev.basalt.core.types.Hash32;
import java.math.BigInteger;
import java.util.Objects;
import java.util.Optional;

/**
 * One EIP-7702 authorization tuple {@code [chain_id, address, nonce, y_parity, r, s]}. The
 * rollup node only needs to carry these intact (span batches re-encode them); {@link #authority()}
 * is here for completeness and tests.
 */
public record Authorization(
    BigInteger chainId, Address address, long nonce, int yParity, BigInteger r, BigInteger s) {
  /** The EIP-7702 signing domain byte. */
  public static final byte MAGIC = 0x05;

  public Authorization {
    Objects.requireNonNull(chainId, "chainId");
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(r, "r");
    Objects.requireNonNull(s, "s");
    if (yParity < 0 || yParity > 0xff) {
      throw new IllegalArgumentException("y-parity is a u8, got " + yParity);
    }
  }

  /** keccak256(0x05 ‖ rlp([chain_id, address, nonce])). */
  public Hash32 signingHash() {
    byte[] body =
        new RlpWriter().startList().uint256(chainId).address(address).uint64(nonce).endList().toByteArray();
    return Keccak.hash(new byte[] {MAGIC}, body);
  }

  /** The account that signed this authorization, or empty when the signature is invalid. */
  public Optional<Address> authority() {
    if (yParity > 1) {
      return Optional.empty();
    }
    return Secp256k1.recoverAddress(signingHash(), yParity, r, s);
  }
}
