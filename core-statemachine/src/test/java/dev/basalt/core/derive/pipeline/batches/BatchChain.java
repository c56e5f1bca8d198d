package dev.basalt.core.derive.pipeline.batches;

import dev.basalt.core.config.ForkSchedule;
import dev.basalt.core.config.RollupConfig;
import dev.basalt.core.config.SystemConfig;
import dev.basalt.core.derive.L2BlockInfo;
import dev.basalt.core.derive.L2ChainView;
import dev.basalt.core.derive.batch.SingularBatch;
import dev.basalt.core.derive.batch.SpanBatch;
import dev.basalt.core.derive.batch.SpanBatchElement;
import dev.basalt.core.derive.pipeline.Fixtures;
import dev.basalt.core.types.Address;
import dev.basalt.core.types.Bytes;
import dev.basalt.core.types.Hash32;
import dev.basalt.core.types.L1BlockRef;
import dev.basalt.core.types.L2BlockRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * op-node's {@code TestValidBatch} chain: L1 blocks A..F seven seconds apart, L2 blocks of epochs
 * A and B two seconds apart, the X/Y/Z chain whose blocks run past the drift bound, and a late B.
 * Sequencing window 4, drift 6 (before Fjord).
 */
final class BatchChain {
  static final long BLOCK_TIME = 2;
  final L1BlockRef l1A = new L1BlockRef(Fixtures.hash(1, 10), 10, Fixtures.hash(1, 9), 1000);
  final L1BlockRef l1B = next(l1A, 7);
  final L1BlockRef l1C = next(l1B, 7);
  final L1BlockRef l1D = next(l1C, 7);
  final L1BlockRef l1E = next(l1D, 7);
  final L1BlockRef l1F = next(l1E, 7);
  final L2BlockRef l2A0 = new L2BlockRef(Fixtures.hash(2, 100), 100, Fixtures.hash(2, 99), l1A.timestamp(), l1A.id(), 0);
  final L2BlockRef l2A1 = child(l2A0, l1A, 1);
  final L2BlockRef l2A2 = child(l2A1, l1A, 2);
  final L2BlockRef l2A3 = child(l2A2, l1A, 3);
  final L2BlockRef l2B0 = child(l2A3, l1B, 0);
  final L2BlockRef l2B1 = child(l2B0, l1B, 1);
  final L2BlockRef l2B2 = child(l2B1, l1B, 2);
  final L1BlockRef l1X = new L1BlockRef(Fixtures.hash(3, 42), 42, Fixtures.hash(3, 41), 10_000);
  final L1BlockRef l1Y = next(l1X, 12);
  final L1BlockRef l1Z = next(l1Y, 12);
  /** One block more and the chain is ahead of the next L1 block by more than the drift. */
  final L2BlockRef l2X0 = new L2BlockRef(Fixtures.hash(4, 1000), 1000, Fixtures.hash(4, 999), 10_000 + 24 + 6 - 1, l1X.id(), 0);
  final L2BlockRef l2Y0 = child(l2X0, l1Y, 0);
  final L2BlockRef l2Z0 = child(l2Y0, l1Z, 0);
  /** Eight seconds after A0: past the drift bound of 6. */
  final L2BlockRef l2A4 = child(l2A3, l1A, 4);
  /** A B too late for A4 to adopt. */
  final L1BlockRef l1BLate = new L1BlockRef(Fixtures.hash(5, 11), 11, l1A.hash(), l2A4.timestamp() + 1);

  static L1BlockRef next(L1BlockRef parent, long seconds) {
    long n = parent.number() + 1;
    return new L1BlockRef(Fixtures.hash(parent.hash().get(0), n), n, parent.hash(), parent.timestamp() + seconds);
  }

  static L2BlockRef child(L2BlockRef parent, L1BlockRef origin, long seq) {
    long n = parent.number() + 1;
    return new L2BlockRef(Fixtures.hash(parent.hash().get(0), n), n, parent.hash(), parent.timestamp() + BLOCK_TIME, origin.id(), seq);
  }

  static RollupConfig config(ForkSchedule forks) {
    return Fixtures.config(31, BLOCK_TIME, 4, 6, 300, forks);
  }

  /** The batch that would build {@code block}: its parent, epoch, time and transactions. */
  static SingularBatch batchFor(L2BlockRef block, List<Bytes> txs) {
    return new SingularBatch(block.parentHash(), block.l1Origin().number(), block.l1Origin().hash(), block.timestamp(), txs);
  }

  static SingularBatch batch(Hash32 parent, L1BlockRef epoch, long timestamp, List<Bytes> txs) {
    return new SingularBatch(parent, epoch.number(), epoch.hash(), timestamp, txs);
  }

  /** A span batch of these blocks (op-node {@code initializedSpanBatch}). */
  static SpanBatch span(SingularBatch... blocks) {
    List<SpanBatchElement> elements = new ArrayList<>();
    for (SingularBatch b : blocks) {
      elements.add(new SpanBatchElement(b.epochNumber(), b.timestamp(), b.transactions()));
    }
    Bytes parentCheck = Bytes.wrapOwned(blocks[0].parentHash().toArray()).slice(0, 20);
    Bytes originCheck = Bytes.wrapOwned(blocks[blocks.length - 1].epochHash().toArray()).slice(0, 20);
    return new SpanBatch(parentCheck, originCheck, elements);
  }

  /** An L2 view holding some blocks, each with one deposit and the given user transactions. */
  static final class View implements L2ChainView {
    final TreeMap<Long, L2BlockInfo> blocks = new TreeMap<>();

    View with(L2BlockRef ref, Bytes... userTxs) {
      List<Bytes> txs = new ArrayList<>();
      txs.add(Bytes.wrapOwned(new byte[] {0x7e, (byte) ref.l1Origin().number(), (byte) ref.number()}));
      txs.addAll(List.of(userTxs));
      SystemConfig sys = new SystemConfig(Address.ZERO, Hash32.ZERO, Hash32.ZERO, 30_000_000, 0, 0, 0, 0, 0, 0);
      blocks.put(ref.number(), new L2BlockInfo(ref, sys, txs));
      return this;
    }

    @Override
    public Optional<L2BlockInfo> blockByNumber(long number) {
      return Optional.ofNullable(blocks.get(number));
    }
  }
}
