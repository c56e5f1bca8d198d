package dev.basalt.adapters.p2p.multiaddr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.basalt.adapters.p2p.identity.PeerId;
import dev.basalt.adapters.p2p.wire.WireException;
import java.net.InetSocketAddress;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class MultiaddrTest {
  private static final String PEER = "16Uiu2HAmSH2XVgZqYHWucap5kuPzLnt2TsNQkoppVxB5eJGvaXwm";

  @Test
  void binaryFormMatchesJsMultiaddr() throws Exception {
    // Vectors from @multiformats/multiaddr (installed with the interop harness).
    Multiaddr a = Multiaddr.parse("/ip4/127.0.0.1/tcp/9222/p2p/" + PEER);
    assertEquals("047f000001062406a5032700250802122103ca634cae0d49acb401d8a4c6b6fe8c55b70d115bf400769cc1400f3258cd3138",
        HexFormat.of().formatHex(a.toBytes()));
    assertEquals(a, Multiaddr.fromBytes(a.toBytes()));
    assertEquals("/ip4/127.0.0.1/tcp/9222/p2p/" + PEER, a.toString());
    assertEquals(PeerId.parse(PEER), a.peerId().orElseThrow());

    Multiaddr b = Multiaddr.parse("/ip6/::1/udp/30303");
    assertEquals("29000000000000000000000000000000019102765f", HexFormat.of().formatHex(b.toBytes()));
    assertEquals("/ip6/::1/udp/30303", Multiaddr.fromBytes(b.toBytes()).toString());
  }

  @Test
  void socketAddressesAndPeerParts() {
    Multiaddr a = Multiaddr.parse("/ip4/10.0.0.7/tcp/9222/ipfs/" + PEER);
    assertEquals(new InetSocketAddress("10.0.0.7", 9222), a.tcpSocketAddress().orElseThrow());
    assertEquals("/ip4/10.0.0.7/tcp/9222", a.withoutPeerId().toString());
    assertEquals(a, a.withoutPeerId().withPeerId(PeerId.parse(PEER)));
    assertEquals(Multiaddr.parse("/ip6/fe80::1:2/tcp/1"), Multiaddr.tcp(new InetSocketAddress("fe80::1:2", 1)));
    assertEquals("/ip6/2001:db8::1/tcp/5", Multiaddr.parse("/ip6/2001:0db8:0:0:0:0:0:1/tcp/5").toString());
    assertEquals("bootnode.example", Multiaddr.parse("/dns4/bootnode.example/tcp/9222").tcpSocketAddress().orElseThrow().getHostString());
    assertEquals(true, Multiaddr.parse("/ip4/1.2.3.4/udp/9").tcpSocketAddress().isEmpty());
  }

  @Test
  void rejectsBadText() {
    assertThrows(IllegalArgumentException.class, () -> Multiaddr.parse("ip4/1.2.3.4"));
    assertThrows(IllegalArgumentException.class, () -> Multiaddr.parse("/ip4/1.2.3.256/tcp/1"));
    assertThrows(IllegalArgumentException.class, () -> Multiaddr.parse("/ip4/1.2.3.4/tcp/65536"));
    assertThrows(IllegalArgumentException.class, () -> Multiaddr.parse("/ip4/1.2.3.4/quic"));
    assertThrows(IllegalArgumentException.class, () -> Multiaddr.parse("/ip6/not-an-address/tcp/1"));
    assertThrows(IllegalArgumentException.class, () -> Multiaddr.parse("/ip4/1.2.3.4/tcp"));
  }

  @Test
  void rejectsBadBinary() {
    assertThrows(WireException.class, () -> Multiaddr.fromBytes(new byte[] {4, 127, 0}));
    assertThrows(WireException.class, () -> Multiaddr.fromBytes(new byte[] {(byte) 0xa5, 0x03, 0x05, 0, 1}));
    assertThrows(WireException.class, () -> Multiaddr.fromBytes(new byte[] {0x7f}));
    assertThrows(WireException.class, () -> Multiaddr.fromBytes(new byte[] {(byte) 0xa5, 0x03, 0x03, 0x12, 0x01, 0x00}));
  }
}
