package dev.basalt.adapters.sequencer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.basalt.core.crypto.Keccak;
import dev.basalt.core.crypto.Secp256k1;
import dev.basalt.core.crypto.SigningKey;
import dev.basalt.core.p2p.BlockSigning;
import dev.basalt.core.types.Address;
import dev.basalt.core.types.Bytes;
import dev.basalt.core.types.Hash32;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sequencer key signs as rollup-node-p2p specifies: a 65-byte {@code r ++ s ++ v}, {@code v}
 * in {0, 1}, over {@code keccak256(domain ++ chainId ++ payloadHash)}, from which a validator
 * recovers the unsafe block signer's address.
 */
class LocalBlockSignerTest {
  /** Hardhat's first dev account: a well-known key and address pair. */
  private static final String KEY = "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";
  private static final Address ADDRESS = Address.fromHex("0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266");

  @Test
  void theSignatureRecoversTheSignersAddress() {
    LocalBlockSigner signer = new LocalBlockSigner(SequencerKeys.fromHex(KEY, "--p2p.sequencer.key"));
    assertEquals(ADDRESS, signer.address());
    for (int i = 0; i < 20; i++) {
      // The spec's message: 32 zero bytes of domain, the chain id as uint256, the payload hash.
      Hash32 payloadHash = Keccak.hash(new byte[] {(byte) i});
      Hash32 signingHash = BlockSigning.signingHash(10 + i, payloadHash);
      byte[] message = new byte[96];
      message[63] = (byte) (10 + i);
      System.arraycopy(payloadHash.toArray(), 0, message, 64, 32);
      assertEquals(Keccak.hash(message), signingHash, "signing hash per rollup-node-p2p");
      Bytes sig = signer.sign(signingHash);
      byte[] raw = sig.toArray();
      assertEquals(65, raw.length);
      int v = raw[64];
      assertTrue(v == 0 || v == 1, "v is the recovery id 0 or 1, not 27/28: " + v);
      BigInteger r = new BigInteger(1, Arrays.copyOfRange(raw, 0, 32));
      BigInteger s = new BigInteger(1, Arrays.copyOfRange(raw, 32, 64));
      assertEquals(ADDRESS, Secp256k1.recoverAddress(signingHash, v, r, s).orElseThrow());
    }
  }

  @Test
  void keysReadFromFlagsAndFilesWithoutEverEchoingThem(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("key.hex");
    Files.writeString(file, KEY.substring(2) + "\n");
    assertEquals(ADDRESS, SequencerKeys.fromFile(file, "--p2p.sequencer.key.path").address());
    IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
        () -> SequencerKeys.fromHex(KEY.substring(0, 40), "--p2p.sequencer.key"));
    assertFalse(bad.getMessage().contains(KEY.substring(2, 40)), bad.getMessage());
    assertThrows(IllegalArgumentException.class, () -> SequencerKeys.fromHex("0x" + "00".repeat(32), "k"), "zero is no key");
    assertThrows(IllegalArgumentException.class, () -> SequencerKeys.fromFile(dir.resolve("missing"), "k"));
    SigningKey key = SequencerKeys.fromHex(KEY, "k");
    assertFalse(new LocalBlockSigner(key).toString().contains(KEY.substring(2)));
  }
}
