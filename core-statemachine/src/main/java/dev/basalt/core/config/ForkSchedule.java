package dev.basalt.core.config;

import java.util.Arrays;
import java.util.OptionalLong;

/**
 * When each fork activates (L2 timestamp, seconds). Immutable; build with {@link Builder}.
 * Unscheduled forks never activate.
 */
public final class ForkSchedule {
  private static final long NEVER = -1;
  private static final Fork[] FORKS = Fork.values();

  private final long[] activation;

  private ForkSchedule(long[] activation) {
    this.activation = activation;
    long previous = 0;
    for (Fork f : FORKS) {
      long at = activation[f.ordinal()];
      if (at == NEVER) {
        previous = Long.MAX_VALUE;
        continue;
      }
      if (Long.compareUnsigned(at, previous) < 0 && previous != Long.MAX_VALUE) {
        throw new IllegalArgumentException(f + " activates at " + at + ", before an earlier fork (" + previous + ")");
      }
      if (previous == Long.MAX_VALUE) {
        throw new IllegalArgumentException(f + " is scheduled but an earlier fork is not");
      }
      previous = at;
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Activation time of {@code fork}, empty when it is not scheduled. */
  public OptionalLong activation(Fork fork) {
    long at = activation[fork.ordinal()];
    return at == NEVER ? OptionalLong.empty() : OptionalLong.of(at);
  }

  /** True when {@code fork} is active at L2 (or L1, where a rule says so) timestamp {@code timestamp}. */
  public boolean isActive(Fork fork, long timestamp) {
    long at = activation[fork.ordinal()];
    return at != NEVER && Long.compareUnsigned(timestamp, at) >= 0;
  }

  /**
   * True for the first L2 block at or after the fork's activation: active at {@code timestamp} but
   * not at the previous block's time (op-node's {@code IsXActivationBlock}).
   */
  public boolean isActivationBlock(Fork fork, long timestamp, long blockTimeSeconds) {
    return isActive(fork, timestamp)
        && timestamp >= blockTimeSeconds
        && !isActive(fork, timestamp - blockTimeSeconds);
  }

  /** The newest fork active at {@code timestamp}, or null when only Bedrock is. */
  public Fork latestActive(long timestamp) {
    Fork latest = null;
    for (Fork f : FORKS) {
      if (isActive(f, timestamp)) {
        latest = f;
      }
    }
    return latest;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ForkSchedule f && Arrays.equals(activation, f.activation);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(activation);
  }

  @Override
  public String toString() {
    StringBuilder s = new StringBuilder("ForkSchedule[");
    for (Fork f : FORKS) {
      long at = activation[f.ordinal()];
      if (at != NEVER) {
        s.append(f.name().toLowerCase(java.util.Locale.ROOT)).append('=').append(Long.toUnsignedString(at)).append(' ');
      }
    }
    return s.toString().trim() + "]";
  }

  /** Collects activation times; forks left unset are not scheduled. */
  public static final class Builder {
    private final long[] activation = new long[FORKS.length];

    private Builder() {
      Arrays.fill(activation, NEVER);
    }

    public Builder at(Fork fork, long timestamp) {
      if (timestamp < 0) {
        throw new IllegalArgumentException(fork + " activation must be non-negative");
      }
      activation[fork.ordinal()] = timestamp;
      return this;
    }

    public Builder at(Fork fork, OptionalLong timestamp) {
      timestamp.ifPresent(t -> at(fork, t));
      return this;
    }

    public ForkSchedule build() {
      return new ForkSchedule(activation.clone());
    }
  }
}
