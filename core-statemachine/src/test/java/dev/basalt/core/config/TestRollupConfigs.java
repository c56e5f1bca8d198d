package dev.basalt.core.config;

import dev.basalt.core.types.Address;
import dev.basalt.core.types.BlockId;
import dev.basalt.core.types.Hash32;

/** Rollup configs for unit tests: OP-Mainnet-like addresses, a chosen fork schedule. */
public final class TestRollupConfigs {
  public static final Address PORTAL = Address.fromHex("0xbeb5fc579115071764c7423a4f12edde41f106ed");
  public static final Address SYSTEM_CONFIG = Address.fromHex("0x229047fed2591dbec1ef1118d64f7af3db9eb290");

  private TestRollupConfigs() {}

  /** A 2-second chain whose genesis is at time 0 with the given schedule. */
  public static RollupConfig withForks(ForkSchedule forks, boolean keepKarstUpgradeGas) {
    SystemConfig system = new SystemConfig(Address.ZERO, Hash32.ZERO, Hash32.ZERO, 30_000_000, 0, 0, 0, 0, 0, 0);
    ChainGenesis genesis = new ChainGenesis(BlockId.ZERO, BlockId.ZERO, 0, system);
    return new RollupConfig(1, 10, genesis, 2, 600, 3600, 300,
        Address.fromHex("0xff00000000000000000000000000000000000010"), PORTAL, SYSTEM_CONFIG,
        forks, -1, new Eip1559Params(6, 50, 250), keepKarstUpgradeGas);
  }

  /** Every fork up to and including {@code last} activates at {@code time}; later ones never. */
  public static ForkSchedule allAt(Fork last, long time) {
    ForkSchedule.Builder b = ForkSchedule.builder();
    for (Fork f : Fork.values()) {
      if (f.ordinal() <= last.ordinal()) {
        b.at(f, time);
      }
    }
    return b.build();
  }

  /** Regolith at genesis, every later fork through {@code last} at 100 times its ordinal (Canyon 100 ... Karst 900). */
  public static ForkSchedule staggered(Fork last) {
    ForkSchedule.Builder b = ForkSchedule.builder().at(Fork.REGOLITH, 0);
    for (Fork f : Fork.values()) {
      if (f != Fork.REGOLITH && f.ordinal() <= last.ordinal()) {
        b.at(f, 100L * f.ordinal());
      }
    }
    return b.build();
  }
}
