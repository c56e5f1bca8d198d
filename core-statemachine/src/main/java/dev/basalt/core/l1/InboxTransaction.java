package dev.basalt.core.l1;

import dev.basalt.core.types.Bytes;
import java.util.Objects;

/**
 * A transaction sent to the batch inbox, as its signed EIP-2718 envelope. The core decodes it and
 * checks the sender against the system config's batcher.
 *
 * @param txIndex position of the transaction in its block
 * @param envelope the signed transaction bytes
 * @param firstBlobIndex block-wide index of this transaction's first blob (blobs are numbered
 *     across all transactions of the block, which is how the beacon API addresses them); 0 when it
 *     carries none
 */
public record InboxTransaction(int txIndex, Bytes envelope, int firstBlobIndex) {
  public InboxTransaction {
    Objects.requireNonNull(envelope, "envelope");
    if (txIndex < 0 || firstBlobIndex < 0) {
      throw new IllegalArgumentException("indices must be non-negative");
    }
  }
}
