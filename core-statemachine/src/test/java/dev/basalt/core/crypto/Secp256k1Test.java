package dev.basalt.core.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.basalt.core.types.Address;
import dev.basalt.core.types.Hash32;
import java.math.BigInteger;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class Secp256k1Test {
  // EIP-155's worked example: key 0x46..46 signs hash 0xdaf5..8e53 with v = 37 (chain 1, parity 0).
  private static final SigningKey KEY_46 = SigningKey.fromHex("46".repeat(32));
  private static final Hash32 EIP155_SIGNING_HASH =
      Hash32.fromHex("0xdaf5a779ae972f972197303d7b574746c7ef83eadac0f2791ad23db92e4c8e53");
  private static final BigInteger EIP155_R =
      new BigInteger("18515461264373351373200002665853028612451056578545711640558177340181847433846");
  private static final BigInteger EIP155_S =
      new BigInteger("46948507304638947509940763649030358759909902576025900602547168820602576006531");

  @Test
  void derivesKnownAddresses() {
    assertEquals(Address.fromHex("0x9d8a62f656a8d1615c1294fd71e9cfb3e4855a4f"), KEY_46.address());
    // web3.js documentation example key.
    assertEquals(
        Address.fromHex("0xb8CE9ab6943e0eCED004cDe8e3bBed6568B2Fa01"),
        SigningKey.fromHex("0x348ce564d427a3311b6536bbcff9390d69395b06ed6c486954e971d960fe8709").address());
  }

  @Test
  void signsTheEip155ExampleDeterministically() {
    EcdsaSignature sig = Secp256k1.sign(EIP155_SIGNING_HASH, KEY_46);
    assertEquals(EIP155_R, sig.r());
    assertEquals(EIP155_S, sig.s());
    assertEquals(0, sig.recoveryId(), "v = 37 = 1 * 2 + 35 + 0");
  }

  @Test
  void recoversTheEip155ExampleSigner() {
    assertEquals(
        Optional.of(KEY_46.address()), Secp256k1.recoverAddress(EIP155_SIGNING_HASH, 0, EIP155_R, EIP155_S));
    // The other parity is a different (valid) point, hence a different key.
    Optional<Address> other = Secp256k1.recoverAddress(EIP155_SIGNING_HASH, 1, EIP155_R, EIP155_S);
    assertTrue(other.isEmpty() || !other.get().equals(KEY_46.address()));
  }

  @Test
  void highSIsRejectedUnlessAllowed() {
    BigInteger highS = Secp256k1.N.subtract(EIP155_S);
    // (r, n - s) with the flipped parity is the same signature in its malleable form.
    assertEquals(Optional.empty(), Secp256k1.recoverAddress(EIP155_SIGNING_HASH, 1, EIP155_R, highS));
    assertEquals(
        Optional.of(KEY_46.address()),
        Secp256k1.recoverAddress(EIP155_SIGNING_HASH, 1, EIP155_R, highS, false));
  }

  @Test
  void outOfRangeValuesAreEmptyNotErrors() {
    BigInteger n = Secp256k1.N;
    Hash32 h = EIP155_SIGNING_HASH;
    assertEquals(Optional.empty(), Secp256k1.recoverAddress(h, 0, BigInteger.ZERO, EIP155_S));
    assertEquals(Optional.empty(), Secp256k1.recoverAddress(h, 0, EIP155_R, BigInteger.ZERO));
    assertEquals(Optional.empty(), Secp256k1.recoverAddress(h, 0, n, EIP155_S));
    assertEquals(Optional.empty(), Secp256k1.recoverAddress(h, 0, EIP155_R, n, false));
    assertEquals(Optional.empty(), Secp256k1.recoverAddress(h, 2, EIP155_R, EIP155_S));
    assertEquals(Optional.empty(), Secp256k1.recoverAddress(h, -1, EIP155_R, EIP155_S));
    assertEquals(Optional.empty(), Secp256k1.recoverAddress(h, 0, BigInteger.ONE.shiftLeft(256), EIP155_S));
  }

  @Test
  void randomSignaturesNeverThrow() {
    SplittableRandom random = new SplittableRandom(11);
    int empty = 0;
    for (int i = 0; i < 300; i++) {
      byte[] hash = new byte[32];
      random.nextBytes(hash);
      BigInteger r = new BigInteger(256, new java.util.Random(random.nextLong()));
      BigInteger s = new BigInteger(255, new java.util.Random(random.nextLong()));
      if (Secp256k1.recoverAddress(Hash32.wrap(hash), random.nextInt(2), r, s).isEmpty()) {
        empty++;
      }
    }
    // About half of all x values are on the curve, and r >= n is rare: many recover, some do not.
    assertTrue(empty > 50 && empty < 250, "unexpected share of unrecoverable signatures: " + empty);
  }

  @Test
  void keyToStringDoesNotLeakTheSecret() {
    assertTrue(!KEY_46.toString().contains("4646"));
  }
}
