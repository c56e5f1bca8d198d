package dev.basalt.core.config;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The L1 chain a rollup settles on, as far as the rollup protocol depends on it: its chain id and
 * the blob schedule by L1 timestamp. The L1-info deposit carries the L1 blob base fee, computed
 * from the L1 header's excess blob gas with the update fraction in force at that header's time
 * ({@code specs/protocol/ecotone/l1-attributes.md}); getting the fraction wrong forks the L2.
 *
 * @param chainId the L1 chain id (1 for Ethereum, 11155111 for Sepolia)
 * @param forks scheduled blob-relevant forks, in {@link L1Fork} order with non-decreasing times
 */
public record L1ChainConfig(long chainId, List<L1ForkActivation> forks) {
  public L1ChainConfig {
    Objects.requireNonNull(forks, "forks");
    forks = List.copyOf(forks);
    if (chainId <= 0) {
      throw new IllegalArgumentException("L1 chain id must be positive, got " + chainId);
    }
    L1ForkActivation previous = null;
    for (L1ForkActivation f : forks) {
      if (previous != null && f.fork().ordinal() <= previous.fork().ordinal()) {
        throw new IllegalArgumentException(f.fork() + " listed after " + previous.fork() + ": forks must be in order, once each");
      }
      if (previous != null && f.activationTime() < previous.activationTime()) {
        throw new IllegalArgumentException(
            f.fork() + " activates at " + f.activationTime() + ", before " + previous.fork() + " (" + previous.activationTime() + ")");
      }
      previous = f;
    }
    if (!forks.isEmpty() && forks.get(0).blobParams().isEmpty()) {
      // Otherwise there would be a time with an active blob fork but no blob parameters.
      throw new IllegalArgumentException("the first scheduled L1 fork (" + forks.get(0).fork() + ") must carry blob parameters");
    }
  }

  /** Activation time of {@code fork}, empty when it is not scheduled. */
  public OptionalLong activation(L1Fork fork) {
    for (L1ForkActivation f : forks) {
      if (f.fork() == fork) {
        return OptionalLong.of(f.activationTime());
      }
    }
    return OptionalLong.empty();
  }

  /** True when {@code fork} is scheduled and active at L1 timestamp {@code l1Timestamp}. */
  public boolean isActive(L1Fork fork, long l1Timestamp) {
    OptionalLong at = activation(fork);
    return at.isPresent() && l1Timestamp >= at.getAsLong();
  }

  /** The blob parameters in force at {@code l1Timestamp}; empty before the first blob fork. */
  public Optional<BlobParams> blobParamsAt(long l1Timestamp) {
    Optional<BlobParams> current = Optional.empty();
    for (L1ForkActivation f : forks) {
      if (f.activationTime() > l1Timestamp) {
        break;
      }
      if (f.blobParams().isPresent()) {
        current = f.blobParams();
      }
    }
    return current;
  }

  /**
   * The blob base fee update fraction for an L1 block at {@code l1Timestamp}.
   *
   * @throws IllegalStateException before the first blob fork: such blocks have no excess blob
   *     gas, and the L1-info deposit then uses a blob base fee of 1 without any fraction
   */
  public long blobBaseFeeUpdateFraction(long l1Timestamp) {
    Optional<BlobParams> params = blobParamsAt(l1Timestamp);
    if (params.isEmpty()) {
      throw new IllegalStateException("L1 chain " + chainId + " has no blob schedule at L1 time " + l1Timestamp);
    }
    return params.get().updateFraction();
  }
}
