package dev.basalt.core.tx;

import dev.basalt.core.types.Address;
import dev.basalt.core.types.Bytes;
import java.math.BigInteger;
import java.util.List;
import java.util.Objects;

/**
 * An EIP-1559 transaction: {@code 0x02 ‖ rlp([chainId, nonce, maxPriorityFeePerGas, maxFeePerGas,
 * gas, to, value, data, accessList, yParity, r, s])}.
 */
public record DynamicFeeTx(
    BigInteger chainId,
    long nonce,
    BigInteger maxPriorityFeePerGas,
    BigInteger maxFeePerGas,
    long gasLimit,
    Address to,
    BigInteger value,
    Bytes data,
    List<AccessTuple> accessList,
    TxSignature signature)
    implements Transaction {
  public DynamicFeeTx {
    Objects.requireNonNull(chainId, "chainId");
    Objects.requireNonNull(maxPriorityFeePerGas, "maxPriorityFeePerGas");
    Objects.requireNonNull(maxFeePerGas, "maxFeePerGas");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(signature, "signature");
    accessList = List.copyOf(accessList);
  }

  @Override
  public TxType type() {
    return TxType.DYNAMIC_FEE;
  }

  @Override
  public DynamicFeeTx withSignature(TxSignature newSignature) {
    return new DynamicFeeTx(chainId, nonce, maxPriorityFeePerGas, maxFeePerGas, gasLimit, to, value, data, accessList, newSignature);
  }
}
