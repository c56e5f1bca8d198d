package dev.basalt.core.l1;

import dev.basalt.core.types.Hash32;
import dev.basalt.core.types.L1BlockRef;
import dev.basalt.core.types.ReceiptLog;
import java.math.BigInteger;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What derivation needs from one L1 block: its position, the header fields the L1-info deposit
 * carries, the transactions sent to the batch inbox and the logs of the deposit and system-config
 * contracts. The L1 adapter fills it in (verifying hashes and receipt roots unless told to trust
 * the RPC), so a journal holds only what the core can use, not whole blocks.
 *
 * @param baseFeePerGas the header's base fee (uint256 on the L1-info deposit)
 * @param mixHash the header's mix hash, which is the beacon chain's RANDAO since the merge
 * @param excessBlobGas Cancun header field, absent before Cancun
 * @param parentBeaconBlockRoot Cancun header field, absent before Cancun
 * @param inboxTransactions transactions whose recipient is the rollup's batch inbox, in block order
 * @param logs logs emitted by the deposit contract or the system config contract, in block order,
 *     with their block-wide index and receipt status (only successful receipts count, which the
 *     core checks itself)
 */
public record L1Block(
    L1BlockRef ref,
    BigInteger baseFeePerGas,
    Hash32 mixHash,
    OptionalLong excessBlobGas,
    Optional<Hash32> parentBeaconBlockRoot,
    List<InboxTransaction> inboxTransactions,
    List<ReceiptLog> logs) {
  public L1Block {
    Objects.requireNonNull(ref, "ref");
    Objects.requireNonNull(baseFeePerGas, "baseFeePerGas");
    if (baseFeePerGas.signum() < 0 || baseFeePerGas.bitLength() > 256) {
      throw new IllegalArgumentException("baseFeePerGas must be a uint256");
    }
    Objects.requireNonNull(mixHash, "mixHash");
    Objects.requireNonNull(excessBlobGas, "excessBlobGas");
    Objects.requireNonNull(parentBeaconBlockRoot, "parentBeaconBlockRoot");
    inboxTransactions = List.copyOf(inboxTransactions);
    logs = List.copyOf(logs);
  }

  /** A block with no inbox transactions and no logs (most L1 blocks look like this). */
  public static L1Block empty(L1BlockRef ref, BigInteger baseFee, Hash32 mixHash) {
    return new L1Block(ref, baseFee, mixHash, OptionalLong.empty(), Optional.empty(), List.of(), List.of());
  }
}
