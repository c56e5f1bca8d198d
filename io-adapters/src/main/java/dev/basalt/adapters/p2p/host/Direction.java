package dev.basalt.adapters.p2p.host;

/** Who opened a connection or stream: we did ({@code OUTBOUND}) or the remote peer did. */
public enum Direction {
  INBOUND,
  OUTBOUND
}
