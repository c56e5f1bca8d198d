package dev.basalt.adapters.p2p.gossip;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;

/**
 * The topic meshes and fanout groups of a {@link GossipRouter}: GRAFT and PRUNE from peers (with
 * v1.1 backoff, grafting during a backoff is penalised), and the heartbeat's mesh maintenance:
 * peers with a negative score are pruned, a mesh below {@code Dlo} is filled to {@code D}, one
 * above {@code Dhi} is shrunk to {@code D} keeping the {@code Dscore} best and {@code Dout}
 * outbound peers, opportunistic grafting lifts a low median score, and idle fanout expires.
 * Kept apart because these are the decisions that shape who receives our blocks.
 */
final class MeshMaintenance {
  private final RouterState state;
  private final GossipParams params;
  private final ScoreParams scoreParams;
  private final SplittableRandom random;
  private final PeerScore score;
  private final Map<String, PeerState> peers;
  private final Map<String, TreeSet<String>> mesh;
  private final Map<String, TreeSet<String>> fanout;
  private final Map<String, Long> fanoutLastPublish;
  private final Map<String, Map<String, Long>> backoff;

  MeshMaintenance(RouterState state) {
    this.state = state;
    this.params = state.params;
    this.scoreParams = state.scoreParams;
    this.random = state.random;
    this.score = state.score;
    this.peers = state.peers;
    this.mesh = state.mesh;
    this.fanout = state.fanout;
    this.fanoutLastPublish = state.fanoutLastPublish;
    this.backoff = state.backoff;
  }

  void onGraft(String peer, PeerState ps, Rpc.Graft graft, long nowMillis) {
    TreeSet<String> m = mesh.get(graft.topic());
    if (m == null || m.contains(peer)) {
      return;
    }
    Long until = backoff.getOrDefault(graft.topic(), Map.of()).get(peer);
    if (until != null && nowMillis < until) {
      // Grafting during backoff is a protocol violation (v1.1): penalise and prune again.
      score.behaviourPenalty(peer, 1);
      prune(peer, graft.topic(), nowMillis);
      return;
    }
    if (score.score(peer, nowMillis) < 0 || (m.size() >= params.dhi() && !ps.outbound)) {
      prune(peer, graft.topic(), nowMillis);
      return;
    }
    m.add(peer);
    score.graft(peer, graft.topic(), nowMillis);
  }

  void onPrune(String peer, Rpc.Prune prune, long nowMillis) {
    TreeSet<String> m = mesh.get(prune.topic());
    if (m != null && m.remove(peer)) {
      score.prune(peer, prune.topic());
    }
    long backoffMillis = prune.backoffSeconds() > 0 ? prune.backoffSeconds() * 1000 : params.pruneBackoffMillis();
    backoff.computeIfAbsent(prune.topic(), t -> new HashMap<>()).merge(peer, nowMillis + backoffMillis, Math::max);
  }

  private void prune(String peer, String topic, long nowMillis) {
    backoff.computeIfAbsent(topic, t -> new HashMap<>()).merge(peer, nowMillis + params.pruneBackoffMillis(), Math::max);
    state.addControl(peer, new Rpc.Control(List.of(), List.of(), List.of(),
        List.of(new Rpc.Prune(topic, params.pruneBackoffMillis() / 1000)), List.of()));
  }
  void maintainMesh(String topic, TreeSet<String> m, long nowMillis) {
    for (Iterator<String> it = m.iterator(); it.hasNext(); ) {
      String p = it.next();
      if (score.score(p, nowMillis) < 0) {
        it.remove();
        score.prune(p, topic);
        prune(p, topic, nowMillis);
      }
    }
    if (m.size() < params.dlo()) {
      fillMesh(topic, m, params.d(), nowMillis, false);
    }
    if (m.size() > params.dhi()) {
      shrinkMesh(topic, m, nowMillis);
    }
    if (params.opportunisticGraftTicks() > 0 && state.heartbeats % params.opportunisticGraftTicks() == 0 && m.size() > 1) {
      opportunisticGraft(topic, m, nowMillis);
    }
  }

