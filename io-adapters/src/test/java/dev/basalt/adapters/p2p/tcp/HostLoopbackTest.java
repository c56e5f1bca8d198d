package dev.basalt.adapters.p2p.tcp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.basalt.adapters.p2p.host.Connection;
import dev.basalt.adapters.p2p.host.ConnectionListener;
import dev.basalt.adapters.p2p.host.Direction;
import dev.basalt.adapters.p2p.host.Host;
import dev.basalt.adapters.p2p.host.HostConfig;
import dev.basalt.adapters.p2p.host.IdentifyInfo;
import dev.basalt.adapters.p2p.host.MuxerKind;
import dev.basalt.adapters.p2p.identity.IdentityKey;
import dev.basalt.adapters.p2p.multiaddr.Multiaddr;
import java.security.SecureRandom;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

class HostLoopbackTest {
  static final Multiaddr LOOPBACK = Multiaddr.parse("/ip4/127.0.0.1/tcp/0");

  static Host host(MuxerKind... muxers) {
    return Host.create(HostConfig.defaults(IdentityKey.generate(new SecureRandom())).withMuxers(List.of(muxers)).withIoThreads(1));
  }

  @ParameterizedTest
  @EnumSource(MuxerKind.class)
  void dialEchoIdentifyPing(MuxerKind muxer) throws Exception {
    try (Host server = host(muxer); Host client = host(muxer)) {
      server.setProtocolHandler(Echo.PROTOCOL, Echo.server());
      CountDownLatch serverSaw = new CountDownLatch(1);
      server.addConnectionListener(new ConnectionListener() {
        @Override
        public void onConnected(Connection c) {
          if (c.direction() == Direction.INBOUND && c.remotePeer().equals(client.peerId())) {
            serverSaw.countDown();
          }
        }
      });
      Multiaddr addr = server.listen(LOOPBACK).get(5, TimeUnit.SECONDS);
      Connection c = client.dial(addr.withPeerId(server.peerId())).get(5, TimeUnit.SECONDS);
      assertEquals(server.peerId(), c.remotePeer());
      assertEquals(muxer, c.muxer());
      assertTrue(serverSaw.await(5, TimeUnit.SECONDS));

      byte[] payload = new byte[1_000_000];
      new Random(1).nextBytes(payload);
      assertArrayEquals(payload, Echo.roundTrip(c, payload).get(10, TimeUnit.SECONDS));

      IdentifyInfo info = c.identified().get(5, TimeUnit.SECONDS);
      assertEquals("basalt", info.agentVersion());
      assertTrue(info.supports(Echo.PROTOCOL), info.protocols().toString());
      assertTrue(info.supports("/ipfs/ping/1.0.0"));
      assertTrue(c.ping().get(5, TimeUnit.SECONDS).toNanos() > 0);
      assertTrue(server.ping(client.peerId()).get(5, TimeUnit.SECONDS).toNanos() > 0);

      ExecutionException na = assertThrows(ExecutionException.class,
          () -> c.newStream(List.of("/not/served/1"), (s, d) -> { }).get(5, TimeUnit.SECONDS));
      assertTrue(na.getCause().getMessage().contains("none of"), na.getCause().getMessage());
      assertArrayEquals(new byte[] {1, 2, 3}, Echo.roundTrip(c, new byte[] {1, 2, 3}).get(5, TimeUnit.SECONDS), "connection survives a refused protocol");
    }
  }

  @Test
  void muxerPreferenceFallsBack() throws Exception {
    try (Host server = host(MuxerKind.MPLEX); Host client = host(MuxerKind.YAMUX, MuxerKind.MPLEX)) {
      Multiaddr addr = server.listen(LOOPBACK).get(5, TimeUnit.SECONDS);
      assertEquals(MuxerKind.MPLEX, client.dial(addr).get(5, TimeUnit.SECONDS).muxer());
    }
  }

  @Test
  void dialingTheWrongPeerIdFails() throws Exception {
    try (Host server = host(MuxerKind.YAMUX); Host client = host(MuxerKind.YAMUX)) {
      Multiaddr addr = server.listen(LOOPBACK).get(5, TimeUnit.SECONDS);
      ExecutionException e = assertThrows(ExecutionException.class,
          () -> client.dial(addr.withPeerId(client.peerId().equals(server.peerId()) ? null : IdentityKey.generate(new SecureRandom()).peerId())).get(5, TimeUnit.SECONDS));
      assertTrue(e.getCause().getMessage().contains("BAD_SIGNATURE"), e.getCause().getMessage());
      assertTrue(client.connections().isEmpty());
    }
  }
}
