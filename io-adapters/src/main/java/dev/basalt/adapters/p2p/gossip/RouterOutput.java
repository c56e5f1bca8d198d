package dev.basalt.adapters.p2p.gossip;

import dev.basalt.core.types.Bytes;

/** Where the router's decisions go: RPCs to peers, and messages to validate. */
public interface RouterOutput {
  /** Sends {@code rpc} to {@code peer} (the network layer frames and writes it). */
  void send(String peer, Rpc rpc);

  /**
   * A new message awaits validation; the router holds it until {@link GossipRouter#resolve} with
   * the same id, or the validation timeout.
   */
  void validate(Bytes messageId, String topic, byte[] data, String from, long receivedAtMillis);

  /** A peer's score fell below the graylist threshold (the service may disconnect or ban it). */
  default void graylisted(String peer, double score) {}
}
