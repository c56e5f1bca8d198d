package dev.basalt.adapters.p2p.identity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PeerIdTest {
  // Vector computed with js-libp2p (@libp2p/crypto 5.1.23, @libp2p/peer-id): privateKeyFromRaw(SECRET).
  private static final String SECRET = "b71c71a67e1177ad4e901695e1b4b9ee17ae16c6668d313eac2f96dbcda3f291";
  private static final String PEER_ID = "16Uiu2HAmSH2XVgZqYHWucap5kuPzLnt2TsNQkoppVxB5eJGvaXwm";
  private static final String MULTIHASH = "00250802122103ca634cae0d49acb401d8a4c6b6fe8c55b70d115bf400769cc1400f3258cd3138";
  private static final String JS_SIG_HELLO = "3045022100cd2338bbfd5f46cc0a5cc1bc221bb33de4a19d0c89d188e3b961a9eb475b32b20220561c343c9d8a4f4b67361adc13f7e629de54f8882afc925205ecfdd92bf81b28";

  @Test
  void peerIdOfKnownKeyMatchesJsLibp2p() {
    IdentityKey key = PrivateKeyHex.parse(SECRET);
    assertEquals(PEER_ID, key.peerId().toString());
    assertEquals(MULTIHASH, HexFormat.of().formatHex(key.peerId().toBytes()));
    assertEquals(key.peerId(), PeerId.parse(PEER_ID));
    assertEquals(key.publicKey(), PeerId.parse(PEER_ID).secp256k1Key().orElseThrow());
  }

  @Test
  void signaturesVerifyBothWays() {
    IdentityKey key = PrivateKeyHex.parse(SECRET);
    byte[] hello = "hello".getBytes(StandardCharsets.UTF_8);
    assertTrue(key.publicKey().verify(hello, HexFormat.of().parseHex(JS_SIG_HELLO)), "js-libp2p signature");
    byte[] ours = key.sign(hello);
    assertTrue(key.publicKey().verify(hello, ours));
    assertArrayEquals(HexFormat.of().parseHex(JS_SIG_HELLO), ours, "RFC 6979 + low-S gives the same DER as js-libp2p");
    assertFalse(key.publicKey().verify("hellO".getBytes(StandardCharsets.UTF_8), ours));
    byte[] broken = ours.clone();
    broken[broken.length - 1] ^= 1;
    assertFalse(key.publicKey().verify(hello, broken));
    assertFalse(key.publicKey().verify(hello, new byte[] {0x30, 0x00}));
  }

  @Test
  void privateKeyHexFormats() {
    assertEquals(PEER_ID, PrivateKeyHex.parse("0x" + SECRET + "\n").peerId().toString());
    assertThrows(IllegalArgumentException.class, () -> PrivateKeyHex.parse(SECRET.substring(2)));
    assertThrows(IllegalArgumentException.class, () -> PrivateKeyHex.parse(SECRET.replace('b', 'g')));
    assertThrows(IllegalArgumentException.class, () -> PrivateKeyHex.parse("00".repeat(32)));
  }

  @Test
  void loadOrCreateKeepsTheKey(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("sub/p2p.key");
    IdentityKey created = PrivateKeyHex.loadOrCreate(file, new SecureRandom());
    assertEquals(64, Files.readString(file).length());
    assertEquals(created.peerId(), PrivateKeyHex.loadOrCreate(file, new SecureRandom()).peerId());
    Files.writeString(file, "nonsense");
    Exception e = assertThrows(java.io.IOException.class, () -> PrivateKeyHex.read(file));
    assertTrue(e.getMessage().contains("p2p.key"), e.getMessage());
  }

  @Test
  void rejectsMalformedIds() {
    assertThrows(IllegalArgumentException.class, () -> PeerId.parse("0OIl"));
    assertThrows(IllegalArgumentException.class, () -> PeerId.parse("16Uiu2HAm"));
    assertThrows(IllegalArgumentException.class, () -> PeerId.parse(""));
  }

  @Test
  void base58RoundTripsLeadingZeros() {
    byte[] in = {0, 0, 1, 2, (byte) 0xFF};
    assertArrayEquals(in, Base58.decode(Base58.encode(in)));
    assertEquals("11", Base58.encode(new byte[2]));
  }
}
