package dev.basalt.adapters.p2p.enr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.HexFormat;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EnrTest {
  private static final HexFormat HEX = HexFormat.of();
  /** EIP-778 / devp2p enr.md test vector. */
  private static final String EIP778 = "enr:-IS4QHCYrYZbAKWCBRlAy5zzaDZXJBGkcnh4MHcBFZntXNFrdvJjX04jRzjzCBOonrkTfj499SZuOh8R33Ls8RRcy5wBgmlkgnY0gmlwhH8AAAGJc2VjcDI1NmsxoQPKY0yuDUmstAHYpMa2_oxVtw0RW_QAdpzBQA8yWM0xOIN1ZHCCdl8";

  @Test
  void eip778Vector() throws Exception {
    Enr enr = Enr.fromText(EIP778);
    assertEquals("a448f24c6d18e575453db13171562b71999873db5b286df957af199ec94617f7", enr.nodeId().toHex());
    assertEquals(1, enr.seq());
    assertEquals(InetAddress.getByName("127.0.0.1"), enr.ip4().orElseThrow());
    assertEquals(30303, enr.udp().orElseThrow());
    assertEquals(Optional.empty(), enr.tcp());
    assertEquals(EIP778, enr.toText());
    // Signing the same content with the vector's key reproduces the record (deterministic signatures).
    NodeKey key = NodeKey.fromSecret(HEX.parseHex("b71c71a67e1177ad4e901695e1b4b9ee17ae16c6668d313eac2f96dbcda3f291"));
    Enr again = Enr.builder().seq(1).ip(InetAddress.getByName("127.0.0.1")).udp(30303).sign(key);
    assertEquals(enr.nodeId(), again.nodeId());
    assertTrue(Enr.decode(again.encode()).equals(again));
  }

  @Test
  void tamperedRecordIsRefused() throws Exception {
    byte[] raw = Enr.fromText(EIP778).encode();
    raw[raw.length - 1] ^= 1; // the udp port
    assertThrows(EnrException.class, () -> Enr.decode(raw));
  }

  @Test
  void opstackEntryVectorsFromKona() throws Exception {
    assertArrayEquals(HEX.parseHex("820a00"), new OpStackEnrData(10, 0).encodeRlp());
    assertArrayEquals(HEX.parseHex("83854200"), new OpStackEnrData(8453, 0).encodeRlp());
    assertEquals(new OpStackEnrData(901, 0), OpStackEnrData.decodeRlp(HEX.parseHex("83850700")));
    // trailing bytes after the two varints are ignored, as op-node and kona do
    assertEquals(new OpStackEnrData(10, 0), OpStackEnrData.decodeRlp(HEX.parseHex("830a0007")));
    assertThrows(EnrException.class, () -> OpStackEnrData.decodeRlp(HEX.parseHex("81ff")));
  }

  @Test
  void basePublishedBootnodeCarriesChain8453() throws Exception {
    // A Base mainnet bootnode ENR from op-node p2p/config.go DefaultBootnodes.
    Enr enr = Enr.fromText("enr:-J24QNz9lbrKbN4iSmmjtnr7SjUMk4zB7f1krHZcTZx-JRKZd0kA2gjufUROD6T3sOWDVDnFJRvqBBo62zuF-hYCohOGAYiOoEyEgmlkgnY0gmlwhAPniryHb3BzdGFja4OFQgCJc2VjcDI1NmsxoQKNVFlCxh_B-716tTs-h1vMzZkSs1FTu_OYTNjgufplG4N0Y3CCJAaDdWRwgiQG");
    assertEquals(new OpStackEnrData(8453, 0), enr.opstack().orElseThrow());
    assertEquals(9222, enr.tcp().orElseThrow());
    assertEquals(9222, enr.udp().orElseThrow());
  }

  @Test
  void builderRoundTripAndSeqBump() throws Exception {
    NodeKey key = NodeKey.generate(new java.security.SecureRandom());
    Enr a = Enr.builder().ip(InetAddress.getByName("10.0.0.1")).tcp(9222).udp(9223).opstack(new OpStackEnrData(10, 0)).sign(key);
    Enr parsed = Enr.fromText(a.toText());
    assertEquals(a, parsed);
    assertEquals(key.nodeId(), parsed.nodeId());
    Enr b = parsed.toBuilder().udp(9999).sign(key);
    assertEquals(2, b.seq());
    assertEquals(9999, b.udp().orElseThrow());
    assertEquals(new OpStackEnrData(10, 0), b.opstack().orElseThrow());
  }

  @Test
  void enodeUrls() throws Exception {
    Enode e = Enode.parse("enode://2d4e7e9d48f4dd4efe9342706dd1b0024681bd4c3300d021f86fc75eab7865d4e0cbec6fbc883f011cfd6a57423e7e2f6e104baad2b744c3cafaec6bc7dc92c1@34.65.43.171:0?discport=30305");
    assertEquals(30305, e.udpPort());
    assertEquals(0, e.tcpPort());
    Enode f = Enode.parse("enode://869d07b5932f17e8490990f75a3f94195e9504ddb6b85f7189e5a9c0a8fff8b00aecf6f3ac450ecba6cdabdb5858788a94bde2b613e0f2d82e9b395355f76d1a@34.65.67.101:30305");
    assertEquals(30305, f.udpPort());
    assertThrows(EnrException.class, () -> Enode.parse("enode://abcd@1.2.3.4:1"));
  }

  @Test
  void rlpRejectsNonCanonicalAndTruncated() {
    assertThrows(EnrException.class, () -> Rlp.decode(HEX.parseHex("8105")));
    assertThrows(EnrException.class, () -> Rlp.decode(HEX.parseHex("b80100")));
    assertThrows(EnrException.class, () -> Rlp.decode(HEX.parseHex("c3010203ff")));
    assertThrows(EnrException.class, () -> Rlp.decode(HEX.parseHex("bbffffffff")));
  }
}
