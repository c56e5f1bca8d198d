package dev.basalt.core.engine;

import dev.basalt.core.block.Withdrawal;
import dev.basalt.core.types.Address;
import dev.basalt.core.types.Bytes;
import dev.basalt.core.types.Hash32;
import java.math.BigInteger;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * An execution payload (Engine API {@code ExecutionPayloadV1..V3} with OP's Isthmus
 * {@code withdrawalsRoot}): a full L2 block as the engine and gossip exchange it.
 *
 * @param withdrawals Canyon+ (always empty on OP)
 * @param blobGasUsed Ecotone+ (0 before Jovian; the DA footprint from Jovian)
 * @param excessBlobGas Ecotone+ (always 0 on OP)
 * @param withdrawalsRoot Isthmus+: the L2ToL1MessagePasser storage root
 */
public record ExecutionPayload(
    Hash32 parentHash,
    Address feeRecipient,
    Hash32 stateRoot,
    Hash32 receiptsRoot,
    Bytes logsBloom,
    Hash32 prevRandao,
    long blockNumber,
    long gasLimit,
    long gasUsed,
    long timestamp,
    Bytes extraData,
    BigInteger baseFeePerGas,
    Hash32 blockHash,
    List<Bytes> transactions,
    Optional<List<Withdrawal>> withdrawals,
    OptionalLong blobGasUsed,
    OptionalLong excessBlobGas,
    Optional<Hash32> withdrawalsRoot) {
  public ExecutionPayload {
    Objects.requireNonNull(parentHash, "parentHash");
    Objects.requireNonNull(feeRecipient, "feeRecipient");
    Objects.requireNonNull(stateRoot, "stateRoot");
    Objects.requireNonNull(receiptsRoot, "receiptsRoot");
    Objects.requireNonNull(logsBloom, "logsBloom");
    if (logsBloom.length() != 256) {
      throw new IllegalArgumentException("logsBloom must be 256 bytes");
    }
    Objects.requireNonNull(prevRandao, "prevRandao");
    Objects.requireNonNull(extraData, "extraData");
    Objects.requireNonNull(baseFeePerGas, "baseFeePerGas");
    Objects.requireNonNull(blockHash, "blockHash");
    transactions = List.copyOf(transactions);
    withdrawals = withdrawals.map(List::copyOf);
    Objects.requireNonNull(blobGasUsed, "blobGasUsed");
    Objects.requireNonNull(excessBlobGas, "excessBlobGas");
    Objects.requireNonNull(withdrawalsRoot, "withdrawalsRoot");
  }

  /**
   * Component-wise equality, as a record's, written out: the generic record equality showed in
   * profiles of the simulated engines, which compare whole payloads on every block. Numbers first,
   * then the small values, the transactions last. (The generated {@code hashCode} stays; it agrees.)
   */
  @Override
  public boolean equals(Object other) {
    if (this == other) {
      return true;
    }
    return other instanceof ExecutionPayload o
        && blockNumber == o.blockNumber && timestamp == o.timestamp && gasLimit == o.gasLimit && gasUsed == o.gasUsed
        && blockHash.equals(o.blockHash) && parentHash.equals(o.parentHash) && stateRoot.equals(o.stateRoot)
        && receiptsRoot.equals(o.receiptsRoot) && prevRandao.equals(o.prevRandao) && feeRecipient.equals(o.feeRecipient)
        && baseFeePerGas.equals(o.baseFeePerGas) && extraData.equals(o.extraData) && logsBloom.equals(o.logsBloom)
        && blobGasUsed.equals(o.blobGasUsed) && excessBlobGas.equals(o.excessBlobGas)
        && withdrawalsRoot.equals(o.withdrawalsRoot) && withdrawals.equals(o.withdrawals)
        && (transactions == o.transactions || transactions.equals(o.transactions));
  }
}
