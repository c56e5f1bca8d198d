package dev.basalt.core.world;

import dev.basalt.core.crypto.Keccak;
import dev.basalt.core.l1.InboxTransaction;
import dev.basalt.core.l1.L1Block;
import dev.basalt.core.types.Bytes;
import dev.basalt.core.types.Hash32;
import dev.basalt.core.types.L1BlockRef;
import dev.basalt.core.types.ReceiptLog;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * An in-memory L1 chain: blocks 12 s apart, hashes tagged with a fork number so a reorg gives the
 * replaced heights new hashes, inbox transactions and logs as the derivation pipeline reads them.
 * The core never checks L1 header hashes itself (the adapter does), so synthetic hashes suffice.
 */
public final class TestL1 {
  private final List<L1Block> blocks = new ArrayList<>();
  private int fork;
  private long finalized;

  public TestL1(L1BlockRef genesis) {
    blocks.add(block(genesis, List.of(), List.of()));
  }

  public static Hash32 hash(long number, int fork) {
    byte[] b = new byte[32];
    b[0] = 0x11;
    b[1] = (byte) fork;
    for (int i = 0; i < 8; i++) {
      b[24 + i] = (byte) (number >>> (56 - 8 * i));
    }
    return Hash32.wrap(b);
  }

  public static L1BlockRef ref(long number, int fork, long timestamp) {
    return new L1BlockRef(hash(number, fork), number, number == 0 ? Hash32.ZERO : hash(number - 1, fork), timestamp);
  }

  private static L1Block block(L1BlockRef ref, List<InboxTransaction> txs, List<ReceiptLog> logs) {
    return new L1Block(ref, BigInteger.valueOf(7), Keccak.hash(ref.hash().toArray(), new byte[] {1}), OptionalLong.of(0),
        Optional.of(Keccak.hash(ref.hash().toArray(), new byte[] {2})), txs, logs);
  }

  /** Mines the next block with these batch-inbox transactions (calldata batcher transactions). */
  public L1Block mine(Bytes... inboxTxs) {
    List<InboxTransaction> txs = new ArrayList<>();
    for (int i = 0; i < inboxTxs.length; i++) {
      txs.add(new InboxTransaction(i, inboxTxs[i], 0));
    }
    return mine(txs, List.of());
  }

  public L1Block mine(List<InboxTransaction> txs, List<ReceiptLog> logs) {
    L1BlockRef parent = head().ref();
    L1BlockRef ref = new L1BlockRef(hash(parent.number() + 1, fork), parent.number() + 1, parent.hash(),
        parent.timestamp() + TestChain.L1_BLOCK_SECONDS);
    L1Block b = block(ref, txs, logs);
    blocks.add(b);
    return b;
  }

  /** Mines empty blocks until the head is block {@code number}. */
  public void mineTo(long number) {
    while (head().ref().number() < number) {
      mine();
    }
  }

  /** Drops every block from {@code fromNumber} up; new blocks mined there get new hashes. */
  public void reorgFrom(long fromNumber) {
    if (fromNumber <= finalized) {
      throw new IllegalArgumentException("cannot reorg finalized L1 block " + finalized);
    }
    while (blocks.size() > fromNumber) {
      blocks.remove(blocks.size() - 1);
    }
    fork++;
  }

  public L1Block head() {
    return blocks.get(blocks.size() - 1);
  }

  /** The canonical block at {@code number}, or null beyond the head. */
  public L1Block block(long number) {
    return number < blocks.size() ? blocks.get((int) number) : null;
  }

  public void finalizeThrough(long number) {
    finalized = Math.min(number, head().ref().number());
  }

  public L1Block finalizedBlock() {
    return blocks.get((int) finalized);
  }
}
