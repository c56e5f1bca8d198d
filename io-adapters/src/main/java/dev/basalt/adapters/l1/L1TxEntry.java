package dev.basalt.adapters.l1;

import dev.basalt.core.types.Address;
import dev.basalt.core.types.Bytes;
import dev.basalt.core.types.Hash32;
import java.util.Objects;

/**
 * What the L1 adapter keeps of one transaction of a fetched block.
 *
 * @param declaredHash the {@code hash} the node gives
 * @param to the recipient, null for a contract creation
 * @param blobCount how many blobs the transaction carries (0 unless it is a type-3 blob transaction)
 * @param envelope the EIP-2718 envelope rebuilt from the JSON fields; null when not needed (with a
 *     trusted RPC only batch-inbox transactions are rebuilt)
 */
record L1TxEntry(int index, Hash32 declaredHash, Address to, int blobCount, Bytes envelope) {
  L1TxEntry {
    Objects.requireNonNull(declaredHash, "declaredHash");
  }
}
