package dev.basalt.testdata.world.l1;

import dev.basalt.core.config.BlobParams;
import dev.basalt.core.config.L1ChainConfig;
import dev.basalt.core.config.L1Fork;
import dev.basalt.core.config.L1ForkActivation;
import java.util.ArrayList;
import java.util.List;

/**
 * When the simulated L1 turns on the forks that change its headers (L1 timestamps, seconds; London
 * is always on): Shanghai adds {@code withdrawalsRoot}, Cancun the blob fields and the parent beacon
 * root, Prague {@code requestsHash} and EIP-7691's blob target and maximum. {@link #NEVER} leaves a
 * fork off.
 */
public record L1Forks(long shanghaiTime, long cancunTime, long pragueTime) {
  public static final long NEVER = Long.MAX_VALUE;

  public L1Forks {
    if (shanghaiTime < 0 || cancunTime < shanghaiTime || pragueTime < cancunTime) {
      throw new IllegalArgumentException("L1 forks must be scheduled in order: " + shanghaiTime + ", " + cancunTime + ", " + pragueTime);
    }
  }

  /** Every fork from genesis: today's Ethereum header shape. */
  public static L1Forks allAtGenesis() {
    return new L1Forks(0, 0, 0);
  }

  public boolean shanghai(long l1Timestamp) {
    return l1Timestamp >= shanghaiTime;
  }

  public boolean cancun(long l1Timestamp) {
    return l1Timestamp >= cancunTime;
  }

  public boolean prague(long l1Timestamp) {
    return l1Timestamp >= pragueTime;
  }

  /** The blob parameters in force at {@code l1Timestamp} (Cancun's before Prague). */
  public BlobParams blobParams(long l1Timestamp) {
    return prague(l1Timestamp) ? BlobParams.PRAGUE : BlobParams.CANCUN;
  }

  /** The rollup node's view of this L1: its blob schedule. */
  public L1ChainConfig chainConfig(long chainId) {
    List<L1ForkActivation> forks = new ArrayList<>();
    if (cancunTime != NEVER) {
      forks.add(L1ForkActivation.of(L1Fork.CANCUN, cancunTime, BlobParams.CANCUN));
    }
    if (pragueTime != NEVER) {
      forks.add(L1ForkActivation.of(L1Fork.PRAGUE, pragueTime, BlobParams.PRAGUE));
    }
    return new L1ChainConfig(chainId, forks);
  }
}
