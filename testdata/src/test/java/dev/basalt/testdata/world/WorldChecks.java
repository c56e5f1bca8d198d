package dev.basalt.testdata.world;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.basalt.core.block.BlockHeader;
import dev.basalt.core.config.Fork;
import dev.basalt.core.config.RollupConfig;
import dev.basalt.core.derive.payload.FeeParamsExtraData;
import dev.basalt.core.derive.payload.L2BlockInfoDecoding;
import dev.basalt.core.derive.payload.PayloadBlockInfo;
import dev.basalt.core.engine.ExecutionPayload;
import dev.basalt.core.trie.OrderedTrie;
import dev.basalt.testdata.world.engine.L2Headers;
import dev.basalt.testdata.world.rollup.TrueBlock;

/** Invariants every L2 block the world produces must satisfy, checked with the core's own code. */
final class WorldChecks {
  private WorldChecks() {}

  static void verifyL2(RollupConfig rollup, TrueBlock b, TrueBlock parent) {
    ExecutionPayload p = b.envelope().payload();
    BlockHeader h = L2Headers.header(rollup, b.envelope());
    assertEquals(p.blockHash(), h.hash(), "block hash is the header hash");
    assertEquals(OrderedTrie.root(p.transactions()), h.transactionsRoot());
    var decoded = assertInstanceOf(L2BlockInfoDecoding.Decoded.class, PayloadBlockInfo.decode(rollup, p));
    assertEquals(b.info(), decoded.info());
    long t = p.timestamp();
    assertEquals(rollup.isActive(Fork.CANYON, t), p.withdrawals().isPresent(), "withdrawals from Canyon");
    assertEquals(rollup.isActive(Fork.ECOTONE, t), b.envelope().parentBeaconBlockRoot().isPresent(), "beacon root from Ecotone");
    assertEquals(rollup.isActive(Fork.ISTHMUS, t), h.requestsHash() != null, "requests hash from Isthmus");
    assertEquals(rollup.isActive(Fork.ISTHMUS, t), p.withdrawalsRoot().isPresent(), "withdrawals root from Isthmus");
    assertTrue(FeeParamsExtraData.validate(rollup, t, p.extraData()).isEmpty(), "extraData valid for the fork");
    if (parent != null) {
      assertEquals(parent.ref().hash(), p.parentHash());
      assertEquals(parent.number() + 1, p.blockNumber());
      assertEquals(parent.ref().timestamp() + rollup.blockTimeSeconds(), t);
      long originGap = b.ref().l1Origin().number() - parent.ref().l1Origin().number();
      assertTrue(originGap == 0 || originGap == 1, "origin stays or advances by one");
      assertEquals(originGap == 0 ? parent.ref().sequenceNumber() + 1 : 0, b.ref().sequenceNumber());
    }
  }
}
