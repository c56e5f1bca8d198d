package dev.basalt.adapters.p2p.host;

/**
 * Hook for a peer scorer: told about every transport-level offence (after it was logged and the
 * stream or connection dealt with). I/O thread; must not block.
 */
@FunctionalInterface
public interface PeerPenalty {
  PeerPenalty IGNORE = m -> {};

  void penalize(Misbehaviour misbehaviour);
}
