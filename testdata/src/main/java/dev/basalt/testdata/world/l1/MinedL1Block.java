package dev.basalt.testdata.world.l1;

import dev.basalt.core.block.BlockHeader;
import dev.basalt.core.block.Withdrawal;
import dev.basalt.core.tx.Receipt;
import dev.basalt.core.types.Hash32;
import dev.basalt.core.types.L1BlockRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A complete L1 block of the simulated chain: the header (whose hash is the block hash), the
 * transactions with their effects, the receipts the header commits to, and the withdrawals.
 */
public record MinedL1Block(BlockHeader header, Hash32 hash, List<L1Tx> transactions, List<Receipt> receipts,
    List<Withdrawal> withdrawals) {
  public MinedL1Block {
    Objects.requireNonNull(header, "header");
    Objects.requireNonNull(hash, "hash");
    transactions = List.copyOf(transactions);
    receipts = List.copyOf(receipts);
    withdrawals = List.copyOf(withdrawals);
    if (transactions.size() != receipts.size()) {
      throw new IllegalArgumentException("one receipt per transaction");
    }
  }

  public long number() {
    return header.number();
  }

  public long timestamp() {
    return header.timestamp();
  }

  public Hash32 parentHash() {
    return header.parentHash();
  }

  public L1BlockRef ref() {
    return new L1BlockRef(hash, header.number(), header.parentHash(), header.timestamp());
  }

  /** Every blob of the block, in block-wide index order. */
  public List<BlobSidecar> blobs() {
    List<BlobSidecar> out = new ArrayList<>();
    for (L1Tx tx : transactions) {
      out.addAll(tx.blobs());
    }
    return out;
  }

  /**
   * {@code blobs().get(index)} without building the list, or null when there is no blob at {@code
   * index} (that far); a negative index throws, as the list would.
   */
  public BlobSidecar blobAt(int index) {
    if (index < 0) {
      throw new IndexOutOfBoundsException("blob index " + index);
    }
    int i = index;
    for (L1Tx tx : transactions) {
      List<BlobSidecar> blobs = tx.blobs();
      if (i < blobs.size()) {
        return blobs.get(i);
      }
      i -= blobs.size();
    }
    return null;
  }

  /** Block-wide index of the first log of transaction {@code txIndex}. */
  public long firstLogIndex(int txIndex) {
    long n = 0;
    for (int i = 0; i < txIndex; i++) {
      n += receipts.get(i).logs().size();
    }
    return n;
  }
}
