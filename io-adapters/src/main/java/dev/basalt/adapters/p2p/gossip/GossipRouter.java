package dev.basalt.adapters.p2p.gossip;

import dev.basalt.core.p2p.GossipOutcome;
import dev.basalt.core.types.Bytes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
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
 */
public final class GossipRouter {
  /** op-node's per-topic validator timeout. */
  public static final long VALIDATION_TIMEOUT_MILLIS = 3_000;

  private final GossipParams params;
  private final ScoreParams scoreParams;
  private final MessageIds.Variant idVariant;
  private final Set<String> allowedTopics;
  private final RouterOutput out;
  private final SplittableRandom random;

  final PeerScore score;
  private final MessageCache mcache;
  private final Map<String, PeerState> peers = new TreeMap<>();
  private final Map<String, TreeSet<String>> mesh = new TreeMap<>();
  private final Map<String, TreeSet<String>> fanout = new TreeMap<>();
  private final Map<String, Long> fanoutLastPublish = new HashMap<>();
  private final Map<String, Map<String, Long>> backoff = new HashMap<>();
  private final Map<Bytes, DeliveryRecord> seen = new HashMap<>();
  private final ArrayDeque<Map.Entry<Bytes, Long>> seenOrder = new ArrayDeque<>();
  private final Map<Bytes, DeliveryRecord> pending = new HashMap<>();
  private final Map<Bytes, Map.Entry<String, Long>> promises = new HashMap<>();
  private final Map<String, Rpc.Control> outgoingControl = new TreeMap<>();
  private final Map<String, List<Rpc.Message>> outgoingMessages = new TreeMap<>();
  private final Map<String, List<Rpc.SubOpts>> outgoingSubs = new TreeMap<>();
  private final GossipStats stats = new GossipStats();
  private long heartbeats;

  static final class PeerState {
    final String ip;
    final boolean outbound;
    final Set<String> topics = new TreeSet<>();
    int ihavesThisBeat;
    int idsAskedThisBeat;
    int pendingValidations;

    PeerState(String ip, boolean outbound) {
      this.ip = ip;
      this.outbound = outbound;
    }
  }

