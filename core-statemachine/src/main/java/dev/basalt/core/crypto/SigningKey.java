package dev.basalt.core.crypto;

import dev.basalt.core.types.Address;
import dev.basalt.core.types.Bytes;
import dev.basalt.core.types.Hex;
import java.math.BigInteger;

/**
 * A secp256k1 private key. Never printed: {@link #toString()} shows only the address, so a key
 * that ends up in a log or a state dump does not leak.
 */
public final class SigningKey {
  private final BigInteger secret;
  private final Bytes publicKey;
  private final Address address;

  private SigningKey(BigInteger secret) {
    this.secret = secret;
    this.publicKey = Secp256k1.publicKeyOf(secret);
    this.address = Secp256k1.addressOf(publicKey);
  }

  /** A key from its 32 big-endian bytes; the scalar must lie in [1, n-1]. */
  public static SigningKey fromBytes(byte[] secret32) {
    if (secret32.length != 32) {
      throw new IllegalArgumentException("a private key has 32 bytes, got " + secret32.length);
    }
    return fromScalar(new BigInteger(1, secret32));
  }

  public static SigningKey fromHex(String hex) {
    return fromBytes(Hex.decode(hex));
  }

  public static SigningKey fromScalar(BigInteger secret) {
    if (secret.signum() <= 0 || secret.compareTo(Secp256k1.N) >= 0) {
      throw new IllegalArgumentException("private key out of range [1, n-1]");
    }
    return new SigningKey(secret);
  }

  BigInteger secret() {
    return secret;
  }

  /** The 64-byte uncompressed public key (x ‖ y, without the 0x04 prefix). */
  public Bytes publicKey() {
    return publicKey;
  }

  public Address address() {
    return address;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof SigningKey k && secret.equals(k.secret);
  }

  @Override
  public int hashCode() {
    return address.hashCode();
  }

  @Override
  public String toString() {
    return "SigningKey(" + address + ")";
  }
}
