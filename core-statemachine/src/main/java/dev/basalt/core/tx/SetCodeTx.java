package dev.basalt.core.tx;

import dev.basalt.core.types.Address;
import dev.basalt.core.types.Bytes;
import java.math.BigInteger;
import java.util.List;
import java.util.Objects;

/**
 * An EIP-7702 set-code transaction: {@code 0x04 ‖ rlp([chainId, nonce, maxPriorityFeePerGas,
 * maxFeePerGas, gas, to, value, data, accessList, authorizationList, yParity, r, s])}. Like blob
 * transactions it cannot create a contract, so {@code to} is never null.
 */
public record SetCodeTx(
    BigInteger chainId,
    long nonce,
    BigInteger maxPriorityFeePerGas,
    BigInteger maxFeePerGas,
    long gasLimit,
    Address to,
    BigInteger value,
    Bytes data,
    List<AccessTuple> accessList,
    List<Authorization> authorizationList,
    TxSignature signature)
    implements Transaction {
  public SetCodeTx {
    Objects.requireNonNull(chainId, "chainId");
    Objects.requireNonNull(maxPriorityFeePerGas, "maxPriorityFeePerGas");
    Objects.requireNonNull(maxFeePerGas, "maxFeePerGas");
    Objects.requireNonNull(to, "to (set-code transactions cannot create contracts)");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(signature, "signature");
    accessList = List.copyOf(accessList);
    authorizationList = List.copyOf(authorizationList);
  }

  @Override
  public TxType type() {
    return TxType.SET_CODE;
  }

  @Override
  public SetCodeTx withSignature(TxSignature newSignature) {
    return new SetCodeTx(chainId, nonce, maxPriorityFeePerGas, maxFeePerGas, gasLimit, to, value, data, accessList, authorizationList, newSignature);
  }
}
