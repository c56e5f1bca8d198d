package dev.basalt.adapters.p2p.gossip;

import java.util.Set;
import java.util.TreeSet;

/**
 * What a {@link GossipRouter} knows about one connected peer: its address and direction (the mesh
 * keeps {@code Dout} outbound peers), the topics it subscribed to, and the per-heartbeat and
 * in-flight counters that bound what it can make us do (IHAVEs, ids asked for, validations).
 */
final class PeerState {
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
