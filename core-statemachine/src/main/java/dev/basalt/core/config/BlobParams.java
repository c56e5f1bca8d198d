package dev.basalt.core.config;

/**
 * One entry of an L1 blob schedule (EIP-7840 {@code blobSchedule}, EIP-7892 BPO forks): the blob
 * target and maximum per block and the blob base fee update fraction.
 */
public record BlobParams(long target, long max, long updateFraction) {
  /** EIP-4844 values, fixed for Cancun. */
  public static final BlobParams CANCUN = new BlobParams(3, 6, 3_338_477);

  /** EIP-7691 values, fixed for Prague. */
  public static final BlobParams PRAGUE = new BlobParams(6, 9, 5_007_716);

  public BlobParams {
    if (target < 0 || max < 0) {
      throw new IllegalArgumentException("blob target and max must be non-negative");
    }
    if (updateFraction <= 0) {
      // A zero fraction would divide by zero in the blob base fee's fake exponential.
      throw new IllegalArgumentException("blob base fee update fraction must be positive");
    }
  }
}