  public GossipRouter(GossipParams params, ScoreParams scoreParams, MessageIds.Variant idVariant, Set<String> allowedTopics,
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
    fillMesh(topic, m, params.d(), nowMillis, false);
    flush();
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
    flush();
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
    flush();
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
      onMessage(peer, ps, m, nowMillis);
    }
    Rpc.Control c = rpc.control();
    if (!c.isEmpty()) {
      boolean gossipOk = s >= scoreParams.gossipThreshold();
      if (gossipOk) {
        c.ihave().forEach(h -> onIHave(peer, ps, h, nowMillis));
        c.iwant().forEach(w -> onIWant(peer, w));
      }
      c.graft().forEach(g -> onGraft(peer, ps, g, nowMillis));
      c.prune().forEach(p -> onPrune(peer, p, nowMillis));
    }
    flush();
  }

  /** The verdict on a message handed to {@link RouterOutput#validate}. */
  public void resolve(Bytes messageId, GossipOutcome outcome, long nowMillis) {
    DeliveryRecord r = pending.remove(messageId);
    if (r == null || r.status != DeliveryRecord.Status.PENDING) {
      return;
    }
    PeerState from = peers.get(r.firstFrom);
    if (from != null) {
      from.pendingValidations--;
    }
    r.status = DeliveryRecord.of(outcome);
    switch (outcome) {
      case ACCEPT -> {
        stats.accepted++;
        mcache.put(messageId, r.message);
        score.firstDelivery(r.firstFrom, r.topic);
        r.duplicatePeers.forEach(p -> score.duplicateDelivery(p, r.topic, r.firstSeenMillis, nowMillis));
        forward(messageId, r, nowMillis);
      }
      case REJECT -> {
        stats.rejected++;
        score.invalidDelivery(r.firstFrom, r.topic);
        r.duplicatePeers.forEach(p -> score.invalidDelivery(p, r.topic));
        reportGraylisted(r.firstFrom, nowMillis);
      }
      case IGNORE -> stats.ignored++;
    }
    flush();
  }

  /**
   * Publishes our own message (already known valid): to the mesh, or to every subscribed peer
   * above the publish threshold with flood publishing. Returns its id.
   */
  public Bytes publish(String topic, byte[] data, long nowMillis) {
    Bytes id = MessageIds.of(idVariant, topic, data);
    if (seen.containsKey(id)) {
      return id;
    }
    Rpc.Message m = Rpc.Message.unsigned(topic, data);
    DeliveryRecord r = new DeliveryRecord("", topic, nowMillis, m);
    r.status = DeliveryRecord.Status.VALID;
    markSeen(id, r, nowMillis);
    mcache.put(id, m);
    Set<String> targets = new TreeSet<>();
    if (params.floodPublish()) {
      for (Map.Entry<String, PeerState> e : peers.entrySet()) {
        if (e.getValue().topics.contains(topic) && score.score(e.getKey(), nowMillis) >= scoreParams.publishThreshold()) {
          targets.add(e.getKey());
        }
      }
    } else {
      TreeSet<String> group = mesh.get(topic);
      if (group == null) {
        group = fanout.computeIfAbsent(topic, t -> new TreeSet<>());
        fanoutLastPublish.put(topic, nowMillis);
      }
      if (group.size() < params.d()) {
        fillMesh(topic, group, params.d(), nowMillis, !mesh.containsKey(topic));
      }
      targets.addAll(group);
    }
    for (String p : targets) {
      outgoingMessages.computeIfAbsent(p, k -> new ArrayList<>()).add(m);
    }
    stats.published++;
    flush();
    return id;
  }

  /** The periodic maintenance: mesh sizes, fanout expiry, gossip, caches, scores, timeouts. */
  public void heartbeat(long nowMillis) {
    heartbeats++;
    score.refresh(nowMillis);
    expireValidations(nowMillis);
    penaliseBrokenPromises(nowMillis);
    for (Map.Entry<String, TreeSet<String>> e : mesh.entrySet()) {
      maintainMesh(e.getKey(), e.getValue(), nowMillis);
    }
    maintainFanout(nowMillis);
    emitGossip(nowMillis);
    mcache.shift();
    expireSeen(nowMillis);
    expireBackoff(nowMillis);
    for (PeerState ps : peers.values()) {
      ps.ihavesThisBeat = 0;
      ps.idsAskedThisBeat = 0;
    }
    flush();
  }

  // ---- message handling ---------------------------------------------------------------------

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

  private void onMessage(String peer, PeerState ps, Rpc.Message m, long nowMillis) {
    if (!mesh.containsKey(m.topic())) {
      return;
    }
    Bytes id = MessageIds.of(idVariant, m.topic(), m.data());
    DeliveryRecord known = seen.get(id);
    if (known != null) {
      stats.duplicates++;
      onDuplicate(peer, known, nowMillis);
      return;
    }
    DeliveryRecord r = new DeliveryRecord(peer, m.topic(), nowMillis, m);
    markSeen(id, r, nowMillis);
    promises.remove(id);
    if (m.hasAuthorFields() || m.data().length > params.maxMessageBytes()) {
      // StrictNoSign: an author, sequence number, signature or key is itself invalid.
      r.status = DeliveryRecord.Status.INVALID;
      stats.rejected++;
      score.invalidDelivery(peer, m.topic());
      reportGraylisted(peer, nowMillis);
      return;
    }
    if (pending.size() >= params.maxPendingValidations() || ps.pendingValidations >= params.maxPendingPerPeer()) {
      // The validation queue is full: dropped unjudged (go's RejectValidationQueueFull, no penalty).
      r.status = DeliveryRecord.Status.IGNORED;
      stats.throttled++;
      return;
    }
    ps.pendingValidations++;
    pending.put(id, r);
    out.validate(id, m.topic(), m.data(), peer, nowMillis);
  }

  private void onDuplicate(String peer, DeliveryRecord r, long nowMillis) {
    switch (r.status) {
      case PENDING -> {
        if (!r.duplicatePeers.contains(peer) && r.duplicatePeers.size() < 64) {
          r.duplicatePeers.add(peer);
        }
      }
      case VALID -> score.duplicateDelivery(peer, r.topic, r.firstSeenMillis, nowMillis);
      case INVALID -> {
        score.invalidDelivery(peer, r.topic);
        reportGraylisted(peer, nowMillis);
      }
      case IGNORED -> {}
    }
  }

  private void forward(Bytes id, DeliveryRecord r, long nowMillis) {
    TreeSet<String> group = mesh.get(r.topic);
    if (group == null) {
      return;
    }
    for (String p : group) {
      if (!p.equals(r.firstFrom) && !r.duplicatePeers.contains(p)) {
        outgoingMessages.computeIfAbsent(p, k -> new ArrayList<>()).add(r.message);
        stats.forwarded++;
      }
    }
  }

  private void onIHave(String peer, PeerState ps, Rpc.IHave ihave, long nowMillis) {
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
    addControl(peer, new Rpc.Control(List.of(), List.of(new Rpc.IWant(want)), List.of(), List.of(), List.of()));
  }

  private void onIWant(String peer, Rpc.IWant iwant) {
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

  private void onGraft(String peer, PeerState ps, Rpc.Graft graft, long nowMillis) {
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

  private void onPrune(String peer, Rpc.Prune prune, long nowMillis) {
    TreeSet<String> m = mesh.get(prune.topic());
    if (m != null && m.remove(peer)) {
      score.prune(peer, prune.topic());
    }
    long backoffMillis = prune.backoffSeconds() > 0 ? prune.backoffSeconds() * 1000 : params.pruneBackoffMillis();
    backoff.computeIfAbsent(prune.topic(), t -> new HashMap<>()).merge(peer, nowMillis + backoffMillis, Math::max);
  }

  private void prune(String peer, String topic, long nowMillis) {
    backoff.computeIfAbsent(topic, t -> new HashMap<>()).merge(peer, nowMillis + params.pruneBackoffMillis(), Math::max);
    addControl(peer, new Rpc.Control(List.of(), List.of(), List.of(),
        List.of(new Rpc.Prune(topic, params.pruneBackoffMillis() / 1000)), List.of()));
  }

  // ---- heartbeat parts ----------------------------------------------------------------------

  private void maintainMesh(String topic, TreeSet<String> m, long nowMillis) {
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
    if (params.opportunisticGraftTicks() > 0 && heartbeats % params.opportunisticGraftTicks() == 0 && m.size() > 1) {
      opportunisticGraft(topic, m, nowMillis);
    }
  }

  /** Adds eligible topic peers (score ≥ 0, not backed off, not in the group) until it has {@code target}. */
  private void fillMesh(String topic, TreeSet<String> group, int target, long nowMillis, boolean isFanout) {
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
    shuffle(candidates);
    for (String p : candidates) {
      if (group.size() >= target) {
        break;
      }
      group.add(p);
      if (!isFanout) {
        score.graft(p, topic, nowMillis);
        addControl(p, new Rpc.Control(List.of(), List.of(), List.of(new Rpc.Graft(topic)), List.of(), List.of()));
      }
    }
  }

  private void shrinkMesh(String topic, TreeSet<String> m, long nowMillis) {
    List<String> byScore = new ArrayList<>(m);
    shuffle(byScore);
    byScore.sort((a, b) -> Double.compare(score.score(b, nowMillis), score.score(a, nowMillis)));
    List<String> keep = new ArrayList<>(byScore.subList(0, params.dscore()));
    List<String> rest = new ArrayList<>(byScore.subList(params.dscore(), byScore.size()));
    shuffle(rest);
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
    shuffle(better);
    for (int i = 0; i < Math.min(params.opportunisticGraftPeers(), better.size()); i++) {
      m.add(better.get(i));
      score.graft(better.get(i), topic, nowMillis);
      addControl(better.get(i), new Rpc.Control(List.of(), List.of(), List.of(new Rpc.Graft(topic)), List.of(), List.of()));
    }
  }

  private void maintainFanout(long nowMillis) {
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

  private void emitGossip(long nowMillis) {
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
      shuffle(eligible);
      List<byte[]> raw = new ArrayList<>();
      for (Bytes id : ids.subList(0, Math.min(ids.size(), params.maxIHaveLength()))) {
        raw.add(id.toArray());
      }
      for (String p : eligible.subList(0, Math.min(target, eligible.size()))) {
        addControl(p, new Rpc.Control(List.of(new Rpc.IHave(e.getKey(), raw)), List.of(), List.of(), List.of(), List.of()));
      }
    }
  }

  private void expireValidations(long nowMillis) {
    List<Bytes> late = new ArrayList<>();
    pending.forEach((id, r) -> {
      if (nowMillis - r.firstSeenMillis >= VALIDATION_TIMEOUT_MILLIS) {
        late.add(id);
      }
    });
    for (Bytes id : late) {
      stats.validationTimeouts++;
      resolve(id, GossipOutcome.IGNORE, nowMillis);
    }
  }

  private void penaliseBrokenPromises(long nowMillis) {
    for (Iterator<Map.Entry<Bytes, Map.Entry<String, Long>>> it = promises.entrySet().iterator(); it.hasNext(); ) {
      Map.Entry<String, Long> p = it.next().getValue();
      if (p.getValue() <= nowMillis) {
        it.remove();
        score.behaviourPenalty(p.getKey(), 1);
        stats.brokenPromises++;
      }
    }
  }

  private void markSeen(Bytes id, DeliveryRecord r, long nowMillis) {
    seen.put(id, r);
    seenOrder.addLast(Map.entry(id, nowMillis));
  }

  private void expireSeen(long nowMillis) {
    while (!seenOrder.isEmpty() && seenOrder.peekFirst().getValue() + params.seenTtlMillis() <= nowMillis) {
      Bytes id = seenOrder.pollFirst().getKey();
      if (!pending.containsKey(id)) {
        seen.remove(id);
      }
    }
  }

  private void expireBackoff(long nowMillis) {
    backoff.values().forEach(m -> m.values().removeIf(until -> until + params.heartbeatMillis() < nowMillis));
  }

  private void reportGraylisted(String peer, long nowMillis) {
    double s = score.score(peer, nowMillis);
    if (s < scoreParams.graylistThreshold()) {
      out.graylisted(peer, s);
    }
  }

  private void shuffle(List<String> list) {
    for (int i = list.size() - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      String t = list.get(i);
      list.set(i, list.get(j));
      list.set(j, t);
    }
  }

  private void addControl(String peer, Rpc.Control c) {
    outgoingControl.merge(peer, c, Rpc.Control::plus);
  }

  /** Sends what this input produced: one RPC per peer, subscriptions, messages and control together. */
  private void flush() {
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
