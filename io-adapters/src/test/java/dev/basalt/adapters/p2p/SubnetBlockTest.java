package dev.basalt.adapters.p2p;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.basalt.adapters.p2p.host.Host;
import dev.basalt.adapters.p2p.host.HostConfig;
import dev.basalt.adapters.p2p.identity.IdentityKey;
import dev.basalt.adapters.p2p.multiaddr.Multiaddr;
import java.net.InetAddress;
import java.security.SecureRandom;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** CIDR subnets ({@code opp2p_blockSubnet}) and the gate they put on dials and accepted connections. */
class SubnetBlockTest {
  @Test
  void parsesAndPrintsAsGoDoes() throws Exception {
    assertEquals("10.0.0.0/8", Subnet.parse("10.1.2.3/8").toString(), "host bits cleared");
    assertEquals("192.168.1.0/24", Subnet.parse("192.168.1.0/24").toString());
    assertEquals("fd00::/8", Subnet.parse("fd12:3456::1/8").toString());
    assertEquals("0.0.0.0/0", Subnet.parse("1.2.3.4/0").toString());
    assertTrue(Subnet.parse("10.0.0.0/8").contains(InetAddress.getByName("10.255.0.1")));
    assertFalse(Subnet.parse("10.0.0.0/8").contains(InetAddress.getByName("11.0.0.1")));
    assertFalse(Subnet.parse("10.0.0.0/8").contains(InetAddress.getByName("::1")), "other family");
    assertTrue(Subnet.parse("192.168.1.128/25").contains(InetAddress.getByName("192.168.1.200")));
    assertFalse(Subnet.parse("192.168.1.128/25").contains(InetAddress.getByName("192.168.1.127")));
    for (String bad : new String[] {"10.0.0.0", "10.0.0.0/33", "10.0.0.0/-1", "example.com/8", "::/129", "10.0.0.0/x", "/8"}) {
      assertThrows(IllegalArgumentException.class, () -> Subnet.parse(bad), bad);
    }
  }

  @Test
  void aBlockedSubnetRefusesDialsAndInboundConnections() throws Exception {
    BanList bans = new BanList(System::currentTimeMillis);
    try (Host guarded = Host.create(HostConfig.defaults(IdentityKey.generate(new SecureRandom())).withGater(bans).withIoThreads(1));
        Host other = Host.create(HostConfig.defaults(IdentityKey.generate(new SecureRandom())).withIoThreads(1))) {
      Multiaddr guardedAt = guarded.listen(Multiaddr.parse("/ip4/127.0.0.1/tcp/0")).get(5, TimeUnit.SECONDS).withPeerId(guarded.peerId());
      Multiaddr otherAt = other.listen(Multiaddr.parse("/ip4/127.0.0.1/tcp/0")).get(5, TimeUnit.SECONDS).withPeerId(other.peerId());
      bans.blockSubnet(Subnet.parse("127.0.0.0/8"));
      assertEquals(Set.of("127.0.0.0/8"), bans.blockedSubnets());
      assertThrows(ExecutionException.class, () -> guarded.dial(otherAt).get(5, TimeUnit.SECONDS), "dial refused");
      try {
        other.dial(guardedAt).get(5, TimeUnit.SECONDS);
      } catch (ExecutionException expected) {
        // refused before the handshake
      }
      Thread.sleep(200);
      assertTrue(guarded.connections().isEmpty(), "inbound connection from the blocked subnet refused");
      bans.unblockSubnet(Subnet.parse("127.1.2.3/8"));
      assertTrue(bans.blockedSubnets().isEmpty());
      guarded.dial(otherAt).get(5, TimeUnit.SECONDS);
      assertTrue(guarded.isConnected(other.peerId()));
    }
  }
}
