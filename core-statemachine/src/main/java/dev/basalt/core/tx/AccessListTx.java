package dev.basalt.core.tx;

import dev.basalt.core.types.Address;
import dev.basalt.core.types.Bytes;
import java.math.BigInteger;
import java.util.List;
import java.util.Objects;

/**
 * An EIP-2930 transaction: {@code 0x01 ‖ rlp([chainId, nonce, gasPrice, gas, to, value, data,
 * accessList, yParity, r, s])}.
 */
public record AccessListTx(
    BigInteger chainId,
    long nonce,
    BigInteger gasPrice,
    long gasLimit,
    Address to,
    BigInteger value,
    Bytes data,
    List<AccessTuple> accessList,
    TxSignature signature)
    implements Transaction {
  public AccessListTx {
    Objects.requireNonNull(chainId, "chainId");
    Objects.requireNonNull(gasPrice, "gasPrice");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(signature, "signature");
    accessList = List.copyOf(accessList);
  }

  @Override
  public TxType type() {
    return TxType.ACCESS_LIST;
  }

  @Override
  public BigInteger maxFeePerGas() {
    return gasPrice;
  }

  @Override
  public AccessListTx withSignature(TxSignature newSignature) {
    return new AccessListTx(chainId, nonce, gasPrice, gasLimit, to, value, data, accessList, newSignature);
  }
}
