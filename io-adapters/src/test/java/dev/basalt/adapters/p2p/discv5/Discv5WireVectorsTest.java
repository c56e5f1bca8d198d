package dev.basalt.adapters.p2p.discv5;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.basalt.adapters.p2p.enr.Enr;
import dev.basalt.adapters.p2p.enr.NodeId;
import dev.basalt.adapters.p2p.enr.NodeKey;
import dev.basalt.adapters.p2p.enr.Secp256k1;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * The official discv5.1 wire test vectors (ethereum/devp2p discv5/discv5-wire-test-vectors.md),
 * decoded as node B and re-encoded byte for byte.
 */
class Discv5WireVectorsTest {
  private static final HexFormat HEX = HexFormat.of();
  private static final NodeKey NODE_A = NodeKey.fromSecret(hex("eef77acb6c6a6eebc5b363a475ac583ec7eccdb42b6481424c60f59aa326547f"));
  private static final NodeKey NODE_B = NodeKey.fromSecret(hex("66fb62bfbd66b9177a138c1e5cddbe4f7c30c343e94e68df8769459cb1cde628"));
  private static final byte[] NONCE = hex("ffffffffffffffffffffffff");
  private static final byte[] ZERO_IV = new byte[16];
  private static final byte[] EPHEMERAL_KEY = hex("0288ef00023598499cb6c940146d050d2b1fb914198c327f76aad590bead68b6");
  private static final byte[] EPHEMERAL_PUB = hex("039a003ba6517b473fa0cd74aefe99dadfdb34627f90fec6362df85803908f53a5");

  private static final String PING = "00000000000000000000000000000000088b3d4342774649325f313964a39e55"
      + "ea96c005ad52be8c7560413a7008f16c9e6d2f43bbea8814a546b7409ce783d3"
      + "4c4f53245d08dab84102ed931f66d1492acb308fa1c6715b9d139b81acbdcc";
  private static final String WHOAREYOU = "00000000000000000000000000000000088b3d434277464933a1ccc59f5967ad"
      + "1d6035f15e528627dde75cd68292f9e6c27d6b66c8100a873fcbaed4e16b8d";
  private static final String HANDSHAKE = "00000000000000000000000000000000088b3d4342774649305f313964a39e55"
      + "ea96c005ad521d8c7560413a7008f16c9e6d2f43bbea8814a546b7409ce783d3"
      + "4c4f53245d08da4bb252012b2cba3f4f374a90a75cff91f142fa9be3e0a5f3ef"
      + "268ccb9065aeecfd67a999e7fdc137e062b2ec4a0eb92947f0d9a74bfbf44dfb"
      + "a776b21301f8b65efd5796706adff216ab862a9186875f9494150c4ae06fa4d1"
      + "f0396c93f215fa4ef524f1eadf5f0f4126b79336671cbcf7a885b1f8bd2a5d83"
      + "9cf8";
  private static final String HANDSHAKE_ENR = "00000000000000000000000000000000088b3d4342774649305f313964a39e55"
      + "ea96c005ad539c8c7560413a7008f16c9e6d2f43bbea8814a546b7409ce783d3"
      + "4c4f53245d08da4bb23698868350aaad22e3ab8dd034f548a1c43cd246be9856"
      + "2fafa0a1fa86d8e7a3b95ae78cc2b988ded6a5b59eb83ad58097252188b902b2"
      + "1481e30e5e285f19735796706adff216ab862a9186875f9494150c4ae06fa4d1"
      + "f0396c93f215fa4ef524e0ed04c3c21e39b1868e1ca8105e585ec17315e755e6"
      + "cfc4dd6cb7fd8e1a1f55e49b4b5eb024221482105346f3c82b15fdaae36a3bb1"
      + "2a494683b4a3c7f2ae41306252fed84785e2bbff3b022812d0882f06978df84a"
      + "80d443972213342d04b9048fc3b1d5fcb1df0f822152eced6da4d3f6df27e70e"
      + "4539717307a0208cd208d65093ccab5aa596a34d7511401987662d8cf62b1394"
      + "71";
  private static final String CHALLENGE_SEQ0 = "000000000000000000000000000000006469736376350001010102030405060708090a0b0c00180102030405060708090a0b0c0d0e0f100000000000000000";
  private static final String CHALLENGE_SEQ1 = "000000000000000000000000000000006469736376350001010102030405060708090a0b0c00180102030405060708090a0b0c0d0e0f100000000000000001";

  private static byte[] hex(String s) {
    return HEX.parseHex(s);
  }

