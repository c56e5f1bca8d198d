package dev.basalt.core.derive.pipeline.attributes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.basalt.core.config.Fork;
import dev.basalt.core.config.RollupConfig;
import dev.basalt.core.derive.AttributesWithParent;
import dev.basalt.core.derive.L2BlockInfo;
import dev.basalt.core.derive.PrepareOutcome;
import dev.basalt.core.derive.batch.SingularBatch;
import dev.basalt.core.derive.pipeline.FakePreparer;
import dev.basalt.core.derive.pipeline.Fixtures;
import dev.basalt.core.derive.pipeline.L1BlockCache;
import dev.basalt.core.derive.pipeline.L1Txs;
import dev.basalt.core.derive.pipeline.Pull;
import dev.basalt.core.derive.pipeline.StepResult;
import dev.basalt.core.derive.pipeline.batches.NextBatch;
import dev.basalt.core.derive.pipeline.batches.SingularBatchSource;
import dev.basalt.core.l1.L1Block;
import dev.basalt.core.types.Bytes;
import dev.basalt.core.types.L1BlockRef;
import dev.basalt.core.types.L2BlockRef;
import java.util.ArrayDeque;
import java.util.List;
import org.junit.jupiter.api.Test;

/** op-node's {@code attributes_queue_test.go}: batch transactions after the deposits, noTxPool. */
class AttributesQueueTest {
  private final RollupConfig cfg = Fixtures.config(0, 2, 100, 600, 300, Fixtures.forksThrough(Fork.HOLOCENE));
  private final L1BlockRef epochRef = Fixtures.l1Chain(10, 1000).get(0);
  private final L1Block epoch = L1Txs.block(epochRef);
  private final L1BlockCache cache = new L1BlockCache(8);
  private final FakePreparer preparer = new FakePreparer();
  private final L2BlockInfo parent = new L2BlockInfo(
      new L2BlockRef(Fixtures.hash(2, 5), 5, Fixtures.hash(2, 4), 1000, epochRef.id(), 0), cfg.genesis().systemConfig(), List.of());

  static final class Batches implements SingularBatchSource {
    final ArrayDeque<NextBatch> batches = new ArrayDeque<>();

    @Override
    public Pull<NextBatch> nextBatch(L2BlockRef parent) {
      return batches.isEmpty() ? Pull.eof() : Pull.value(batches.pollFirst());
    }

    @Override
    public L1BlockRef origin() {
      return Fixtures.l1Chain(12, 1024).get(0);
    }
  }

  private SingularBatch batch(long timestamp, List<Bytes> txs) {
    return new SingularBatch(parent.ref().hash(), epochRef.number(), epochRef.hash(), timestamp, txs);
  }

  @Test
  void appendsTheBatchTransactionsAfterTheDepositsAndSetsNoTxPool() {
    Batches in = new Batches();
    List<Bytes> txs = List.of(Bytes.fromHex("0x02aa"), Bytes.fromHex("0x02bb"));
    in.batches.add(new NextBatch(batch(1002, txs), false));
    cache.put(epoch);
    AttributesQueue aq = new AttributesQueue(cfg, in, preparer, cache);
    AttributesWithParent a = ((Pull.Value<AttributesWithParent>) aq.nextAttributes(parent)).value();
    assertEquals(List.of(FakePreparer.deposit(epoch), txs.get(0), txs.get(1)), a.attributes().transactions());
    assertTrue(a.attributes().noTxPool());
    assertEquals(1002, a.attributes().timestamp());
    assertEquals(parent.ref(), a.parent());
    assertEquals(in.origin(), a.derivedFrom());
    assertEquals(false, a.lastInSpan());
    assertInstanceOf(Pull.Eof.class, aq.nextAttributes(parent));
  }

  @Test
  void keepsTheBatchWhileTheEpochBlockIsMissing() {
    Batches in = new Batches();
    in.batches.add(new NextBatch(batch(1002, List.of()), true));
    AttributesQueue aq = new AttributesQueue(cfg, in, preparer, cache);
    assertEquals(new Pull.Halt<AttributesWithParent>(new StepResult.NeedL1Block(10)), aq.nextAttributes(parent));
    cache.put(epoch);
    assertTrue(((Pull.Value<AttributesWithParent>) aq.nextAttributes(parent)).value().lastInSpan());
  }

  @Test
  void aDifferentEpochBlockOrABatchOffTheSafeHeadResets() {
    Batches in = new Batches();
    in.batches.add(new NextBatch(batch(1002, List.of()), true));
    cache.put(L1Txs.block(new L1BlockRef(Fixtures.hash(9, 10), 10, Fixtures.hash(9, 9), 1000)));
    AttributesQueue aq = new AttributesQueue(cfg, in, preparer, cache);
    assertInstanceOf(StepResult.Reset.class, ((Pull.Halt<AttributesWithParent>) aq.nextAttributes(parent)).result());
    aq.reset();
    in.batches.add(new NextBatch(batch(1004, List.of()), true));
    cache.put(epoch);
    assertInstanceOf(StepResult.Reset.class, ((Pull.Halt<AttributesWithParent>) aq.nextAttributes(parent)).result(),
        "a batch two block times after the safe head cannot be built on it");
  }

  @Test
  void preparerOutcomesMapToPipelineResults() {
    Batches in = new Batches();
    in.batches.add(new NextBatch(batch(1002, List.of()), true));
    cache.put(epoch);
    AttributesQueue aq = new AttributesQueue(cfg, in, preparer, cache);
    preparer.next = new PrepareOutcome.Reset("wrong epoch");
    assertEquals(new Pull.Halt<AttributesWithParent>(new StepResult.Reset("wrong epoch")), aq.nextAttributes(parent));
    preparer.next = new PrepareOutcome.Critical("bad deposit log");
    assertEquals(new Pull.Halt<AttributesWithParent>(new StepResult.Critical("bad deposit log")), aq.nextAttributes(parent));
    assertInstanceOf(Pull.Value.class, aq.nextAttributes(parent), "the batch was kept through both");
  }
}
