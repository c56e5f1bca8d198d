package dev.basalt.adapters.p2p.gossip;

import dev.basalt.core.p2p.GossipOutcome;
import dev.basalt.core.types.Bytes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The full-message path of a {@link GossipRouter}: a received message is deduplicated against the
 * seen cache (duplicates feed the score), checked against StrictNoSign and the size limit, queued
 * for the core's validation within bounds, and on the verdict forwarded to the mesh (accept),
 * charged to its senders (reject) or dropped (ignore); a verdict that does not come within
 * {@link GossipRouter#VALIDATION_TIMEOUT_MILLIS} counts as ignore. Our own messages are published
 * here too, to the mesh or fanout or, with flood publishing, to every topic peer above the publish
 * threshold.
 */
final class MessageDelivery {
  private final RouterState state;
  private final MeshMaintenance maintenance;
  private final GossipParams params;
  private final ScoreParams scoreParams;
  private final MessageIds.Variant idVariant;
  private final RouterOutput out;
  private final PeerScore score;
  private final MessageCache mcache;
  private final Map<String, PeerState> peers;
  private final Map<String, TreeSet<String>> mesh;
  private final Map<String, TreeSet<String>> fanout;
  private final Map<String, Long> fanoutLastPublish;
  private final Map<Bytes, DeliveryRecord> seen;
  private final ArrayDeque<Map.Entry<Bytes, Long>> seenOrder;
  private final Map<Bytes, DeliveryRecord> pending;
  private final Map<Bytes, Map.Entry<String, Long>> promises;
  private final Map<String, List<Rpc.Message>> outgoingMessages;
  private final GossipStats stats;

  MessageDelivery(RouterState state, MeshMaintenance maintenance) {
    this.state = state;
    this.maintenance = maintenance;
    this.params = state.params;
    this.scoreParams = state.scoreParams;
    this.idVariant = state.idVariant;
    this.out = state.out;
    this.score = state.score;
    this.mcache = state.mcache;
    this.peers = state.peers;
    this.mesh = state.mesh;
    this.fanout = state.fanout;
    this.fanoutLastPublish = state.fanoutLastPublish;
    this.seen = state.seen;
    this.seenOrder = state.seenOrder;
    this.pending = state.pending;
    this.promises = state.promises;
    this.outgoingMessages = state.outgoingMessages;
    this.stats = state.stats;
  }

  /** The verdict on a message handed to {@link RouterOutput#validate}. */
  void resolve(Bytes messageId, GossipOutcome outcome, long nowMillis) {
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
    state.flush();
  }

  /**
   * Publishes our own message (already known valid): to the mesh, or to every subscribed peer
   * above the publish threshold with flood publishing. Returns its id.
   */
  Bytes publish(String topic, byte[] data, long nowMillis) {
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
        maintenance.fillMesh(topic, group, params.d(), nowMillis, !mesh.containsKey(topic));
      }
      targets.addAll(group);
    }
    for (String p : targets) {
      outgoingMessages.computeIfAbsent(p, k -> new ArrayList<>()).add(m);
    }
    stats.published++;
    state.flush();
    return id;
  }
  void onMessage(String peer, PeerState ps, Rpc.Message m, long nowMillis) {
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
  void expireValidations(long nowMillis) {
    List<Bytes> late = new ArrayList<>();
    pending.forEach((id, r) -> {
      if (nowMillis - r.firstSeenMillis >= GossipRouter.VALIDATION_TIMEOUT_MILLIS) {
        late.add(id);
      }
    });
    for (Bytes id : late) {
      stats.validationTimeouts++;
      resolve(id, GossipOutcome.IGNORE, nowMillis);
    }
  }
  private void markSeen(Bytes id, DeliveryRecord r, long nowMillis) {
    seen.put(id, r);
    seenOrder.addLast(Map.entry(id, nowMillis));
  }

  void expireSeen(long nowMillis) {
    while (!seenOrder.isEmpty() && seenOrder.peekFirst().getValue() + params.seenTtlMillis() <= nowMillis) {
      Bytes id = seenOrder.pollFirst().getKey();
      if (!pending.containsKey(id)) {
        seen.remove(id);
      }
    }
  }
  private void reportGraylisted(String peer, long nowMillis) {
    double s = score.score(peer, nowMillis);
    if (s < scoreParams.graylistThreshold()) {
      out.graylisted(peer, s);
    }
  }
}
