package dev.basalt.core.world;

import dev.basalt.core.CoreConfig;
import dev.basalt.core.NodeMode;
import dev.basalt.core.SyncMode;
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
import dev.basalt.core.derive.pipeline.Fixtures;
import dev.basalt.core.derive.pipeline.L1Txs;
import dev.basalt.core.engine.ExecutionPayloadEnvelope;
import dev.basalt.core.sysconfig.EcotoneScalar;
import dev.basalt.core.types.Address;
import dev.basalt.core.types.BlockId;
import dev.basalt.core.types.Hash32;
import dev.basalt.core.types.L1BlockRef;
import java.util.List;

/**
 * The chain a scenario runs: an L1 genesis, an L2 genesis built by the toy engine, and the rollup
 * configuration naming both. Small parameters keep scenarios short: 12 s L1 blocks, 2 s L2 blocks,
 * a sequencing window of {@link #SEQ_WINDOW} L1 blocks.
 */
public final class TestChain {
  public static final long GENESIS_TIME = 1_700_000_000L;
  public static final long L1_BLOCK_SECONDS = 12;
  public static final long L2_BLOCK_SECONDS = 2;
  public static final long SEQ_WINDOW = 20;
  public static final long L2_CHAIN_ID = 901;
  public static final long GAS_LIMIT = 30_000_000;
  public static final Address DEPOSIT_CONTRACT = Address.fromHex("0xbeb5fc579115071764c7423a4f12edde41f106ed");

  public final RollupConfig rollup;
  public final L1ChainConfig l1Config;
  public final ExecutionPayloadEnvelope l2Genesis;
  public final L1BlockRef l1Genesis;

  private TestChain(ForkSchedule forks) {
    l1Genesis = TestL1.ref(0, 0, GENESIS_TIME);
    l1Config = new L1ChainConfig(1, List.of(L1ForkActivation.of(L1Fork.CANCUN, 0, BlobParams.CANCUN)));
    SystemConfig system = new SystemConfig(L1Txs.BATCHER.address(), Hash32.ZERO, EcotoneScalar.encode(810_949, 1_368), GAS_LIMIT,
        0, 0, 0, 0, 0, 0);
    RollupConfig draft = rollup(forks, BlockId.ZERO, system);
    l2Genesis = PayloadBuilder.genesis(draft, GENESIS_TIME, GAS_LIMIT);
    rollup = rollup(forks, new BlockId(l2Genesis.payload().blockHash(), 0), system);
  }

  private RollupConfig rollup(ForkSchedule forks, BlockId l2, SystemConfig system) {
    return new RollupConfig(1, L2_CHAIN_ID, new ChainGenesis(l1Genesis.id(), l2, GENESIS_TIME, system), L2_BLOCK_SECONDS, 600,
        SEQ_WINDOW, 10, Fixtures.BATCH_INBOX, DEPOSIT_CONTRACT, Fixtures.SYSTEM_CONFIG, forks, -1, new Eip1559Params(6, 50, 250),
        false);
  }

  /** Every fork through Holocene active from genesis. */
  public static TestChain holocene() {
    return new TestChain(Fixtures.forksThrough(Fork.HOLOCENE));
  }

  /** Every fork through Granite: invalid derived blocks are dropped, not replaced. */
  public static TestChain granite() {
    return new TestChain(Fixtures.forksThrough(Fork.GRANITE));
  }

  public CoreConfig config() {
    return config(SyncMode.CONSENSUS_LAYER, 0);
  }

  public CoreConfig config(SyncMode syncMode, long verifierL1Confs) {
    return new CoreConfig(rollup, l1Config, NodeMode.VALIDATOR, syncMode, verifierL1Confs);
  }
}
