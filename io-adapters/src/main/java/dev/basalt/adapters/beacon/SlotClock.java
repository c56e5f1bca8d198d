package dev.basalt.adapters.beacon;

/**
 * Beacon slots from execution timestamps: {@code slot = (timestamp - genesis) / secondsPerSlot},
 * as op-node and kona compute it (a block's timestamp is its slot's start).
 */
public record SlotClock(long genesisTimeSeconds, long secondsPerSlot) {
  public SlotClock {
    if (genesisTimeSeconds < 0) {
      throw new IllegalArgumentException("genesis time must be non-negative");
    }
    if (secondsPerSlot <= 0) {
      throw new IllegalArgumentException("seconds per slot must be positive, got " + secondsPerSlot);
    }
  }

  /**
   * The slot of a block with this timestamp.
   *
   * @throws IllegalArgumentException when the timestamp precedes the beacon genesis
   */
  public long slotAt(long timestampSeconds) {
    if (timestampSeconds < genesisTimeSeconds) {
      throw new IllegalArgumentException("timestamp " + timestampSeconds + " precedes the beacon genesis time "
          + genesisTimeSeconds);
    }
    return (timestampSeconds - genesisTimeSeconds) / secondsPerSlot;
  }
}
