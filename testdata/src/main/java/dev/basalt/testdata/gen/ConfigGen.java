package dev.basalt.testdata.gen;

import dev.basalt.core.config.BlobParams;
import dev.basalt.core.config.ChainGenesis;
import dev.basalt.core.config.Eip1559Params;
import dev.basalt.core.config.Fork;
import dev.basalt.core.config.ForkSchedule;
import dev.basalt.core.config.L1ChainConfig;
import dev.basalt.core.config.L1Fork;
import dev.basalt.core.config.L1ForkActivation;
import dev.basalt.core.config.RollupConfig;
import dev.basalt.core.config.SystemConfig;
import dev.basalt.core.config.UnsupportedFeature;
import dev.basalt.core.types.Address;
import dev.basalt.core.types.BlockId;
import dev.basalt.core.types.Hash32;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Random but valid chain configurations for property tests: every field drawn from its whole legal
 * range (u64 quantities included), fork schedules that stop at a random fork, optional values
 * present or not.
 */
public final class ConfigGen {
  private final SimRng rng;

  public ConfigGen(SimRng rng) {
    this.rng = rng;
  }

  public Address address() {
    return Address.wrap(rng.bytes(Address.LENGTH));
  }

  public Hash32 hash() {
    return Hash32.wrap(rng.bytes(Hash32.LENGTH));
  }

  private long nonNegative() {
    return rng.nextLong() & Long.MAX_VALUE;
  }

  public SystemConfig systemConfig() {
    return new SystemConfig(address(), hash(), hash(), rng.nextLong(), rng.nextLong() & 0xffffffffL,
        rng.nextLong() & 0xffffffffL, rng.nextLong() & 0xffffffffL, rng.nextLong(), rng.nextLong(), rng.nextInt(0x10000));
  }

  public ChainGenesis chainGenesis() {
    return new ChainGenesis(new BlockId(hash(), nonNegative()), new BlockId(hash(), nonNegative()), nonNegative(), systemConfig());
  }

  /** Forks from Regolith up to a random one, at non-decreasing times (some at genesis). */
  public ForkSchedule forkSchedule() {
    ForkSchedule.Builder b = ForkSchedule.builder();
    int scheduled = rng.nextInt(Fork.values().length + 1);
    long at = rng.chance(1, 3) ? 0 : rng.between(0, 1L << 40);
    for (int i = 0; i < scheduled; i++) {
      b.at(Fork.values()[i], at);
      at += rng.chance(1, 4) ? 0 : rng.between(1, 1L << 24);
    }
    return b.build();
  }

  public Eip1559Params eip1559Params() {
    return new Eip1559Params(rng.between(1, Long.MAX_VALUE - 1), rng.between(1, Long.MAX_VALUE - 1), rng.between(1, Long.MAX_VALUE - 1));
  }

  public RollupConfig rollupConfig() {
    return rollupConfig(rng.nextLong());
  }

  /** A random rollup config settling on L1 chain {@code l1ChainId}. */
  public RollupConfig rollupConfig(long l1ChainId) {
    List<UnsupportedFeature> features = new ArrayList<>();
    for (UnsupportedFeature f : UnsupportedFeature.values()) {
      if (rng.chance(1, 4)) {
        features.add(f);
      }
    }
    return new RollupConfig(l1ChainId, rng.nextLong(), chainGenesis(), rng.between(1, 1 << 20), nonNegative(),
        rng.between(2, 1L << 40), rng.between(1, 1L << 40), address(), address(), address(), forkSchedule(),
        rng.chance(1, 2) ? -1 : nonNegative(), eip1559Params(), rng.nextBoolean(),
        rng.chance(1, 2) ? Address.ZERO : address(), features);
  }

  public L1ChainConfig l1ChainConfig() {
    List<L1ForkActivation> forks = new ArrayList<>();
    long at = rng.between(0, 1L << 40);
    for (L1Fork f : L1Fork.values()) {
      if (rng.chance(1, 4)) {
        continue;
      }
      // The first scheduled fork must bring blob parameters; later ones may keep the previous.
      boolean params = forks.isEmpty() || rng.chance(2, 3);
      Optional<BlobParams> p = params
          ? Optional.of(new BlobParams(rng.between(0, 1 << 16), rng.between(0, 1 << 16), rng.between(1, Long.MAX_VALUE - 1)))
          : Optional.empty();
      forks.add(new L1ForkActivation(f, at, p));
      at += rng.between(0, 1L << 24);
    }
    return new L1ChainConfig(rng.between(1, Long.MAX_VALUE - 1), forks);
  }
}
