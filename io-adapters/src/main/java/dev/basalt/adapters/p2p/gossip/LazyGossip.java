package dev.basalt.adapters.p2p.gossip;

import dev.basalt.core.types.Bytes;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * GossipSub's lazy push (IHAVE/IWANT) for a {@link GossipRouter}: each heartbeat advertises the
 * recent message ids to non-mesh topic peers above the gossip threshold; an IHAVE for ids we have
 * not seen is answered with an IWANT (bounded per peer and heartbeat, IHAVE floods are counted and
 * dropped) and one id of it becomes a promise, penalised if the message does not follow in time;
 * an IWANT is served from the message cache, at most {@code maxIWantTransmissions} times per peer.
 */
final class LazyGossip {
  private final RouterState state;
  private final GossipParams params;
  private final ScoreParams scoreParams;
  private final SplittableRandom random;
  private final PeerScore score;
  private final MessageCache mcache;
  private final Map<String, PeerState> peers;
  private final Map<String, TreeSet<String>> mesh;
  private final Map<String, TreeSet<String>> fanout;
  private final Map<Bytes, DeliveryRecord> seen;
  private final Map<Bytes, Map.Entry<String, Long>> promises;
  private final Map<String, List<Rpc.Message>> outgoingMessages;
  private final GossipStats stats;

  LazyGossip(RouterState state) {
    this.state = state;
    this.params = state.params;
    this.scoreParams = state.scoreParams;
    this.random = state.random;
    this.score = state.score;
    this.mcache = state.mcache;
    this.peers = state.peers;
    this.mesh = state.mesh;
    this.fanout = state.fanout;
    this.seen = state.seen;
    this.promises = state.promises;
    this.outgoingMessages = state.outgoingMessages;
    this.stats = state.stats;
  }

  void onIHave(String peer, PeerState ps, Rpc.IHave ihave, long nowMillis) {
    if (!mesh.containsKey(ihave.topic())) {
      return;
    }
    ps.ihavesThisBeat++;
    if (ps.ihavesThisBeat > params.maxIHaveMessages() || ps.idsAskedThisBeat >= params.maxIHaveLength()) {
      stats.ihaveFloods++;
      return;
    }
    List<byte[]> want = new ArrayList<>();
    for (byte[] raw : ihave.messageIds()) {
      Bytes id = Bytes.of(raw);
      if (!seen.containsKey(id) && want.size() + ps.idsAskedThisBeat < params.maxIHaveLength()) {
        want.add(raw);
      }
    }
    if (want.isEmpty()) {
      return;
    }
    ps.idsAskedThisBeat += want.size();
    Bytes promised = Bytes.of(want.get(random.nextInt(want.size())));
    promises.putIfAbsent(promised, Map.entry(peer, nowMillis + params.iwantFollowupMillis()));
    state.addControl(peer, new Rpc.Control(List.of(), List.of(new Rpc.IWant(want)), List.of(), List.of(), List.of()));
  }

  void onIWant(String peer, Rpc.IWant iwant) {
    int n = 0;
    for (byte[] raw : iwant.messageIds()) {
      if (++n > params.maxIHaveLength()) {
        break;
      }
      Rpc.Message m = mcache.getForPeer(Bytes.of(raw), peer, params.maxIWantTransmissions());
      if (m != null) {
        outgoingMessages.computeIfAbsent(peer, k -> new ArrayList<>()).add(m);
      }
    }
  }
  void emitGossip(long nowMillis) {
    Map<String, TreeSet<String>> groups = new TreeMap<>(mesh);
    groups.putAll(fanout);
    for (Map.Entry<String, TreeSet<String>> e : groups.entrySet()) {
      List<Bytes> ids = mcache.gossipIds(e.getKey());
      if (ids.isEmpty()) {
        continue;
      }
      List<String> eligible = new ArrayList<>();
      for (Map.Entry<String, PeerState> pe : peers.entrySet()) {
        if (!e.getValue().contains(pe.getKey()) && pe.getValue().topics.contains(e.getKey())
            && score.score(pe.getKey(), nowMillis) >= scoreParams.gossipThreshold()) {
          eligible.add(pe.getKey());
        }
      }
      int target = Math.max(params.dlazy(), (int) (params.gossipFactor() * eligible.size()));
      state.shuffle(eligible);
      List<byte[]> raw = new ArrayList<>();
      for (Bytes id : ids.subList(0, Math.min(ids.size(), params.maxIHaveLength()))) {
        raw.add(id.toArray());
      }
      for (String p : eligible.subList(0, Math.min(target, eligible.size()))) {
        state.addControl(p, new Rpc.Control(List.of(new Rpc.IHave(e.getKey(), raw)), List.of(), List.of(), List.of(), List.of()));
      }
    }
  }
  void penaliseBrokenPromises(long nowMillis) {
    for (Iterator<Map.Entry<Bytes, Map.Entry<String, Long>>> it = promises.entrySet().iterator(); it.hasNext(); ) {
      Map.Entry<String, Long> p = it.next().getValue();
      if (p.getValue() <= nowMillis) {
        it.remove();
        score.behaviourPenalty(p.getKey(), 1);
        stats.brokenPromises++;
      }
    }
  }
}
