package dev.basalt.testdata.world.l1;

import java.util.Objects;

/**
 * The simulated L1's fixed parameters.
 *
 * @param genesisTime timestamp of block 0, also the beacon chain's genesis time
 * @param blockTimeSeconds seconds between blocks, also the beacon chain's slot time
 * @param safeDepth how far {@code safe} trails the head while labels follow it automatically
 * @param finalizedDepth how far {@code finalized} trails the head while labels follow it automatically
 */
public record L1Params(long chainId, long genesisTime, long blockTimeSeconds, L1Forks forks, long gasLimit, int safeDepth,
    int finalizedDepth) {
  public L1Params {
    Objects.requireNonNull(forks, "forks");
    if (chainId <= 0 || blockTimeSeconds <= 0 || gasLimit <= 0 || safeDepth < 0 || finalizedDepth < safeDepth) {
      throw new IllegalArgumentException("invalid L1 parameters");
    }
  }

  /** Ethereum-like defaults: 30M gas, safe 4 blocks (about one justified epoch here) and finalized 12 blocks behind. */
  public static L1Params of(long chainId, long genesisTime, long blockTimeSeconds, L1Forks forks) {
    return new L1Params(chainId, genesisTime, blockTimeSeconds, forks, 30_000_000, 4, 12);
  }

  /** The beacon slot of an L1 block with {@code l1Timestamp}. */
  public long slotAt(long l1Timestamp) {
    return (l1Timestamp - genesisTime) / blockTimeSeconds;
  }
}
