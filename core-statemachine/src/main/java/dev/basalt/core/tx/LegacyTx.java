package dev.basalt.core.tx;

import dev.basalt.core.types.Address;
import dev.basalt.core.types.Bytes;
import java.math.BigInteger;
import java.util.Objects;

/**
 * A legacy transaction {@code rlp([nonce, gasPrice, gas, to, value, data, v, r, s])}. With a chain
 * id, {@code v = chainId * 2 + 35 + yParity} (EIP-155); without, {@code v = 27 + yParity}.
 */
public record LegacyTx(
    BigInteger chainId,
    long nonce,
    BigInteger gasPrice,
    long gasLimit,
    Address to,
    BigInteger value,
    Bytes data,
    TxSignature signature)
    implements Transaction {
  private static final BigInteger THIRTY_FIVE = BigInteger.valueOf(35);

  public LegacyTx {
    Objects.requireNonNull(gasPrice, "gasPrice");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(signature, "signature");
    if (chainId != null && chainId.signum() < 0) {
      throw new IllegalArgumentException("negative chain id");
    }
    // v = chainId * 2 + 36 must still fit the u256 that carries it on the wire.
    if (chainId != null && chainId.shiftLeft(1).add(BigInteger.valueOf(36)).bitLength() > 256) {
      throw new IllegalArgumentException("chain id too large for an EIP-155 v");
    }
  }

  @Override
  public TxType type() {
    return TxType.LEGACY;
  }

  /** True when the signature commits to a chain id (EIP-155). */
  public boolean isProtected() {
    return chainId != null;
  }

  /** The wire value of v. */
  public BigInteger v() {
    BigInteger parity = BigInteger.valueOf(signature.yParity());
    return chainId == null
        ? BigInteger.valueOf(27).add(parity)
        : chainId.shiftLeft(1).add(THIRTY_FIVE).add(parity);
  }

  @Override
  public BigInteger maxFeePerGas() {
    return gasPrice;
  }

  @Override
  public LegacyTx withSignature(TxSignature newSignature) {
    return new LegacyTx(chainId, nonce, gasPrice, gasLimit, to, value, data, newSignature);
  }
}
