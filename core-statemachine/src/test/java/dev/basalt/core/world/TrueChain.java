package dev.basalt.core.world;

import dev.basalt.core.derive.L2BlockInfo;
import dev.basalt.core.derive.PrepareOutcome;
import dev.basalt.core.derive.attributes.StatefulAttributesPreparer;
import dev.basalt.core.derive.batch.BatchData;
import dev.basalt.core.derive.batch.SingularBatch;
import dev.basalt.core.derive.batch.SpanBatchBuilder;
import dev.basalt.core.derive.payload.L2BlockInfoDecoding;
import dev.basalt.core.derive.payload.PayloadBlockInfo;
import dev.basalt.core.derive.pipeline.Fixtures;
import dev.basalt.core.derive.pipeline.L1Txs;
import dev.basalt.core.derive.pipeline.TestChannels;
import dev.basalt.core.engine.ExecutionPayloadEnvelope;
import dev.basalt.core.engine.PayloadAttributes;
import dev.basalt.core.l1.L1Block;
import dev.basalt.core.types.Address;
import dev.basalt.core.types.Bytes;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The world's sequencer and batcher: builds the true L2 chain with the core's own attributes
 * preparer and the toy engine's builder (so derivation reproduces it hash for hash), and encodes
 * its blocks as batcher transactions, singular or span batches in one zlib channel each.
 */
public final class TrueChain {
  private final TestChain chain;
  private final TestL1 l1;
  private final StatefulAttributesPreparer preparer;
  private final List<ExecutionPayloadEnvelope> blocks = new ArrayList<>();
  private final List<L2BlockInfo> infos = new ArrayList<>();
  private final List<List<Bytes>> userTxs = new ArrayList<>();
  private int nonce;

  public TrueChain(TestChain chain, TestL1 l1) {
    this.chain = chain;
    this.l1 = l1;
    this.preparer = new StatefulAttributesPreparer(chain.rollup, chain.l1Config);
    blocks.add(chain.l2Genesis);
    infos.add(decode(chain.l2Genesis));
    userTxs.add(List.of());
  }

  private L2BlockInfo decode(ExecutionPayloadEnvelope block) {
    return switch (PayloadBlockInfo.decode(chain.rollup, block.payload())) {
      case L2BlockInfoDecoding.Decoded d -> d.info();
      case L2BlockInfoDecoding.Invalid i -> throw new IllegalStateException(i.reason());
    };
  }

  /** A signed L2 user transaction (a span batch needs real signatures). */
  public Bytes userTx(String marker) {
    return L1Txs.calldataTx(L1Txs.BATCHER, TestChain.L2_CHAIN_ID, Address.fromHex("0x" + "77".repeat(20)),
        Bytes.wrapOwned((marker + ":" + nonce++).getBytes(StandardCharsets.UTF_8)));
  }

  /** Sequences blocks until the head is {@code number}, one user transaction each. */
  public void sequenceTo(long number) {
    while (head().ref().number() < number) {
      sequence(List.of(userTx("tx")));
    }
  }

  /** The next block with these user transactions; its origin is the L1 block of its time. */
  public ExecutionPayloadEnvelope sequence(List<Bytes> txs) {
    L2BlockInfo parent = head();
    long timestamp = parent.ref().timestamp() + TestChain.L2_BLOCK_SECONDS;
    long originNumber = Math.min((timestamp - TestChain.GENESIS_TIME) / TestChain.L1_BLOCK_SECONDS,
        parent.ref().l1Origin().number() + 1);
    L1Block origin = l1.block(originNumber);
    if (origin == null) {
      throw new IllegalStateException("mine L1 block " + originNumber + " before sequencing at " + timestamp);
    }
    PrepareOutcome.Prepared prepared = (PrepareOutcome.Prepared) preparer.prepare(parent, origin, timestamp);
    List<Bytes> all = new ArrayList<>(prepared.attributes().transactions());
    all.addAll(txs);
    PayloadAttributes attributes = prepared.attributes().withTransactions(all, true);
    ExecutionPayloadEnvelope block = PayloadBuilder.build(chain.rollup, blocks.get(blocks.size() - 1).payload(), attributes);
    blocks.add(block);
    infos.add(decode(block));
    userTxs.add(List.copyOf(txs));
    return block;
  }

  public L2BlockInfo head() {
    return infos.get(infos.size() - 1);
  }

  public ExecutionPayloadEnvelope block(int number) {
    return blocks.get(number);
  }

  public L2BlockInfo info(int number) {
    return infos.get(number);
  }

  /** Blocks {@code from..to} inclusive. */
  public List<ExecutionPayloadEnvelope> blocks(int from, int to) {
    return List.copyOf(blocks.subList(from, to + 1));
  }

  /** Forgets blocks above {@code number} (to sequence a different chain after an L1 reorg). */
  public void truncate(int number) {
    while (blocks.size() > number + 1) {
      blocks.remove(blocks.size() - 1);
      infos.remove(infos.size() - 1);
      userTxs.remove(userTxs.size() - 1);
    }
  }

  public SingularBatch batch(int number) {
    L2BlockInfo b = infos.get(number);
    return new SingularBatch(b.ref().parentHash(), b.ref().l1Origin().number(), b.ref().l1Origin().hash(), b.ref().timestamp(),
        userTxs.get(number));
  }

  /** A batcher transaction carrying blocks {@code from..to} as singular batches in one channel. */
  public Bytes singularBatches(String channel, int from, int to) {
    List<BatchData> batches = new ArrayList<>();
    for (int n = from; n <= to; n++) {
      batches.add(batch(n));
    }
    return batcherTx(TestChannels.txData(channel, batches.toArray(BatchData[]::new)));
  }

  /** A batcher transaction carrying blocks {@code from..to} as one span batch. */
  public Bytes spanBatch(String channel, int from, int to) {
    SpanBatchBuilder span = new SpanBatchBuilder(TestChain.GENESIS_TIME, TestChain.L2_CHAIN_ID);
    for (int n = from; n <= to; n++) {
      span.add(batch(n), infos.get(n).ref().sequenceNumber());
    }
    return batcherTx(TestChannels.txData(channel, span.build()));
  }

  private static Bytes batcherTx(Bytes data) {
    return L1Txs.calldataTx(L1Txs.BATCHER, 1, Fixtures.BATCH_INBOX, data);
  }
}
