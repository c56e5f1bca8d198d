package dev.basalt.core.p2p;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.basalt.core.crypto.Keccak;
import dev.basalt.core.crypto.Secp256k1;
import dev.basalt.core.crypto.SigningKey;
import dev.basalt.core.types.Bytes;
import dev.basalt.core.types.Hash32;
import java.math.BigInteger;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class BlockSigningTest {
  /** op-alloy envelope.rs test_signature_message (shared testdata f-p2p): chain 10, payload hash keccak(0x99 x 32). */
  @Test
  void signingHashMatchesOpAlloysVector() {
    byte[] input = new byte[32];
    Arrays.fill(input, (byte) 0x99);
    Hash32 expected = Hash32.fromHex("0x44a0e2b1aba1aae1771eddae1dcd2ad18a8cdac8891517153f03253e49d3f206");
    assertEquals(expected, BlockSigning.signingHash(10, Keccak.hash(input)));
  }

  @Test
  void theSignatureRecoversToTheSigner() {
    SigningKey key = SigningKey.fromHex("0x" + "42".repeat(32));
    Hash32 hash = BlockSigning.signingHash(901, Keccak.hash(new byte[] {1, 2, 3}));
    Bytes sig = BlockSigning.sign(key, hash);
    assertEquals(65, sig.length());
    byte[] b = sig.toArray();
    BigInteger r = new BigInteger(1, Arrays.copyOfRange(b, 0, 32));
    BigInteger s = new BigInteger(1, Arrays.copyOfRange(b, 32, 64));
    assertTrue(b[64] == 0 || b[64] == 1);
    assertEquals(key.address(), Secp256k1.recoverAddress(hash, b[64], r, s).orElseThrow());
    assertEquals(sig, BlockSigning.sign(key, hash), "RFC 6979: deterministic");
  }
}
