package dev.basalt.core.derive.attributes;

import static dev.basalt.core.derive.attributes.TestChain.GAS_LIMIT;
import static dev.basalt.core.derive.attributes.TestChain.STAGGERED;
import static dev.basalt.core.derive.attributes.TestChain.STAGGERED_KEEPS_KARST_GAS;
import static dev.basalt.core.derive.attributes.TestChain.config;
import static dev.basalt.core.derive.attributes.TestChain.l1Block;
import static dev.basalt.core.derive.attributes.TestChain.l2Hash;
import static dev.basalt.core.derive.attributes.TestChain.parent;
import static dev.basalt.core.derive.attributes.TestChain.prepared;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.basalt.core.config.RollupConfig;
import dev.basalt.core.derive.L2BlockInfo;
import dev.basalt.core.derive.PrepareOutcome;
import dev.basalt.core.derive.payload.L2BlockInfoDecoding;
import dev.basalt.core.derive.payload.PayloadBlockInfo;
import dev.basalt.core.engine.ExecutionPayload;
import dev.basalt.core.types.BlockId;
import dev.basalt.core.upgrade.KarstUpgrade;
import org.junit.jupiter.api.Test;

/**
 * Prepared blocks read back as the next block's parent, as op-node reads them: the Karst upgrade
 * gas leaves the system config again unless the chain keeps it, and the Holocene activation
 * block's zeros come back as the Canyon defaults the engine wrote.
 */
class ReadBackTest {

  /** Prepares the mid-epoch block at {@code time} (origin {@code time / 12}), "executes" it and reads it back. */
  private static L2BlockInfo buildAndReadBack(RollupConfig rollup, long time) {
    long origin = time / 12;
    L2BlockInfo parent = parent(time - 2, origin, 0, config());
    PrepareOutcome.Prepared p = prepared(new StatefulAttributesPreparer(rollup, TestChain.L1).prepare(parent, l1Block(origin), time));
    ExecutionPayload block = TestPayloads.build(rollup, p.attributes(), time / 2, parent.ref().hash(), l2Hash(time / 2));
    L2BlockInfo info = assertInstanceOf(L2BlockInfoDecoding.Decoded.class, PayloadBlockInfo.decode(rollup, block)).info();
    assertEquals(new BlockId(TestChain.l1Hash(origin), origin), info.ref().l1Origin());
    assertEquals(1, info.ref().sequenceNumber());
    assertEquals(p.attributes().transactions(), info.transactions());
    return info;
  }

  @Test
  void theKarstUpgradeGasLeavesTheNextBlockUnlessTheChainKeepsIt() {
    long karstGas = KarstUpgrade.upgradeGas();
    L2BlockInfo stripped = buildAndReadBack(STAGGERED, 900);
    assertEquals(GAS_LIMIT, stripped.systemConfig().gasLimit());
    PrepareOutcome.Prepared next = prepared(new StatefulAttributesPreparer(STAGGERED, TestChain.L1).prepare(stripped, l1Block(75), 902));
    assertEquals(GAS_LIMIT, next.attributes().gasLimit());

    L2BlockInfo kept = buildAndReadBack(STAGGERED_KEEPS_KARST_GAS, 900);
    assertEquals(GAS_LIMIT + karstGas, kept.systemConfig().gasLimit());
    PrepareOutcome.Prepared keptNext =
        prepared(new StatefulAttributesPreparer(STAGGERED_KEEPS_KARST_GAS, TestChain.L1).prepare(kept, l1Block(75), 902));
    assertEquals(GAS_LIMIT + karstGas, keptNext.attributes().gasLimit());
  }

  @Test
  void theHoloceneActivationBlocksZerosReadBackAsTheCanyonDefaults() {
    L2BlockInfo activation = buildAndReadBack(STAGGERED, 600);
    assertEquals(250, activation.systemConfig().eip1559Denominator());
    assertEquals(6, activation.systemConfig().eip1559Elasticity());
    assertEquals(0, buildAndReadBack(STAGGERED, 598).systemConfig().eip1559Denominator());
  }

  @Test
  void theDaFootprintDefaultReadsBackAs400() {
    assertEquals(0, buildAndReadBack(STAGGERED, 800).systemConfig().daFootprintGasScalar(), "Isthmus form on the activation block");
    assertEquals(400, buildAndReadBack(STAGGERED, 802).systemConfig().daFootprintGasScalar());
  }
}
