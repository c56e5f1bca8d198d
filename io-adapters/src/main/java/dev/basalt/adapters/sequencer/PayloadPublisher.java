package dev.basalt.adapters.sequencer;

/**
 * Where signed sequenced blocks go: P2P gossip ({@code GossipPayloadPublisher}), or a log when P2P is off. Called on the dispatcher thread (or, for a remote signer, its one signing thread), in
 * the order the blocks were sealed: must return quickly and never throw.
 */
public interface PayloadPublisher {
  void publish(SignedPayload payload);
}