  private static Message decrypt(byte[] key, Packet p) throws Exception {
    byte[] message = p instanceof Packet.Ordinary o ? o.message() : ((Packet.Handshake) p).message();
    return MessageCodec.decode(Discv5Crypto.aesGcmDecrypt(key, p.nonce(), message, p.authenticatedData()), new int[1]);
  }

  @Test
  void nodeIdsOfTheVectorKeys() {
    assertEquals("aaaa8419e9f49d0083561b48287df592939a8d19947d8c0ef88f2a4856a69fbb", NODE_A.nodeId().toHex());
    assertEquals("bbbb9d047f0488c0b5a93c1c3f2d8bafc7c8ff337024a55434a0d0555de64db9", NODE_B.nodeId().toHex());
  }

  @Test
  void pingMessagePacket() throws Exception {
    byte[] wire = hex(PING);
    Packet p = PacketCodec.decode(wire, wire.length, NODE_B.nodeId());
    Packet.Ordinary o = assertInstanceOf(Packet.Ordinary.class, p);
    assertEquals(NODE_A.nodeId(), o.srcId());
    assertArrayEquals(NONCE, o.nonce());
    Message.Ping ping = assertInstanceOf(Message.Ping.class, decrypt(new byte[16], p));
    assertEquals(RequestId.of(hex("00000001")), ping.requestId());
    assertEquals(2, ping.enrSeq());

    byte[] encoded = PacketCodec.encodeMessagePacket(NODE_B.nodeId(), ZERO_IV, PacketCodec.FLAG_ORDINARY, NONCE,
        PacketCodec.ordinaryAuthdata(NODE_A.nodeId()), new byte[16], MessageCodec.encode(ping));
    assertArrayEquals(wire, encoded);
  }

  @Test
  void whoAreYouPacket() throws Exception {
    byte[] wire = hex(WHOAREYOU);
    Packet.WhoAreYou w = assertInstanceOf(Packet.WhoAreYou.class, PacketCodec.decode(wire, wire.length, NODE_B.nodeId()));
    assertArrayEquals(hex("0102030405060708090a0b0c"), w.nonce());
    assertArrayEquals(hex("0102030405060708090a0b0c0d0e0f10"), w.idNonce());
    assertEquals(0, w.enrSeq());
    assertArrayEquals(hex(CHALLENGE_SEQ0), w.challengeData());
    byte[][] encoded = PacketCodec.encodeWhoAreYou(NODE_B.nodeId(), ZERO_IV, w.nonce(), w.idNonce(), 0);
    assertArrayEquals(wire, encoded[0]);
    assertArrayEquals(hex(CHALLENGE_SEQ0), encoded[1]);
  }

  @Test
  void pingHandshakePacket() throws Exception {
    checkHandshake(HANDSHAKE, CHALLENGE_SEQ1, "4f9fac6de7567d1e3b1241dffe90f662", false);
  }

  @Test
  void pingHandshakePacketWithRecord() throws Exception {
    checkHandshake(HANDSHAKE_ENR, CHALLENGE_SEQ0, "53b1c075f41876423154e157470c2f48", true);
  }

  private void checkHandshake(String vector, String challenge, String readKey, boolean withRecord) throws Exception {
    byte[] wire = hex(vector);
    Packet.Handshake h = assertInstanceOf(Packet.Handshake.class, PacketCodec.decode(wire, wire.length, NODE_B.nodeId()));
    assertEquals(NODE_A.nodeId(), h.srcId());
    assertArrayEquals(EPHEMERAL_PUB, h.ephemeralPubkey());
    assertTrue(Discv5Crypto.idVerify(NODE_A.publicKey(), h.idSignature(), hex(challenge), h.ephemeralPubkey(), NODE_B.nodeId()));
    if (withRecord) {
      Enr record = Enr.decode(h.record());
      assertEquals(NODE_A.nodeId(), record.nodeId());
    } else {
      assertEquals(0, h.record().length);
    }
    byte[] secret = NODE_B.ecdh(Secp256k1.decodePoint(h.ephemeralPubkey()));
    Discv5Crypto.SessionKeys keys = Discv5Crypto.deriveKeys(secret, hex(challenge), NODE_A.nodeId(), NODE_B.nodeId());
    assertArrayEquals(hex(readKey), keys.initiatorKey());
    Message.Ping ping = assertInstanceOf(Message.Ping.class, decrypt(keys.initiatorKey(), h));
    assertEquals(1, ping.enrSeq());

    // Node A's side: the same ephemeral key and deterministic signature give the same bytes.
    NodeKey eph = NodeKey.fromSecret(EPHEMERAL_KEY);
    assertArrayEquals(EPHEMERAL_PUB, eph.compressedPublicKey());
    byte[] aSecret = eph.ecdh(NODE_B.publicKey());
    assertArrayEquals(secret, aSecret);
    byte[] sig = Discv5Crypto.idSign(NODE_A, hex(challenge), EPHEMERAL_PUB, NODE_B.nodeId());
    byte[] authdata = PacketCodec.handshakeAuthdata(NODE_A.nodeId(), sig, EPHEMERAL_PUB, h.record());
    byte[] encoded = PacketCodec.encodeMessagePacket(NODE_B.nodeId(), ZERO_IV, PacketCodec.FLAG_HANDSHAKE, NONCE,
        authdata, keys.initiatorKey(), MessageCodec.encode(ping));
    assertArrayEquals(wire, encoded);
  }

