package dev.basalt.adapters.p2p.wire;

/** Malformed or oversized bytes from a peer: the caller refuses the message or closes the channel. */
public final class WireException extends Exception {
  public WireException(String message) {
    super(message, null, false, false);
  }
}
