package dev.basalt.adapters.p2p.gossip;

/**
 * GossipSub router parameters with op-node's values ({@code BuildGlobalGossipParams}) and the
 * go-libp2p-pubsub defaults op-node leaves unchanged.
 *
 * @param d mesh degree D
 * @param dlo mesh low watermark
 * @param dhi mesh high watermark
 * @param dlazy gossip emission degree
 * @param dscore peers kept by score when pruning an oversubscribed mesh
 * @param dout outbound peers a mesh keeps
 * @param heartbeatMillis heartbeat interval
 * @param fanoutTtlMillis how long a fanout set lives without publishing
 * @param historyLength message-cache windows kept (IWANT can fetch from all of them)
 * @param historyGossip message-cache windows announced in IHAVE
 * @param seenTtlMillis how long a message id stays known for de-duplication
 * @param pruneBackoffMillis backoff after a PRUNE
 * @param gossipFactor fraction of eligible peers IHAVE goes to (at least Dlazy)
 * @param maxIHaveLength message ids per heartbeat we announce to or accept from one peer
 * @param maxIHaveMessages IHAVE messages per heartbeat we accept from one peer
 * @param opportunisticGraftTicks heartbeats between opportunistic grafts
 * @param opportunisticGraftPeers peers grafted opportunistically
 * @param floodPublish publish own messages to every subscribed peer above the publish threshold
 * @param maxMessageBytes largest RPC (and message) accepted or sent
 * @param maxPendingValidations messages awaiting the core's verdict (op-node validate queue 256)
 * @param maxPendingPerPeer messages awaiting validation from one peer
 * @param iwantFollowupMillis how long a peer has to deliver a message it announced and we asked for
 * @param maxIWantTransmissions times one message is sent to one peer in answer to IWANT
 */
public record GossipParams(
    int d, int dlo, int dhi, int dlazy, int dscore, int dout, long heartbeatMillis, long fanoutTtlMillis,
    int historyLength, int historyGossip, long seenTtlMillis, long pruneBackoffMillis, double gossipFactor,
    int maxIHaveLength, int maxIHaveMessages, int opportunisticGraftTicks, int opportunisticGraftPeers,
    boolean floodPublish, int maxMessageBytes, int maxPendingValidations, int maxPendingPerPeer,
    long iwantFollowupMillis, int maxIWantTransmissions) {

  /** op-node's defaults. */
  public static final GossipParams OP_NODE = new GossipParams(8, 6, 12, 6, 4, 2, 500, 24_000, 12, 3, 130 * 500L,
      60_000, 0.25, 5000, 10, 60, 2, false, 10 * (1 << 20), 256, 64, 3_000, 3);

  public GossipParams {
    if (!(dlo <= d && d <= dhi) || dlazy < 0 || dout >= dlo || dscore > d || historyGossip > historyLength) {
      throw new IllegalArgumentException("inconsistent mesh parameters: D=" + d + " Dlo=" + dlo + " Dhi=" + dhi
          + " Dlazy=" + dlazy + " Dout=" + dout + " Dscore=" + dscore);
    }
    if (heartbeatMillis <= 0) {
      throw new IllegalArgumentException("heartbeat must be positive");
    }
  }

  /** These parameters with another mesh shape (the {@code --p2p.gossip.mesh.*} flags). */
  public GossipParams withMesh(int newD, int newDlo, int newDhi, int newDlazy) {
    int newDout = Math.min(dout, Math.max(0, Math.min(newDlo - 1, newD / 2)));
    return new GossipParams(newD, newDlo, newDhi, newDlazy, Math.min(dscore, newD), newDout, heartbeatMillis,
        fanoutTtlMillis, historyLength, historyGossip, seenTtlMillis, pruneBackoffMillis, gossipFactor, maxIHaveLength,
        maxIHaveMessages, opportunisticGraftTicks, opportunisticGraftPeers, floodPublish, maxMessageBytes,
        maxPendingValidations, maxPendingPerPeer, iwantFollowupMillis, maxIWantTransmissions);
  }

  public GossipParams withFloodPublish(boolean flood) {
    return new GossipParams(d, dlo, dhi, dlazy, dscore, dout, heartbeatMillis, fanoutTtlMillis, historyLength,
        historyGossip, seenTtlMillis, pruneBackoffMillis, gossipFactor, maxIHaveLength, maxIHaveMessages,
        opportunisticGraftTicks, opportunisticGraftPeers, flood, maxMessageBytes, maxPendingValidations,
        maxPendingPerPeer, iwantFollowupMillis, maxIWantTransmissions);
  }

  public GossipParams withHeartbeatMillis(long millis) {
    return new GossipParams(d, dlo, dhi, dlazy, dscore, dout, millis, fanoutTtlMillis, historyLength,
        historyGossip, seenTtlMillis, pruneBackoffMillis, gossipFactor, maxIHaveLength, maxIHaveMessages,
        opportunisticGraftTicks, opportunisticGraftPeers, floodPublish, maxMessageBytes, maxPendingValidations,
        maxPendingPerPeer, iwantFollowupMillis, maxIWantTransmissions);
  }
}
