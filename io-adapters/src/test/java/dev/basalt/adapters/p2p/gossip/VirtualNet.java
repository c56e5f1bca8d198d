package dev.basalt.adapters.p2p.gossip;

import dev.basalt.core.p2p.GossipOutcome;
import dev.basalt.core.types.Bytes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Routers connected in memory with virtual time: RPCs are queued and delivered in order, each
 * node validates with a function of the data (the core's role), and heartbeats run on the clock.
 */
final class VirtualNet {
  static final String TOPIC = "/optimism/901/2/blocks";

  final class Node implements RouterOutput {
    final String id;
    final GossipRouter router;
    final List<byte[]> validated = new ArrayList<>();
    final List<String> graylisted = new ArrayList<>();
    boolean holdVerdicts;
    final List<Bytes> held = new ArrayList<>();

    Node(String id, GossipParams params, ScoreParams score, long seed) {
      this.id = id;
      this.router = new GossipRouter(params, score, MessageIds.Variant.OP_NODE, Set.of(TOPIC), this, seed);
    }

    @Override
    public void send(String peer, Rpc rpc) {
      // Through the codec, as on the wire.
      queue.add(new Delivery(id, peer, RpcCodec.encode(rpc)));
    }

    @Override
    public void validate(Bytes messageId, String topic, byte[] data, String from, long receivedAtMillis) {
      validated.add(data);
      if (holdVerdicts) {
        held.add(messageId);
      } else {
        verdicts.add(() -> router.resolve(messageId, verdict.apply(data), now));
      }
    }

    @Override
    public void graylisted(String peer, double score) {
      graylisted.add(peer);
    }
  }

  record Delivery(String from, String to, byte[] rpc) {}

  final Map<String, Node> nodes = new HashMap<>();
  final ArrayDeque<Delivery> queue = new ArrayDeque<>();
  final ArrayDeque<Runnable> verdicts = new ArrayDeque<>();
  Function<byte[], GossipOutcome> verdict = d -> d.length > 0 && d[0] == (byte) 0xee ? GossipOutcome.REJECT : GossipOutcome.ACCEPT;
  long now = 1_000_000;
  long delivered;

  Node add(String id, GossipParams params, ScoreParams score) {
    Node n = new Node(id, params, score, id.hashCode());
    nodes.put(id, n);
    n.router.subscribe(TOPIC, now);
    return n;
  }

  Node add(String id) {
    return add(id, GossipParams.OP_NODE, ScoreParams.opNodeLight(2));
  }

  void connect(String a, String b) {
    nodes.get(a).router.addPeer(b, "10.0.0." + (Math.abs(b.hashCode()) % 250), true, now);
    nodes.get(b).router.addPeer(a, "10.0.0." + (Math.abs(a.hashCode()) % 250), false, now);
    settle();
  }

  void settle() {
    while (!queue.isEmpty() || !verdicts.isEmpty()) {
      while (!queue.isEmpty()) {
        Delivery d = queue.poll();
        Node to = nodes.get(d.to());
        if (to != null) {
          try {
            to.router.onRpc(d.from(), RpcCodec.decode(d.rpc()), now);
          } catch (dev.basalt.adapters.p2p.wire.WireException e) {
            throw new AssertionError(e);
          }
          delivered++;
        }
      }
      if (!verdicts.isEmpty()) {
        verdicts.poll().run();
      }
    }
  }

  /** Runs heartbeats for {@code millis} of virtual time. */
  void run(long millis) {
    long end = now + millis;
    while (now < end) {
      now += 500;
      for (Node n : nodes.values().stream().sorted((x, y) -> x.id.compareTo(y.id)).toList()) {
        n.router.heartbeat(now);
      }
      settle();
    }
  }
}
