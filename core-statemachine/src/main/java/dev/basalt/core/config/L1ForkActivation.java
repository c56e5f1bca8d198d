package dev.basalt.core.config;

import java.util.Objects;
import java.util.Optional;

/**
 * When an L1 fork activates (L1 timestamp, seconds) and the blob parameters it brings, if any. A
 * fork without its own parameters keeps those of the newest earlier fork that has some, as
 * go-ethereum does for named forks since blob-parameter-only (BPO) forks exist.
 */
public record L1ForkActivation(L1Fork fork, long activationTime, Optional<BlobParams> blobParams) {
  public L1ForkActivation {
    Objects.requireNonNull(fork, "fork");
    Objects.requireNonNull(blobParams, "blobParams");
    if (activationTime < 0) {
      throw new IllegalArgumentException(fork + " activation must be non-negative");
    }
  }

  public static L1ForkActivation of(L1Fork fork, long activationTime, BlobParams params) {
    return new L1ForkActivation(fork, activationTime, Optional.of(params));
  }

  public static L1ForkActivation withoutBlobChange(L1Fork fork, long activationTime) {
    return new L1ForkActivation(fork, activationTime, Optional.empty());
  }
}
