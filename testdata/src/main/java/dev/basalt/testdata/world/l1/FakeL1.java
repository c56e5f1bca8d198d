package dev.basalt.testdata.world.l1;

import dev.basalt.core.block.Withdrawal;
import dev.basalt.core.types.Address;
import dev.basalt.core.types.Hash32;
import dev.basalt.testdata.gen.SimRng;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The simulated L1 chain and its miner: transactions wait in a mempool, {@link #mine()} seals the
 * next block a block time after the head, {@link #reorg} replaces the newest blocks with a new
 * branch. Everything random (RANDAO mix, withdrawals) comes from the {@link SimRng} given, so a
 * seed reproduces the chain byte for byte.
 */
public final class FakeL1 {
  private final L1Params params;
  private final SimRng rng;
  private final L1ChainStore chain;
  private final L1TxFactory txs;
  private final Deque<L1Tx> mempool = new ArrayDeque<>();
  private long withdrawalIndex;

  public FakeL1(L1Params params, SimRng rng) {
    this.params = params;
    this.rng = rng;
    this.chain = new L1ChainStore(params, L1BlockAssembler.genesis(params, Hash32.wrap(rng.bytes(32))));
    this.txs = new L1TxFactory(params.chainId());
  }

  public L1Params params() {
    return params;
  }

  public L1ChainStore chain() {
    return chain;
  }

  /** The signer for transactions sent to this chain (one nonce sequence per sender). */
  public L1TxFactory txs() {
    return txs;
  }

  /** Queues a transaction for the next blocks. */
  public void submit(L1Tx tx) {
    mempool.addLast(tx);
  }

  public int mempoolSize() {
    return mempool.size();
  }

  /** Seals the next block one block time after the head. */
  public MinedL1Block mine() {
    return mineAt(chain.head().timestamp() + params.blockTimeSeconds());
  }

  /**
   * Seals the next block at {@code timestamp} (a later slot than usual models missed slots) with as
   * many queued transactions, in order, as its gas limit and blob maximum allow.
   */
  public MinedL1Block mineAt(long timestamp) {
    MinedL1Block parent = chain.head();
    if (timestamp <= parent.timestamp()) {
      throw new IllegalArgumentException("block time " + timestamp + " not after the head's " + parent.timestamp());
    }
    List<L1Tx> included = select(timestamp);
    MinedL1Block block =
        L1BlockAssembler.seal(params, parent, timestamp, Hash32.wrap(rng.bytes(32)), included, withdrawals(timestamp));
    chain.append(block);
    return block;
  }

  /**
   * The queued transactions the block at {@code timestamp} takes, in queue order. A transaction
   * that does not fit waits, and so does every later one from its sender: a real L1 includes a
   * sender's transactions only in nonce order, so a smaller later one never overtakes it (the
   * batcher relies on that to land its channels in the order it posts them).
   */
  private List<L1Tx> select(long timestamp) {
    long maxBlobs = params.forks().cancun(timestamp) ? params.forks().blobParams(timestamp).max() : 0;
    List<L1Tx> included = new ArrayList<>();
    List<L1Tx> deferred = new ArrayList<>();
    Set<Address> waiting = new TreeSet<>();
    long gas = 0;
    long blobs = 0;
    while (!mempool.isEmpty()) {
      L1Tx tx = mempool.pollFirst();
      boolean fits = !waiting.contains(tx.from()) && gas + tx.gasUsed() <= params.gasLimit()
          && blobs + tx.blobs().size() <= maxBlobs && (tx.blobs().isEmpty() || maxBlobs > 0);
      if (fits) {
        included.add(tx);
        gas += tx.gasUsed();
        blobs += tx.blobs().size();
      } else {
        deferred.add(tx);
        waiting.add(tx.from());
      }
    }
    deferred.forEach(mempool::addLast);
    return included;
  }

  private List<Withdrawal> withdrawals(long timestamp) {
    if (!params.forks().shanghai(timestamp)) {
      return List.of();
    }
    List<Withdrawal> out = new ArrayList<>();
    int n = rng.nextInt(3);
    for (int i = 0; i < n; i++) {
      out.add(new Withdrawal(withdrawalIndex++, rng.nextLong(1_000_000), Address.wrap(rng.bytes(20)), rng.between(1, 40_000_000)));
    }
    return out;
  }

  /**
   * Replaces the newest {@code depth} blocks with {@code newLength} new ones at the same block
   * times (a new RANDAO mix makes every new block differ). With {@code reinclude}, the replaced
   * blocks' transactions return to the mempool ahead of anything queued, as a real node's
   * transaction pool does, and land in the new branch; otherwise they are gone.
   *
   * @return the replaced blocks, oldest first
   */
  public List<MinedL1Block> reorg(int depth, int newLength, boolean reinclude) {
    List<MinedL1Block> removed = chain.rewind(depth);
    if (reinclude) {
      List<L1Tx> back = new ArrayList<>();
      removed.forEach(b -> back.addAll(b.transactions()));
      for (int i = back.size() - 1; i >= 0; i--) {
        mempool.addFirst(back.get(i));
      }
    }
    for (int i = 0; i < newLength; i++) {
      mine();
    }
    return removed;
  }
}
