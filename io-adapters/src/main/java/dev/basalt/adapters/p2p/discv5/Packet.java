package dev.basalt.adapters.p2p.discv5;

import dev.basalt.adapters.p2p.enr.NodeId;

/**
 * A decoded (unmasked) discv5.1 packet. {@code authenticatedData} is {@code masking-iv || header},
 * the AES-GCM associated data of the message (for WHOAREYOU it is the challenge-data).
 */
public sealed interface Packet {
  byte[] nonce();

  byte[] authenticatedData();

  /** flag 0: {@code authdata = src-id}. */
  record Ordinary(byte[] nonce, NodeId srcId, byte[] authenticatedData, byte[] message) implements Packet {}

  /** flag 1: {@code authdata = id-nonce || enr-seq}; the message is empty. */
  record WhoAreYou(byte[] nonce, byte[] idNonce, long enrSeq, byte[] authenticatedData) implements Packet {
    /** The challenge-data the handshake signs and derives keys from. */
    public byte[] challengeData() {
      return authenticatedData;
    }
  }

  /** flag 2: {@code authdata = src-id || sig-size || eph-key-size || id-signature || eph-pubkey || record}. */
  record Handshake(byte[] nonce, NodeId srcId, byte[] idSignature, byte[] ephemeralPubkey, byte[] record,
      byte[] authenticatedData, byte[] message) implements Packet {}
}
