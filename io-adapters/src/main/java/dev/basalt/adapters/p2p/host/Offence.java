package dev.basalt.adapters.p2p.host;

/** What a peer did wrong at the transport level (reported through {@link PeerPenalty}). */
public enum Offence {
  /** A multistream-select message that is not a protocol line, or negotiation without end. */
  MALFORMED_MULTISTREAM,
  /** The Noise handshake failed: bad message, wrong key type, undecryptable data. */
  HANDSHAKE_FAILED,
  /** The Noise identity signature did not verify, or the key did not match the dialed peer ID. */
  BAD_SIGNATURE,
  /** A frame larger than the limit for its layer. */
  OVERSIZED_FRAME,
  /** A frame that does not parse or breaks its protocol's state machine. */
  MALFORMED_FRAME,
  /** Data beyond the flow-control window we granted (yamux). */
  WINDOW_EXCEEDED,
  /** More concurrent streams than {@link P2pLimits#maxStreamsPerConnection()}. */
  TOO_MANY_STREAMS,
  /** A handshake or negotiation that did not finish in time. */
  TIMEOUT,
  /** Undecryptable transport data after the handshake. */
  DECRYPTION_FAILED
}
