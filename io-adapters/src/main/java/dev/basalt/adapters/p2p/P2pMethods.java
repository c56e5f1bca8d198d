package dev.basalt.adapters.p2p;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.basalt.adapters.rpc.MethodRegistry;
import dev.basalt.adapters.rpc.RpcCall;
import dev.basalt.adapters.rpc.RpcError;
import dev.basalt.adapters.rpc.RpcMethod;
import dev.basalt.core.p2p.BlockVersion;
import dev.basalt.core.p2p.GossipMessage;
import dev.basalt.adapters.p2p.discv5.Discv5Service;
import dev.basalt.adapters.p2p.enr.Enr;
import dev.basalt.adapters.p2p.gossip.GossipNetwork;
import dev.basalt.adapters.p2p.host.Connection;
import dev.basalt.adapters.p2p.host.Direction;
import dev.basalt.adapters.p2p.identity.PeerId;
import dev.basalt.adapters.p2p.multiaddr.Multiaddr;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * op-node's {@code opp2p_*} methods over the P2P service, with its JSON shapes as far as Basalt has
 * the data (fields it has none for are zero or empty, never invented): {@code self}, {@code peers},
 * {@code peerStats}, {@code discoveryTable}, peer and address blocks, {@code connectPeer}, {@code
 * disconnectPeer}, {@code protectPeer / unprotectPeer} (the peer manager never trims a protected
 * peer), subnet blocks (CIDR, checked on dial and accept). Router state is read
 * on the gossip thread ({@link GossipNetwork#query}), never from the RPC event loop.
 */
public final class P2pMethods {
  private static final JsonFactory JSON = new JsonFactory();
  /** op-node's {@code network.Connectedness}: Connected. */
  private static final int CONNECTED = 1;

  private final P2pService p2p;
  private final Optional<Discv5Service> discovery;
  private final long chainId;

  public P2pMethods(P2pService p2p, Optional<Discv5Service> discovery, long l2ChainId) {
    this.p2p = p2p;
    this.discovery = discovery;
    this.chainId = l2ChainId;
  }

  public void registerInto(MethodRegistry registry) {
    registry.register("opp2p_self", call -> {
      call.params().atMost(0);
      return scores().thenApply(s -> write(g -> self(g)));
    });
    registry.register("opp2p_peers", this::peers);
    registry.register("opp2p_peerStats", this::peerStats);
    registry.register("opp2p_discoveryTable", call -> {
      call.params().atMost(0);
      List<Enr> table = discovery.map(Discv5Service::table).orElse(List.of());
      return RpcMethod.done(write(g -> {
        g.writeStartArray();
        for (Enr e : table) {
          g.writeString(e.toText());
        }
        g.writeEndArray();
      }));
    });
    registry.register("opp2p_blockPeer", call -> {
      PeerId id = peerId(call.params().atMost(1).string(0));
      p2p.bans().blockPeer(id.toString(), Long.MAX_VALUE);
      p2p.host().disconnect(id);
      return RpcMethod.done("null");
    });
    registry.register("opp2p_unblockPeer", call -> {
      p2p.bans().unblockPeer(peerId(call.params().atMost(1).string(0)).toString());
      return RpcMethod.done("null");
    });
    registry.register("opp2p_listBlockedPeers", call -> {
      call.params().atMost(0);
      return RpcMethod.done(strings(p2p.bans().blockedPeers().keySet()));
    });
    registry.register("opp2p_blockAddr", call -> {
      p2p.bans().blockAddr(ip(call.params().atMost(1).string(0)));
      return RpcMethod.done("null");
    });
    registry.register("opp2p_unblockAddr", call -> {
      p2p.bans().unblockAddr(ip(call.params().atMost(1).string(0)));
      return RpcMethod.done("null");
    });
    registry.register("opp2p_listBlockedAddrs", call -> {
      call.params().atMost(0);
      return RpcMethod.done(strings(p2p.bans().blockedAddrs().keySet()));
    });
    registry.register("opp2p_connectPeer", this::connectPeer);
    registry.register("opp2p_disconnectPeer", call -> {
      PeerId peer = peerId(call.params().atMost(1).string(0));
      if (p2p.peers() != null) {
        p2p.peers().disconnect(peer); // and no redial
      } else {
        p2p.host().disconnect(peer);
      }
      return RpcMethod.done("null");
    });
    registry.register("opp2p_protectPeer", call -> protect(call, true));
    registry.register("opp2p_unprotectPeer", call -> protect(call, false));
    registry.register("opp2p_blockSubnet", call -> {
      p2p.bans().blockSubnet(subnet(call.params().atMost(1).string(0)));
      return RpcMethod.done("null");
    });
    registry.register("opp2p_unblockSubnet", call -> {
      p2p.bans().unblockSubnet(subnet(call.params().atMost(1).string(0)));
      return RpcMethod.done("null");
    });
    registry.register("opp2p_listBlockedSubnets", call -> {
      call.params().atMost(0);
      return RpcMethod.done(strings(p2p.bans().blockedSubnets()));
    });
  }

  /** op-node: protected peers are never trimmed by the connection manager. */
  private CompletionStage<String> protect(RpcCall call, boolean on) {
    PeerId peer = peerId(call.params().atMost(1).string(0));
    if (p2p.peers() == null) {
      throw RpcError.server("P2P has not started");
    }
    if (on) {
      p2p.peers().protect(peer);
    } else {
      p2p.peers().unprotect(peer);
    }
    return RpcMethod.done("null");
  }

  private CompletionStage<String> connectPeer(RpcCall call) {
    String text = call.params().atMost(1).string(0);
    Multiaddr address;
    try {
      address = Multiaddr.parse(text);
    } catch (IllegalArgumentException e) {
      throw RpcError.invalidParams("bad peer address: " + e.getMessage());
    }
    if (address.peerId().isEmpty()) {
      throw RpcError.invalidParams("bad peer address: " + text + " has no /p2p/<peer id>");
    }
    CompletableFuture<String> out = new CompletableFuture<>();
    p2p.host().dial(address).whenComplete((c, e) -> {
      if (e != null) {
        out.completeExceptionally(RpcError.server("failed to connect to peer: " + e.getMessage()));
      } else {
        out.complete("null");
      }
    });
    return out;
  }

  private CompletionStage<String> peers(RpcCall call) {
    if (call.params().atMost(1).size() == 1) {
      call.params().bool(0); // op-node's "connected only"; Basalt keeps no peerstore of others, so both list the connected
    }
    return scores().thenApply(scores -> write(g -> {
      List<Connection> conns = new ArrayList<>(p2p.host().connections());
      g.writeStartObject();
      g.writeNumberField("totalConnected", conns.size());
      g.writeObjectFieldStart("peers");
      TreeMap<String, Connection> byPeer = new TreeMap<>();
      conns.forEach(c -> byPeer.putIfAbsent(c.remotePeer().toString(), c));
      for (Map.Entry<String, Connection> e : byPeer.entrySet()) {
        g.writeFieldName(e.getKey());
        peer(g, e.getValue(), scores);
      }
      g.writeEndObject();
      g.writeFieldName("bannedPeers");
      array(g, p2p.bans().blockedPeers().keySet());
      g.writeFieldName("bannedIPS");
      array(g, p2p.bans().blockedAddrs().keySet());
      g.writeFieldName("bannedSubnets");
      array(g, p2p.bans().blockedSubnets());
      g.writeEndObject();
    }));
  }

  private CompletionStage<String> peerStats(RpcCall call) {
    call.params().atMost(0);
    GossipNetwork gossip = p2p.gossip();
    List<String> topics = new ArrayList<>();
    for (BlockVersion v : BlockVersion.values()) {
      topics.add(GossipMessage.topic(chainId, v));
    }
    CompletableFuture<int[]> mesh = gossip == null ? CompletableFuture.completedFuture(new int[topics.size()])
        : gossip.query(r -> topics.stream().mapToInt(t -> r.meshPeers(t).size()).toArray());
    return mesh.thenApply(sizes -> write(g -> {
      g.writeStartObject();
      g.writeNumberField("connected", p2p.host().connections().size());
      g.writeNumberField("table", discovery.map(d -> d.table().size()).orElse(0));
      String[] names = {"blocksTopic", "blocksTopicV2", "blocksTopicV3", "blocksTopicV4"};
      for (int i = 0; i < names.length && i < sizes.length; i++) {
        g.writeNumberField(names[i], sizes[i]);
      }
      g.writeNumberField("banned", p2p.bans().blockedPeers().size());
      g.writeNumberField("known", discovery.map(d -> d.peers().size()).orElse(0));
      g.writeEndObject();
    }));
  }

  private void self(JsonGenerator g) throws IOException {
    g.writeStartObject();
    g.writeStringField("peerID", p2p.host().peerId().toString());
    g.writeStringField("nodeID", discovery.map(d -> d.localEnr().nodeId().toString()).orElse(""));
    g.writeStringField("userAgent", p2p.host().config().agentVersion());
    g.writeStringField("protocolVersion", "");
    g.writeStringField("ENR", discovery.map(d -> d.localEnr().toText()).orElse(""));
    g.writeFieldName("addresses");
    array(g, p2p.addresses().stream().map(Multiaddr::toString).toList());
    g.writeFieldName("protocols");
    array(g, p2p.host().protocols());
    g.writeNumberField("connectedness", 0);
    g.writeNumberField("direction", 0);
    g.writeBooleanField("protected", false);
    g.writeNumberField("chainID", chainId);
    g.writeNumberField("latency", 0);
    g.writeBooleanField("gossipBlocks", true);
    scoresField(g, 0);
    g.writeEndObject();
  }

  private void peer(JsonGenerator g, Connection c, Map<String, Double> scores) throws IOException {
    g.writeStartObject();
    g.writeStringField("peerID", c.remotePeer().toString());
    g.writeStringField("nodeID", "");
    g.writeStringField("userAgent", "");
    g.writeStringField("protocolVersion", "");
    g.writeStringField("ENR", "");
    g.writeFieldName("addresses");
    array(g, List.of(c.remoteAddress().toString()));
    g.writeNullField("protocols");
    g.writeNumberField("connectedness", CONNECTED);
    g.writeNumberField("direction", c.direction() == Direction.INBOUND ? 1 : 2);
    g.writeBooleanField("protected", p2p.peers() != null && p2p.peers().isProtected(c.remotePeer().toString()));
    g.writeNumberField("chainID", 0);
    g.writeNumberField("latency", 0);
    g.writeBooleanField("gossipBlocks", scores.containsKey(c.remotePeer().toString()));
    scoresField(g, scores.getOrDefault(c.remotePeer().toString(), 0.0));
    g.writeEndObject();
  }

  private static void scoresField(JsonGenerator g, double total) throws IOException {
    g.writeObjectFieldStart("scores");
    g.writeObjectFieldStart("gossip");
    g.writeNumberField("total", total);
    g.writeObjectFieldStart("blocks");
    g.writeNumberField("timeInMesh", 0);
    g.writeNumberField("firstMessageDeliveries", 0);
    g.writeNumberField("meshMessageDeliveries", 0);
    g.writeNumberField("invalidMessageDeliveries", 0);
    g.writeEndObject();
    g.writeNumberField("IPColocationFactor", 0);
    g.writeNumberField("behavioralPenalty", 0);
    g.writeEndObject();
    g.writeObjectFieldStart("reqResp");
    g.writeNumberField("validResponses", 0);
    g.writeNumberField("errorResponses", 0);
    g.writeNumberField("rejectedPayloads", 0);
    g.writeEndObject();
    g.writeEndObject();
  }

  /** Gossip scores of the router's peers (empty before P2P has started). */
  private CompletableFuture<Map<String, Double>> scores() {
    GossipNetwork gossip = p2p.gossip();
    if (gossip == null) {
      return CompletableFuture.completedFuture(Map.of());
    }
    long now = System.currentTimeMillis();
    return gossip.query(r -> {
      Map<String, Double> out = new TreeMap<>();
      for (String peer : r.peers()) {
        out.put(peer, r.score(peer, now));
      }
      return out;
    });
  }

  private static Subnet subnet(String text) {
    try {
      return Subnet.parse(text);
    } catch (IllegalArgumentException e) {
      throw RpcError.invalidParams("bad subnet: " + e.getMessage());
    }
  }

  private static PeerId peerId(String text) {
    try {
      return PeerId.parse(text);
    } catch (IllegalArgumentException e) {
      throw RpcError.invalidParams("bad peer id: " + e.getMessage());
    }
  }

  private static InetAddress ip(String text) {
    try {
      // Through the multiaddr parser: a literal only, never a name lookup.
      return Multiaddr.parse((text.contains(":") ? "/ip6/" : "/ip4/") + text + "/tcp/0").tcpSocketAddress().orElseThrow().getAddress();
    } catch (RuntimeException e) {
      throw RpcError.invalidParams("bad IP address: " + text);
    }
  }

  private interface Body {
    void write(JsonGenerator g) throws IOException;
  }

  private static String write(Body body) {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = JSON.createGenerator(out)) {
      body.write(g);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  private static void array(JsonGenerator g, java.util.Collection<String> items) throws IOException {
    g.writeStartArray();
    for (String s : items) {
      g.writeString(s);
    }
    g.writeEndArray();
  }

  private static String strings(Set<String> items) {
    return write(g -> array(g, items));
  }
}
