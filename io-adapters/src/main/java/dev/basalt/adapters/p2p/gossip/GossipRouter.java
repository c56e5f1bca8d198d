package dev.basalt.adapters.p2p.gossip;

import dev.basalt.core.p2p.GossipOutcome;
import dev.basalt.core.types.Bytes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A GossipSub v1.1 router ({@code /meshsub/1.1.0}, also serving {@code /meshsub/1.0.0} peers) as a
 * single-threaded state machine: every input carries the time, every output goes to {@link
 * RouterOutput}, randomness comes from a seeded generator. The network layer and a scheduler drive
 * it on one thread; tests drive it directly with virtual time.
 *
 * <p>Validation is asynchronous, as in libp2p's pubsub: a new message is marked seen and handed to
 * {@link RouterOutput#validate}; {@link #resolve} with the verdict forwards it (accept), penalises
 * the senders (reject) or drops it (ignore). Signature policy StrictNoSign: messages carrying
 * {@code from}, {@code seqno}, {@code signature} or {@code key} are invalid.
 *
 * <p>This class takes the inputs and runs the heartbeat; the work is done by its parts, which share
 * one {@link RouterState}: {@link MessageDelivery} (receive, validate, forward, publish), {@link
 * LazyGossip} (IHAVE/IWANT) and {@link MeshMaintenance} (GRAFT/PRUNE, mesh and fanout upkeep).
 * Scoring is {@link PeerScore}, fed by all of them.
 */
public final class GossipRouter {
  /** op-node's per-topic validator timeout. */
  public static final long VALIDATION_TIMEOUT_MILLIS = 3_000;

  private final RouterState state;
  private final MeshMaintenance maintenance;
  private final LazyGossip lazy;
  private final MessageDelivery delivery;
  private final GossipParams params;
  private final ScoreParams scoreParams;
  private final Set<String> allowedTopics;
  final PeerScore score;
  private final MessageCache mcache;
  private final Map<String, PeerState> peers;
  private final Map<String, TreeSet<String>> mesh;
  private final Map<String, TreeSet<String>> fanout;
  private final Map<String, Long> fanoutLastPublish;
  private final Map<Bytes, DeliveryRecord> pending;
  private final Map<String, Rpc.Control> outgoingControl;
  private final Map<String, List<Rpc.Message>> outgoingMessages;
  private final Map<String, List<Rpc.SubOpts>> outgoingSubs;
  private final GossipStats stats;

  public GossipRouter(GossipParams params, ScoreParams scoreParams, MessageIds.Variant idVariant, Set<String> allowedTopics,
      RouterOutput out, long seed) {
    this.state = new RouterState(params, scoreParams, idVariant, allowedTopics, out, seed);
    this.maintenance = new MeshMaintenance(state);
    this.lazy = new LazyGossip(state);
    this.delivery = new MessageDelivery(state, maintenance);
    this.params = state.params;
    this.scoreParams = state.scoreParams;
    this.allowedTopics = state.allowedTopics;
    this.score = state.score;
    this.mcache = state.mcache;
    this.peers = state.peers;
    this.mesh = state.mesh;
    this.fanout = state.fanout;
    this.fanoutLastPublish = state.fanoutLastPublish;
    this.pending = state.pending;
    this.outgoingControl = state.outgoingControl;
    this.outgoingMessages = state.outgoingMessages;
    this.outgoingSubs = state.outgoingSubs;
    this.stats = state.stats;
  }

  // ---- inputs -------------------------------------------------------------------------------

  /** Joins {@code topic}: announce it to every peer and build its mesh (from fanout first). */
  public void subscribe(String topic, long nowMillis) {
    if (mesh.containsKey(topic) || !allowedTopics.contains(topic)) {
      return;
    }
    TreeSet<String> m = new TreeSet<>();
    TreeSet<String> fan = fanout.remove(topic);
    fanoutLastPublish.remove(topic);
    if (fan != null) {
      m.addAll(fan);
    }
    mesh.put(topic, m);
    for (String peer : peers.keySet()) {
      outgoingSubs.computeIfAbsent(peer, k -> new ArrayList<>()).add(new Rpc.SubOpts(true, topic));
    }
    maintenance.fillMesh(topic, m, params.d(), nowMillis, false);
    state.flush();
  }

  public void addPeer(String peer, String ip, boolean outbound, long nowMillis) {
    if (peers.containsKey(peer)) {
      return;
    }
    peers.put(peer, new PeerState(ip, outbound));
    score.addPeer(peer, ip);
    List<Rpc.SubOpts> subs = new ArrayList<>();
    mesh.keySet().forEach(t -> subs.add(new Rpc.SubOpts(true, t)));
    if (!subs.isEmpty()) {
      outgoingSubs.computeIfAbsent(peer, k -> new ArrayList<>()).addAll(subs);
    }
    state.flush();
  }

  public void removePeer(String peer, long nowMillis) {
    if (peers.remove(peer) == null) {
      return;
    }
    for (Map.Entry<String, TreeSet<String>> e : mesh.entrySet()) {
      if (e.getValue().remove(peer)) {
        score.prune(peer, e.getKey());
      }
    }
    fanout.values().forEach(f -> f.remove(peer));
    score.removePeer(peer, nowMillis);
    outgoingControl.remove(peer);
    outgoingMessages.remove(peer);
    outgoingSubs.remove(peer);
  }

  /**
   * One of several connections to {@code peer} closed, perhaps with RPCs in flight on it: tell it
   * our subscriptions again (idempotent for the peer) so it can mesh with us.
   */
  public void resendSubscriptions(String peer) {
    if (!peers.containsKey(peer) || mesh.isEmpty()) {
      return;
    }
    List<Rpc.SubOpts> subs = new ArrayList<>();
    mesh.keySet().forEach(t -> subs.add(new Rpc.SubOpts(true, t)));
    outgoingSubs.computeIfAbsent(peer, k -> new ArrayList<>()).addAll(subs);
    state.flush();
  }

  public void onRpc(String peer, Rpc rpc, long nowMillis) {
    PeerState ps = peers.get(peer);
    if (ps == null) {
      return;
    }
    stats.rpcsIn++;
    double s = score.score(peer, nowMillis);
    if (s < scoreParams.graylistThreshold()) {
      stats.graylistedRpcs++;
      return;
    }
    for (Rpc.SubOpts sub : rpc.subscriptions()) {
      onSubscription(peer, ps, sub);
    }
    for (Rpc.Message m : rpc.publish()) {
      delivery.onMessage(peer, ps, m, nowMillis);
    }
    Rpc.Control c = rpc.control();
    if (!c.isEmpty()) {
      boolean gossipOk = s >= scoreParams.gossipThreshold();
      if (gossipOk) {
        c.ihave().forEach(h -> lazy.onIHave(peer, ps, h, nowMillis));
        c.iwant().forEach(w -> lazy.onIWant(peer, w));
      }
      c.graft().forEach(g -> maintenance.onGraft(peer, ps, g, nowMillis));
      c.prune().forEach(p -> maintenance.onPrune(peer, p, nowMillis));
    }
    state.flush();
  }
  /** The verdict on a message handed to {@link RouterOutput#validate}. */
  public void resolve(Bytes messageId, GossipOutcome outcome, long nowMillis) {
    delivery.resolve(messageId, outcome, nowMillis);
  }

  /**
   * Publishes our own message (already known valid): to the mesh, or to every subscribed peer
   * above the publish threshold with flood publishing. Returns its id.
   */
  public Bytes publish(String topic, byte[] data, long nowMillis) {
    return delivery.publish(topic, data, nowMillis);
  }

  /** The periodic maintenance: mesh sizes, fanout expiry, gossip, caches, scores, timeouts. */
  public void heartbeat(long nowMillis) {
    state.heartbeats++;
    score.refresh(nowMillis);
    delivery.expireValidations(nowMillis);
    lazy.penaliseBrokenPromises(nowMillis);
    for (Map.Entry<String, TreeSet<String>> e : mesh.entrySet()) {
      maintenance.maintainMesh(e.getKey(), e.getValue(), nowMillis);
    }
    maintenance.maintainFanout(nowMillis);
    lazy.emitGossip(nowMillis);
    mcache.shift();
    delivery.expireSeen(nowMillis);
    maintenance.expireBackoff(nowMillis);
    for (PeerState ps : peers.values()) {
      ps.ihavesThisBeat = 0;
      ps.idsAskedThisBeat = 0;
    }
    state.flush();
  }
  private void onSubscription(String peer, PeerState ps, Rpc.SubOpts sub) {
    if (!allowedTopics.contains(sub.topic())) {
      return;
    }
    if (sub.subscribe()) {
      ps.topics.add(sub.topic());
    } else {
      ps.topics.remove(sub.topic());
      TreeSet<String> m = mesh.get(sub.topic());
      if (m != null && m.remove(peer)) {
        score.prune(peer, sub.topic());
      }
      TreeSet<String> f = fanout.get(sub.topic());
      if (f != null) {
        f.remove(peer);
      }
    }
  }
  // ---- introspection ------------------------------------------------------------------------

  public Set<String> meshPeers(String topic) {
    TreeSet<String> m = mesh.get(topic);
    return m == null ? Set.of() : Set.copyOf(m);
  }

  public Set<String> peers() {
    return Set.copyOf(peers.keySet());
  }

  public Set<String> topicsOf(String peer) {
    PeerState ps = peers.get(peer);
    return ps == null ? Set.of() : Set.copyOf(ps.topics);
  }

  public double score(String peer, long nowMillis) {
    return score.score(peer, nowMillis);
  }

  public GossipStats stats() {
    return stats;
  }

  public int pendingValidations() {
    return pending.size();
  }

  public int cachedMessages() {
    return mcache.size();
  }
}
