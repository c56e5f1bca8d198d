package dev.basalt.core.engine;

import dev.basalt.core.block.Withdrawal;
import dev.basalt.core.types.Address;
import dev.basalt.core.types.Bytes;
import dev.basalt.core.types.Hash32;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * OP Stack payload attributes ({@code PayloadAttributesV3} plus the OP extensions of
 * {@code specs/protocol/exec-engine.md}): what derivation or the sequencer asks the engine to build.
 *
 * @param withdrawals empty list from Canyon, absent before
 * @param parentBeaconBlockRoot from Ecotone: the L1 origin's parent beacon root (zero if missing)
 * @param transactions forced transactions (deposits first, then batch transactions), EIP-2718 bytes
 * @param noTxPool true for every derived block; for the sequencer, where op-node sets it
 * @param gasLimit the system config gas limit (plus upgrade gas on an activation block)
 * @param eip1559Params Holocene: 8 bytes, denominator then elasticity (zeros on the activation block)
 * @param minBaseFee Jovian: the system config's minimum base fee
 */
public record PayloadAttributes(
    long timestamp,
    Hash32 prevRandao,
    Address suggestedFeeRecipient,
    Optional<List<Withdrawal>> withdrawals,
    Optional<Hash32> parentBeaconBlockRoot,
    List<Bytes> transactions,
    boolean noTxPool,
    long gasLimit,
    Optional<Bytes> eip1559Params,
    OptionalLong minBaseFee) {
  public PayloadAttributes {
    Objects.requireNonNull(prevRandao, "prevRandao");
    Objects.requireNonNull(suggestedFeeRecipient, "suggestedFeeRecipient");
    withdrawals = withdrawals.map(List::copyOf);
    Objects.requireNonNull(parentBeaconBlockRoot, "parentBeaconBlockRoot");
    transactions = List.copyOf(transactions);
    Objects.requireNonNull(eip1559Params, "eip1559Params");
    eip1559Params.ifPresent(
        p -> {
          if (p.length() != 8) {
            throw new IllegalArgumentException("eip1559Params must be 8 bytes, got " + p.length());
          }
        });
    Objects.requireNonNull(minBaseFee, "minBaseFee");
  }

  /** The same attributes with these transactions. */
  public PayloadAttributes withTransactions(List<Bytes> newTransactions, boolean newNoTxPool) {
    return new PayloadAttributes(
        timestamp, prevRandao, suggestedFeeRecipient, withdrawals, parentBeaconBlockRoot, newTransactions, newNoTxPool, gasLimit, eip1559Params, minBaseFee);
  }

  /** Holocene's replacement for an invalid block: only the deposit transactions (type 0x7E). */
  public PayloadAttributes depositsOnly() {
    List<Bytes> deposits = transactions.stream().filter(tx -> tx.length() > 0 && (tx.get(0) & 0xff) == 0x7e).toList();
    return withTransactions(deposits, true);
  }
}
