package dev.basalt.adapters.p2p.gossip;

import dev.basalt.core.types.Bytes;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The state of one {@link GossipRouter}, shared by its parts ({@link MeshMaintenance}, {@link
 * LazyGossip}, {@link MessageDelivery}): parameters, peers, meshes and fanout, backoffs, the seen
 * and pending messages, IWANT promises, and the RPC parts an input produced, sent together by
 * {@link #flush}. The parts keep final references to the collections they use. One seeded random
 * generator serves every part, so a run with the same seed and inputs makes the same choices.
 */
final class RouterState {
  final GossipParams params;
  final ScoreParams scoreParams;
  final MessageIds.Variant idVariant;
  final Set<String> allowedTopics;
  final RouterOutput out;
  final SplittableRandom random;

  final PeerScore score;
  final MessageCache mcache;
  final Map<String, PeerState> peers = new TreeMap<>();
  final Map<String, TreeSet<String>> mesh = new TreeMap<>();
  final Map<String, TreeSet<String>> fanout = new TreeMap<>();
  final Map<String, Long> fanoutLastPublish = new HashMap<>();
  final Map<String, Map<String, Long>> backoff = new HashMap<>();
  final Map<Bytes, DeliveryRecord> seen = new HashMap<>();
  final ArrayDeque<Map.Entry<Bytes, Long>> seenOrder = new ArrayDeque<>();
  final Map<Bytes, DeliveryRecord> pending = new HashMap<>();
  final Map<Bytes, Map.Entry<String, Long>> promises = new HashMap<>();
  final Map<String, Rpc.Control> outgoingControl = new TreeMap<>();
  final Map<String, List<Rpc.Message>> outgoingMessages = new TreeMap<>();
  final Map<String, List<Rpc.SubOpts>> outgoingSubs = new TreeMap<>();
  final GossipStats stats = new GossipStats();
  long heartbeats;

  RouterState(GossipParams params, ScoreParams scoreParams, MessageIds.Variant idVariant, Set<String> allowedTopics,
      RouterOutput out, long seed) {
    this.params = params;
    this.scoreParams = scoreParams;
    this.idVariant = idVariant;
    this.allowedTopics = Set.copyOf(allowedTopics);
    this.out = out;
    this.random = new SplittableRandom(seed);
    this.score = new PeerScore(scoreParams);
    this.mcache = new MessageCache(params.historyLength(), params.historyGossip());
  }

  /** Fisher-Yates with the router's seeded generator (the order of draws is part of the replayable behaviour). */
  void shuffle(List<String> list) {
    for (int i = list.size() - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      String t = list.get(i);
      list.set(i, list.get(j));
      list.set(j, t);
    }
  }

  /** Queues control for {@code peer}, merged with what this input already queued for it. */
  void addControl(String peer, Rpc.Control c) {
    outgoingControl.merge(peer, c, Rpc.Control::plus);
  }

  /** Sends what this input produced: one RPC per peer, subscriptions, messages and control together. */
  void flush() {
    Set<String> targets = new TreeSet<>(outgoingControl.keySet());
    targets.addAll(outgoingMessages.keySet());
    targets.addAll(outgoingSubs.keySet());
    for (String p : targets) {
      Rpc rpc = new Rpc(outgoingSubs.getOrDefault(p, List.of()), outgoingMessages.getOrDefault(p, List.of()),
          outgoingControl.getOrDefault(p, Rpc.Control.EMPTY));
      if (!rpc.isEmpty() && peers.containsKey(p)) {
        stats.rpcsOut++;
        out.send(p, rpc);
      }
    }
    outgoingControl.clear();
    outgoingMessages.clear();
    outgoingSubs.clear();
  }
}
