package dev.basalt.adapters.p2p.multistream;

import dev.basalt.adapters.p2p.wire.ByteQueue;
import dev.basalt.adapters.p2p.wire.WireException;

/**
 * One side of a multistream-select exchange. Feed it the peer's bytes; it says what to send and
 * when a protocol was agreed. After {@link #selected()} is set, any bytes left in the queue passed
 * to {@link #onData} belong to the selected protocol.
 */
public interface Negotiation {
  /** Bytes to send when the exchange starts. */
  byte[] start();

  /**
   * Consumes what it can from {@code in}; returns bytes to send (possibly empty). Throws {@link
   * WireException} on a malformed exchange and {@link NoProtocolException} when no protocol could
   * be agreed.
   */
  byte[] onData(ByteQueue in) throws WireException, NoProtocolException;

  /** The agreed protocol, or null while still negotiating. */
  String selected();

  /** Nothing in common: the dialer ran out of proposals. */
  final class NoProtocolException extends Exception {
    public NoProtocolException(String message) {
      super(message, null, false, false);
    }
  }
}
