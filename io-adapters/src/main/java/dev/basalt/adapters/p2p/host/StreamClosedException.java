package dev.basalt.adapters.p2p.host;

/** A write or open failed because the stream or its connection is gone (or refused). */
public final class StreamClosedException extends Exception {
  public StreamClosedException(String message) {
    super(message, null, false, false);
  }
}
