package dev.basalt.testdata.derive;

import dev.basalt.core.config.ChainGenesis;
import dev.basalt.core.config.Eip1559Params;
import dev.basalt.core.config.Fork;
import dev.basalt.core.config.ForkSchedule;
import dev.basalt.core.config.RollupConfig;
import dev.basalt.core.config.SystemConfig;
import dev.basalt.core.types.Address;
import dev.basalt.core.types.BlockId;
import dev.basalt.core.types.Hash32;

/** The OP Mainnet and OP Sepolia facts these tests need (superchain-registry mainnet/op.toml, sepolia/op.toml). */
final class OpMainnet {
  static final long CHAIN_ID = 10;
  static final long GENESIS_L2_TIME = 1_686_068_903L;
  static final long BLOCK_TIME = 2;
  static final long FJORD_TIME = 1_720_627_201L;

  static final long SEPOLIA_CHAIN_ID = 11_155_420L;
  static final long SEPOLIA_GENESIS_L2_TIME = 1_691_802_540L;

  private OpMainnet() {}

  /** A config with OP Mainnet's timing and Fjord time; only the fields channel reading uses are real. */
  static RollupConfig config() {
    SystemConfig sys = new SystemConfig(Address.ZERO, Hash32.ZERO, Hash32.ZERO, 30_000_000, 50, 6, 0, 0, 0, 0);
    ChainGenesis genesis = new ChainGenesis(BlockId.ZERO, BlockId.ZERO, GENESIS_L2_TIME, sys);
    ForkSchedule forks =
        ForkSchedule.builder()
            .at(Fork.REGOLITH, 0)
            .at(Fork.CANYON, 1_704_992_401L)
            .at(Fork.DELTA, 1_708_560_000L)
            .at(Fork.ECOTONE, 1_710_374_401L)
            .at(Fork.FJORD, FJORD_TIME)
            .build();
    return new RollupConfig(
        1, CHAIN_ID, genesis, BLOCK_TIME, 600, 3600, 300, Address.ZERO, Address.ZERO, Address.ZERO, forks, -1,
        new Eip1559Params(6, 50, 250), false);
  }
}