  /** Adds eligible topic peers (score ≥ 0, not backed off, not in the group) until it has {@code target}. */
  void fillMesh(String topic, TreeSet<String> group, int target, long nowMillis, boolean isFanout) {
    List<String> candidates = new ArrayList<>();
    Map<String, Long> off = backoff.getOrDefault(topic, Map.of());
    for (Map.Entry<String, PeerState> e : peers.entrySet()) {
      String p = e.getKey();
      double threshold = isFanout ? scoreParams.publishThreshold() : 0;
      if (!group.contains(p) && e.getValue().topics.contains(topic) && score.score(p, nowMillis) >= threshold
          && (isFanout || off.getOrDefault(p, 0L) <= nowMillis)) {
        candidates.add(p);
      }
    }
    state.shuffle(candidates);
    for (String p : candidates) {
      if (group.size() >= target) {
        break;
      }
      group.add(p);
      if (!isFanout) {
        score.graft(p, topic, nowMillis);
        state.addControl(p, new Rpc.Control(List.of(), List.of(), List.of(new Rpc.Graft(topic)), List.of(), List.of()));
      }
    }
  }

  private void shrinkMesh(String topic, TreeSet<String> m, long nowMillis) {
    List<String> byScore = new ArrayList<>(m);
    state.shuffle(byScore);
    byScore.sort((a, b) -> Double.compare(score.score(b, nowMillis), score.score(a, nowMillis)));
    List<String> keep = new ArrayList<>(byScore.subList(0, params.dscore()));
    List<String> rest = new ArrayList<>(byScore.subList(params.dscore(), byScore.size()));
    state.shuffle(rest);
    for (String p : rest) {
      if (keep.size() >= params.d()) {
        break;
      }
      keep.add(p);
    }
    long outbound = keep.stream().filter(p -> peers.get(p).outbound).count();
    for (String p : rest) {
      if (outbound >= params.dout()) {
        break;
      }
      if (!keep.contains(p) && peers.get(p).outbound) {
        // Replace the last inbound peer kept at random.
        for (int i = keep.size() - 1; i >= params.dscore(); i--) {
          if (!peers.get(keep.get(i)).outbound) {
            keep.set(i, p);
            outbound++;
            break;
          }
        }
      }
    }
    for (String p : new ArrayList<>(m)) {
      if (!keep.contains(p)) {
        m.remove(p);
        score.prune(p, topic);
        prune(p, topic, nowMillis);
      }
    }
  }

  private void opportunisticGraft(String topic, TreeSet<String> m, long nowMillis) {
    List<Double> scores = new ArrayList<>();
    m.forEach(p -> scores.add(score.score(p, nowMillis)));
    scores.sort(Double::compare);
    double median = scores.get(scores.size() / 2);
    if (median >= scoreParams.opportunisticGraftThreshold()) {
      return;
    }
    List<String> better = new ArrayList<>();
    Map<String, Long> off = backoff.getOrDefault(topic, Map.of());
    for (Map.Entry<String, PeerState> e : peers.entrySet()) {
      if (!m.contains(e.getKey()) && e.getValue().topics.contains(topic) && off.getOrDefault(e.getKey(), 0L) <= nowMillis
          && score.score(e.getKey(), nowMillis) > median) {
        better.add(e.getKey());
      }
    }
    state.shuffle(better);
    for (int i = 0; i < Math.min(params.opportunisticGraftPeers(), better.size()); i++) {
      m.add(better.get(i));
      score.graft(better.get(i), topic, nowMillis);
      state.addControl(better.get(i), new Rpc.Control(List.of(), List.of(), List.of(new Rpc.Graft(topic)), List.of(), List.of()));
    }
  }

  void maintainFanout(long nowMillis) {
    for (Iterator<Map.Entry<String, TreeSet<String>>> it = fanout.entrySet().iterator(); it.hasNext(); ) {
      Map.Entry<String, TreeSet<String>> e = it.next();
      if (fanoutLastPublish.getOrDefault(e.getKey(), 0L) + params.fanoutTtlMillis() < nowMillis) {
        fanoutLastPublish.remove(e.getKey());
        it.remove();
        continue;
      }
      e.getValue().removeIf(p -> !peers.containsKey(p) || !peers.get(p).topics.contains(e.getKey())
          || score.score(p, nowMillis) < scoreParams.publishThreshold());
      if (e.getValue().size() < params.d()) {
        fillMesh(e.getKey(), e.getValue(), params.d(), nowMillis, true);
      }
    }
  }
  void expireBackoff(long nowMillis) {
    backoff.values().forEach(m -> m.values().removeIf(until -> until + params.heartbeatMillis() < nowMillis));
  }
}
