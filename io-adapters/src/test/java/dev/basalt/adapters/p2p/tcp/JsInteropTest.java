package dev.basalt.adapters.p2p.tcp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.basalt.adapters.p2p.host.Connection;
import dev.basalt.adapters.p2p.host.ConnectionListener;
import dev.basalt.adapters.p2p.host.Direction;
import dev.basalt.adapters.p2p.host.Host;
import dev.basalt.adapters.p2p.host.HostConfig;
import dev.basalt.adapters.p2p.host.IdentifyInfo;
import dev.basalt.adapters.p2p.host.MuxerKind;
import dev.basalt.adapters.p2p.identity.IdentityKey;
import dev.basalt.adapters.p2p.identity.PeerId;
import dev.basalt.adapters.p2p.multiaddr.Multiaddr;
import java.security.SecureRandom;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Basalt's host against js-libp2p 3 (pinned in src/test/js): each side dials the other over
 * Noise + yamux and Noise + mplex, and identify, ping and an echo protocol work both ways.
 */
class JsInteropTest {
  private static JsPeer js;
  private static Host basalt;
  private static Multiaddr basaltAddr;

  @BeforeAll
  static void start() throws Exception {
    js = JsPeer.start();
    basalt = Host.create(HostConfig.defaults(IdentityKey.generate(new SecureRandom())).withIoThreads(2));
    basalt.setProtocolHandler(Echo.PROTOCOL, Echo.server());
    basaltAddr = basalt.listen(Multiaddr.parse("/ip4/127.0.0.1/tcp/0")).get(5, TimeUnit.SECONDS).withPeerId(basalt.peerId());
  }

  @AfterAll
  static void stop() throws Exception {
    if (basalt != null) {
      basalt.close();
    }
    if (js != null) {
      js.close();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"yamux", "mplex"})
  void basaltDialsJs(String muxer) throws Exception {
    JsonNode jsNode = js.node(muxer);
    PeerId jsPeer = PeerId.parse(jsNode.path("peerId").asText());
    assertTrue(jsPeer.secp256k1Key().isPresent(), "js identity is an inline secp256k1 key: " + jsPeer);
    Multiaddr addr = Multiaddr.parse(jsNode.path("addrs").get(0).asText());

    Connection c = basalt.dial(addr).get(10, TimeUnit.SECONDS);
    assertEquals(jsPeer, c.remotePeer(), "noise proved the dialed peer ID");
    assertEquals(jsPeer.secp256k1Key().get(), c.remotePublicKey());
    assertEquals(MuxerKind.valueOf(muxer.toUpperCase(java.util.Locale.ROOT)), c.muxer());

    IdentifyInfo info = c.identified().get(10, TimeUnit.SECONDS);
    assertTrue(info.agentVersion().startsWith("js-libp2p"), info.agentVersion());
    assertTrue(info.supports("/ipfs/ping/1.0.0") && info.supports(Echo.PROTOCOL), info.protocols().toString());
    assertTrue(c.ping().get(10, TimeUnit.SECONDS).toNanos() > 0);

    byte[] payload = new byte[300_000];
    new Random(7).nextBytes(payload);
    assertArrayEquals(payload, Echo.roundTrip(c, payload).get(10, TimeUnit.SECONDS));

    JsonNode seen = js.call("identified", muxer, Map.of("peer", basalt.peerId().toString()));
    assertEquals("basalt", seen.path("agentVersion").asText());
    assertTrue(seen.path("protocols").toString().contains("/ipfs/id/1.0.0"), seen.toString());
    assertTrue(js.call("ping", muxer, Map.of("peer", basalt.peerId().toString())).path("rtt").asDouble() >= 0);
    c.close();
  }

  @ParameterizedTest
  @ValueSource(strings = {"yamux", "mplex"})
  void jsDialsBasalt(String muxer) throws Exception {
    PeerId jsPeer = PeerId.parse(js.node(muxer).path("peerId").asText());
    CompletableFuture<Connection> inbound = new CompletableFuture<>();
    ConnectionListener l = new ConnectionListener() {
      @Override
      public void onConnected(Connection c) {
        if (c.remotePeer().equals(jsPeer) && c.direction() == Direction.INBOUND) {
          inbound.complete(c);
        }
      }
    };
    basalt.addConnectionListener(l);
    try {
      JsonNode r = js.call("dial", muxer, Map.of("addr", basaltAddr.toString(), "size", 300_000));
      assertEquals(basalt.peerId().toString(), r.path("remotePeer").asText());
      assertEquals("secp256k1", r.path("remoteType").asText());
      assertEquals("/noise", r.path("encryption").asText());
      assertEquals(MuxerKind.valueOf(muxer.toUpperCase(java.util.Locale.ROOT)).protocolId(), r.path("muxer").asText());
      assertTrue(r.path("echoOk").asBoolean(), "js echo through Basalt's echo handler: " + r);
      assertEquals("basalt", r.path("identify").path("agentVersion").asText());

      Connection c = inbound.get(10, TimeUnit.SECONDS);
      assertEquals(muxer, c.muxer().name().toLowerCase(java.util.Locale.ROOT));
      assertTrue(c.identified().get(10, TimeUnit.SECONDS).agentVersion().startsWith("js-libp2p"));
      assertTrue(c.ping().get(10, TimeUnit.SECONDS).toNanos() > 0);
      js.call("hangup", muxer, Map.of("peer", basalt.peerId().toString()));
    } finally {
      basalt.removeConnectionListener(l);
    }
  }
}
