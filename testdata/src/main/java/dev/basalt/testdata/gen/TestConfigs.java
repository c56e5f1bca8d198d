package dev.basalt.testdata.gen;

import dev.basalt.core.CoreConfig;
import dev.basalt.core.NodeMode;
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
import dev.basalt.core.types.Address;
import dev.basalt.core.types.BlockId;
import dev.basalt.core.types.Hash32;
import java.util.List;

/** Small, valid configurations for tests that need one but do not care about its details. */
public final class TestConfigs {
  private TestConfigs() {}

  /** An L1 chain with Cancun blob parameters from genesis. */
  public static L1ChainConfig l1(long chainId) {
    return new L1ChainConfig(chainId, List.of(L1ForkActivation.of(L1Fork.CANCUN, 0, new BlobParams(3, 6, 3_338_477))));
  }

  /** A rollup with every fork active from genesis, on L1 chain {@code l1ChainId}. */
  public static RollupConfig rollup(long l1ChainId, long l2ChainId, long blockTimeSeconds) {
    ForkSchedule.Builder forks = ForkSchedule.builder();
    for (Fork f : Fork.values()) {
      forks.at(f, 0);
    }
    SystemConfig system =
        new SystemConfig(Address.fromHex("0x" + "11".repeat(20)), Hash32.ZERO, Hash32.ZERO, 30_000_000, 0, 0, 0, 0, 0, 0);
    ChainGenesis genesis = new ChainGenesis(BlockId.ZERO, BlockId.ZERO, 0, system);
    return new RollupConfig(
        l1ChainId,
        l2ChainId,
        genesis,
        blockTimeSeconds,
        600,
        3600,
        300,
        Address.fromHex("0xff00000000000000000000000000000000000000"),
        Address.fromHex("0x" + "22".repeat(20)),
        Address.fromHex("0x" + "33".repeat(20)),
        forks.build(),
        -1,
        new Eip1559Params(6, 50, 250),
        false);
  }

  /** A validator config for L2 chain {@code l2ChainId} on L1 chain 1 with 2-second blocks. */
  public static CoreConfig core(long l2ChainId) {
    return core(1, l2ChainId);
  }

  public static CoreConfig core(long l1ChainId, long l2ChainId) {
    return new CoreConfig(rollup(l1ChainId, l2ChainId, 2), l1(l1ChainId), NodeMode.VALIDATOR);
  }
}
