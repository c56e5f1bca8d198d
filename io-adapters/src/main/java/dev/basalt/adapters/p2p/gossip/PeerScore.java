package dev.basalt.adapters.p2p.gossip;

import java.util.HashMap;
import java.util.Map;

/**
 * The gossipsub v1.1 score of each peer (go-libp2p-pubsub {@code score.go}), per topic: P1 time in
 * mesh, P2 first deliveries, P3 mesh delivery deficit (squared), P3b mesh failure penalty, P4
 * invalid deliveries (squared); globally P6 IP colocation (squared surplus) and P7 behaviour penalty
 * (squared excess). Counters decay every decay interval. A disconnected peer's non-positive score is
 * retained, so reconnecting does not wash it. Single-threaded: the router owns it.
 */
final class PeerScore {
  private static final class TopicStats {
    boolean inMesh;
    long graftMillis;
    boolean meshActive;
    double firstDeliveries;
    double meshDeliveries;
    double meshFailurePenalty;
    double invalidDeliveries;
  }

  private static final class Stats {
    final Map<String, TopicStats> topics = new HashMap<>();
    String ip = "";
    boolean connected = true;
    long expireMillis;
    double behaviourPenalty;
  }

  private final ScoreParams p;
  private final Map<String, Stats> peers = new HashMap<>();
  private final Map<String, Integer> peersPerIp = new HashMap<>();
  private long lastDecayMillis;

  PeerScore(ScoreParams params) {
    this.p = params;
  }

  void addPeer(String peer, String ip) {
    Stats s = peers.computeIfAbsent(peer, k -> new Stats());
    s.connected = true;
    if (!s.ip.isEmpty()) {
      peersPerIp.merge(s.ip, -1, Integer::sum);
    }
    s.ip = ip;
    peersPerIp.merge(ip, 1, Integer::sum);
  }

  void removePeer(String peer, long nowMillis) {
    Stats s = peers.get(peer);
    if (s == null) {
      return;
    }
    peersPerIp.merge(s.ip, -1, Integer::sum);
    if (score(peer, nowMillis) > 0) {
      peers.remove(peer);
      return;
    }
    s.connected = false;
    s.expireMillis = nowMillis + p.retainScoreMillis();
    for (TopicStats t : s.topics.values()) {
      t.inMesh = false;
      // A retained peer keeps only its penalties (go resets the positive counters).
      t.firstDeliveries = 0;
    }
  }

  private TopicStats topic(String peer, String topic) {
    Stats s = peers.computeIfAbsent(peer, k -> new Stats());
    return s.topics.computeIfAbsent(topic, k -> new TopicStats());
  }

  void graft(String peer, String topic, long nowMillis) {
    TopicStats t = topic(peer, topic);
    t.inMesh = true;
    t.graftMillis = nowMillis;
    t.meshActive = false;
  }

  void prune(String peer, String topic) {
    TopicStats t = topic(peer, topic);
    if (t.meshActive && t.meshDeliveries < p.meshDeliveriesThreshold()) {
      double deficit = p.meshDeliveriesThreshold() - t.meshDeliveries;
      t.meshFailurePenalty += deficit * deficit;
    }
    t.inMesh = false;
  }

  /** {@code peer} delivered a message first and it validated. */
  void firstDelivery(String peer, String topic) {
    TopicStats t = topic(peer, topic);
    t.firstDeliveries = Math.min(p.firstDeliveriesCap(), t.firstDeliveries + 1);
    if (t.inMesh) {
      t.meshDeliveries = Math.min(p.meshDeliveriesCap(), t.meshDeliveries + 1);
    }
  }

  /** {@code peer} delivered a valid message another peer delivered first, within the window or not. */
  void duplicateDelivery(String peer, String topic, long firstSeenMillis, long nowMillis) {
    TopicStats t = topic(peer, topic);
    if (t.inMesh && nowMillis - firstSeenMillis <= p.meshDeliveriesWindowMillis()) {
      t.meshDeliveries = Math.min(p.meshDeliveriesCap(), t.meshDeliveries + 1);
    }
  }

  void invalidDelivery(String peer, String topic) {
    topic(peer, topic).invalidDeliveries += 1;
  }

  void behaviourPenalty(String peer, double amount) {
    peers.computeIfAbsent(peer, k -> new Stats()).behaviourPenalty += amount;
  }

  /** Runs the decays that are due and expires retained scores. */
  void refresh(long nowMillis) {
    if (lastDecayMillis == 0) {
      lastDecayMillis = nowMillis;
    }
    while (nowMillis - lastDecayMillis >= p.decayIntervalMillis()) {
      lastDecayMillis += p.decayIntervalMillis();
      peers.values().removeIf(s -> !s.connected && s.expireMillis <= nowMillis);
      for (Stats s : peers.values()) {
        s.behaviourPenalty = zeroed(s.behaviourPenalty * p.behaviourPenaltyDecay());
        for (TopicStats t : s.topics.values()) {
          t.firstDeliveries = zeroed(t.firstDeliveries * p.firstDeliveriesDecay());
          t.meshDeliveries = zeroed(t.meshDeliveries * p.meshDeliveriesDecay());
          t.meshFailurePenalty = zeroed(t.meshFailurePenalty * p.meshFailurePenaltyDecay());
          t.invalidDeliveries = zeroed(t.invalidDeliveries * p.invalidDeliveriesDecay());
        }
      }
    }
    for (Stats s : peers.values()) {
      for (TopicStats t : s.topics.values()) {
        if (t.inMesh && !t.meshActive && nowMillis - t.graftMillis >= p.meshDeliveriesActivationMillis()) {
          t.meshActive = true;
        }
      }
    }
  }

  private double zeroed(double v) {
    return v < p.decayToZero() ? 0 : v;
  }

  double score(String peer, long nowMillis) {
    if (!p.enabled()) {
      return 0;
    }
    Stats s = peers.get(peer);
    if (s == null) {
      return 0;
    }
    double topics = 0;
    for (TopicStats t : s.topics.values()) {
      double ts = 0;
      if (t.inMesh) {
        double inMesh = Math.min((double) (nowMillis - t.graftMillis) / p.timeInMeshQuantumMillis(), p.timeInMeshCap());
        ts += inMesh * p.timeInMeshWeight();
      }
      ts += t.firstDeliveries * p.firstDeliveriesWeight();
      if (t.meshActive && t.meshDeliveries < p.meshDeliveriesThreshold()) {
        double deficit = p.meshDeliveriesThreshold() - t.meshDeliveries;
        ts += deficit * deficit * p.meshDeliveriesWeight();
      }
      ts += t.meshFailurePenalty * p.meshFailurePenaltyWeight();
      ts += t.invalidDeliveries * t.invalidDeliveries * p.invalidDeliveriesWeight();
      topics += ts * p.topicWeight();
    }
    double score = Math.min(topics, p.topicScoreCap());
    int sharing = peersPerIp.getOrDefault(s.ip, 0);
    if (s.connected && sharing > p.ipColocationThreshold()) {
      double surplus = sharing - p.ipColocationThreshold();
      score += surplus * surplus * p.ipColocationWeight();
    }
    if (s.behaviourPenalty > p.behaviourPenaltyThreshold()) {
      double excess = s.behaviourPenalty - p.behaviourPenaltyThreshold();
      score += excess * excess * p.behaviourPenaltyWeight();
    }
    return score;
  }
}
