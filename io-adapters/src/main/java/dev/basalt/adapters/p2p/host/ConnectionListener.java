package dev.basalt.adapters.p2p.host;

/** Observes connections coming and going (I/O thread, must not block). */
public interface ConnectionListener {
  /** A connection finished its upgrade (Noise + muxer) and is usable. */
  default void onConnected(Connection connection) {}

  /** The peer's identify answer arrived on {@code connection}. */
  default void onIdentified(Connection connection, IdentifyInfo info) {}

  /** A connection that was reported by {@link #onConnected} has closed. */
  default void onDisconnected(Connection connection) {}
}
