package dev.basalt.testdata.world.rollup;

import dev.basalt.core.types.Bytes;
import dev.basalt.core.types.Hash32;
import dev.basalt.testdata.world.l1.L1ChainStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The world's true L2 chain: every block the world sequencer sealed (genesis first), and for each
 * block the batcher transactions of the channel that carries it. A block is safe from the L1 block
 * that includes the last transaction of its channel on the canonical L1 chain, which is when a
 * derivation pipeline following that L1 can first derive it. (Derivation can lag further when its
 * pipeline stalls; tests compare with this as the earliest point.)
 */
public final class TrueChain {
  private final List<TrueBlock> blocks = new ArrayList<>();
  private final Map<Long, List<Hash32>> channelTxsByBlock = new HashMap<>();
  /**
   * For each batcher transaction, the blocks whose channel it was recorded for: finds the blocks
   * that shared a channel with dropped ones without scanning the whole chain. May name blocks whose
   * channel has been replaced since, so every candidate is checked against {@link #channelTxsByBlock}.
   */
  private final Map<Hash32, List<Long>> blocksByChannelTx = new HashMap<>();
  private final Map<Long, List<Bytes>> batchOnlyTxs = new HashMap<>();
  /**
   * Positions in {@link #blocks} where the L1 origin changes (0 and every block whose origin differs
   * from its parent's): lets a scan for the first non-canonical origin look at each origin once.
   */
  private final List<Integer> originRunStarts = new ArrayList<>();
  private final long genesisNumber;

  TrueChain(TrueBlock genesis) {
    blocks.add(genesis);
    originRunStarts.add(0);
    genesisNumber = genesis.number();
  }

  void append(TrueBlock b) {
    if (!b.ref().parentHash().equals(head().ref().hash())) {
      throw new IllegalArgumentException("block " + b.number() + " does not extend the true chain");
    }
    if (!b.ref().l1Origin().hash().equals(head().ref().l1Origin().hash())) {
      originRunStarts.add(blocks.size());
    }
    blocks.add(b);
  }

  /** How many runs of consecutive blocks with the same L1 origin hash the chain has. */
  int originRuns() {
    return originRunStarts.size();
  }

  /**
   * The first block of run {@code run} (0 = genesis's) of consecutive blocks with the same L1 origin
   * hash: the blocks at which a walk over the chain meets a new origin.
   */
  TrueBlock originRunFirst(int run) {
    return blocks.get(originRunStarts.get(run));
  }

  /**
   * Drops every block from {@code number} on (after an L1 reorg took their origins away). A kept
   * block whose channel also carried a dropped block is no longer batched either: that channel is
   * worthless to derivation (a span batch is checked against its last block's L1 origin, which the
   * reorg replaced, and is dropped whole), so the block must be posted again.
   *
   * @return the first block to post again: {@code number}, or the first kept block that shared a
   *     channel with a dropped one
   */
  long truncateFrom(long number) {
    Set<Hash32> lostChannels = new HashSet<>();
    while (head().number() >= number && blocks.size() > 1) {
      batchOnlyTxs.remove(head().number());
      List<Hash32> txs = channelTxsByBlock.remove(head().number());
      if (txs != null) {
        lostChannels.addAll(txs);
      }
      blocks.remove(blocks.size() - 1);
    }
    while (originRunStarts.get(originRunStarts.size() - 1) >= blocks.size()) {
      originRunStarts.remove(originRunStarts.size() - 1);
    }
    long repostFrom = number;
    if (lostChannels.isEmpty()) {
      return repostFrom; // no dropped block was batched: no kept block shared a channel with one
    }
    // Every kept block whose channel has a lost transaction: found through the index (a superset,
    // each checked as a scan of all kept blocks would); the outcome does not depend on the order.
    long headNumber = head().number();
    for (Hash32 tx : lostChannels) {
      for (long n : blocksByChannelTx.getOrDefault(tx, List.of())) {
        List<Hash32> txs = channelTxsByBlock.get(n);
        if (n > genesisNumber && n <= headNumber && txs != null && anyIn(txs, lostChannels)) {
          channelTxsByBlock.remove(n);
          repostFrom = Math.min(repostFrom, n);
        }
      }
    }
    // No block's channel holds a lost transaction any more (kept ones were just cleared, dropped ones before).
    lostChannels.forEach(blocksByChannelTx::remove);
    return repostFrom;
  }

  private static boolean anyIn(List<Hash32> txs, Set<Hash32> set) {
    for (Hash32 tx : txs) {
      if (set.contains(tx)) {
        return true;
      }
    }
    return false;
  }

  void recordChannel(List<Long> l2Numbers, List<Hash32> txHashes) {
    List<Hash32> txs = List.copyOf(txHashes);
    for (long n : l2Numbers) {
      channelTxsByBlock.put(n, txs);
      for (Hash32 tx : txs) {
        blocksByChannelTx.computeIfAbsent(tx, k -> new ArrayList<>(4)).add(n);
      }
    }
  }

  void recordBatchOnly(long number, List<Bytes> txs) {
    batchOnlyTxs.put(number, List.copyOf(txs));
  }

  /**
   * Transactions the batch for block {@code number} carries although the block does not: the node's
   * engine rejects the payload they make, and Holocene's deposits-only replacement is the true block.
   */
  public List<Bytes> batchOnlyTxs(long number) {
    return batchOnlyTxs.getOrDefault(number, List.of());
  }

  /** The transactions of the channel that batched block {@code number}; empty while it is not batched. */
  public List<Hash32> channelTxs(long number) {
    return channelTxsByBlock.getOrDefault(number, List.of());
  }

  public TrueBlock head() {
    return blocks.get(blocks.size() - 1);
  }

  public TrueBlock genesis() {
    return blocks.get(0);
  }

  public Optional<TrueBlock> block(long number) {
    long i = number - genesisNumber;
    return i >= 0 && i < blocks.size() ? Optional.of(blocks.get((int) i)) : Optional.empty();
  }

  public List<TrueBlock> blocks() {
    return List.copyOf(blocks);
  }

  /** Whether the batcher has posted the block (its channel's transactions were sent to L1). */
  public boolean isBatched(long number) {
    return channelTxsByBlock.containsKey(number);
  }

  /**
   * The number of the canonical L1 block from which block {@code number} is safe, empty while its
   * channel is not completely included in the canonical chain. The genesis block is safe from L1
   * genesis.
   */
  public OptionalLong safeAtL1(long number, L1ChainStore l1) {
    if (number == genesisNumber) {
      return OptionalLong.of(0);
    }
    List<Hash32> txs = channelTxsByBlock.get(number);
    return txs == null ? OptionalLong.empty() : includedAt(txs, l1);
  }

  /** The canonical L1 block that includes the last of {@code txs}; empty while one is not included. */
  static OptionalLong includedAt(List<Hash32> txs, L1ChainStore l1) {
    long at = 0;
    for (Hash32 tx : txs) {
      Optional<L1ChainStore.TxLocation> where = l1.transaction(tx);
      if (where.isEmpty()) {
        return OptionalLong.empty();
      }
      at = Math.max(at, where.get().blockNumber());
    }
    return OptionalLong.of(at);
  }

  /** The newest true block that is safe once L1 block {@code l1Number} is processed (genesis at least). */
  public TrueBlock safeHeadAt(long l1Number, L1ChainStore l1) {
    TrueBlock safe = genesis();
    for (TrueBlock b : blocks) {
      OptionalLong at = safeAtL1(b.number(), l1);
      if (at.isEmpty() || at.getAsLong() > l1Number) {
        break;
      }
      safe = b;
    }
    return safe;
  }
}