  @Test
  void ecdh() throws Exception {
    NodeKey k = NodeKey.fromSecret(hex("fb757dc581730490a1d7a00deea65e9b1936924caaea8f44d476014856b68736"));
    byte[] shared = k.ecdh(Secp256k1.decodePoint(hex("039961e4c2356d61bedb83052c115d311acb3a96f5777296dcf297351130266231")));
    assertArrayEquals(hex("033b11a2a1f214567e1537ce5e509ffd9b21373247f2a3ff6841f4976f53165e7e"), shared);
  }

  @Test
  void keyDerivation() throws Exception {
    NodeKey eph = NodeKey.fromSecret(hex("fb757dc581730490a1d7a00deea65e9b1936924caaea8f44d476014856b68736"));
    byte[] secret = eph.ecdh(Secp256k1.decodePoint(hex("0317931e6e0840220642f230037d285d122bc59063221ef3226b1f403ddc69ca91")));
    Discv5Crypto.SessionKeys keys = Discv5Crypto.deriveKeys(secret, hex(CHALLENGE_SEQ0),
        NodeId.fromHex("aaaa8419e9f49d0083561b48287df592939a8d19947d8c0ef88f2a4856a69fbb"),
        NodeId.fromHex("bbbb9d047f0488c0b5a93c1c3f2d8bafc7c8ff337024a55434a0d0555de64db9"));
    assertArrayEquals(hex("dccc82d81bd610f4f76d3ebe97a40571"), keys.initiatorKey());
    assertArrayEquals(hex("ac74bb8773749920b0d3a8881c173ec5"), keys.recipientKey());
  }

  @Test
  void idNonceSigning() {
    NodeKey k = NodeKey.fromSecret(hex("fb757dc581730490a1d7a00deea65e9b1936924caaea8f44d476014856b68736"));
    byte[] eph = hex("039961e4c2356d61bedb83052c115d311acb3a96f5777296dcf297351130266231");
    NodeId b = NodeId.fromHex("bbbb9d047f0488c0b5a93c1c3f2d8bafc7c8ff337024a55434a0d0555de64db9");
    byte[] expected = hex("94852a1e2318c4e5e9d422c98eaf19d1d90d876b29cd06ca7cb7546d0fff7b484fe86c09a064fe72bdbef73ba8e9c34df0cd2b53e9d65528c2c7f336d5dfc6e6");
    assertArrayEquals(expected, Discv5Crypto.idSign(k, hex(CHALLENGE_SEQ0), eph, b));
    assertTrue(Discv5Crypto.idVerify(k.publicKey(), expected, hex(CHALLENGE_SEQ0), eph, b));
  }

  @Test
  void aesGcm() throws Exception {
    byte[] key = hex("9f2d77db7004bf8a1a85107ac686990b");
    byte[] nonce = hex("27b5af763c446acd2749fe8e");
    byte[] ad = hex("93a7400fa0d6a694ebc24d5cf570f65d04215b6ac00757875e3f3a5f42107903");
    byte[] ct = Discv5Crypto.aesGcmEncrypt(key, nonce, hex("01c20101"), ad);
    assertArrayEquals(hex("a5d12a2d94b8ccb3ba55558229867dc13bfa3648"), ct);
    assertArrayEquals(hex("01c20101"), Discv5Crypto.aesGcmDecrypt(key, nonce, ct, ad));
    ct[0] ^= 1;
    assertThrows(Discv5Exception.class, () -> Discv5Crypto.aesGcmDecrypt(key, nonce, ct, ad));
  }

  @Test
  void packetForAnotherNodeIsRefused() {
    byte[] wire = hex(PING);
    assertThrows(Discv5Exception.class, () -> PacketCodec.decode(wire, wire.length, NODE_A.nodeId()));
  }
}
