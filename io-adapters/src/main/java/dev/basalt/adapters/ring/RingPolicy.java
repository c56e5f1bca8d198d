package dev.basalt.adapters.ring;

/**
 * Tunables of the ring.
 *
 * @param ringSize slots in the ring (a power of two)
 * @param stateHashEveryEvents record a state hash in the outputs every this many events
 * @param snapshotEveryEvents write a core snapshot every this many events (0 = only at shutdown)
 * @param strictDurability sync the journal to disk at the end of every batch
 */
public record RingPolicy(int ringSize, int stateHashEveryEvents, long snapshotEveryEvents, boolean strictDurability) {
  public RingPolicy {
    if (Integer.bitCount(ringSize) != 1) {
      throw new IllegalArgumentException("ringSize must be a power of two, got " + ringSize);
    }
    if (stateHashEveryEvents <= 0) {
      throw new IllegalArgumentException("stateHashEveryEvents must be positive");
    }
    if (snapshotEveryEvents < 0) {
      throw new IllegalArgumentException("snapshotEveryEvents must be >= 0");
    }
  }

  public static RingPolicy defaults() {
    return new RingPolicy(1 << 14, 1_000, 100_000, false);
  }
}
