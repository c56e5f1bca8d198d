package dev.basalt.core.tx;

import dev.basalt.core.types.Address;
import dev.basalt.core.types.Bytes;
import dev.basalt.core.types.Hash32;
import java.math.BigInteger;
import java.util.List;
import java.util.Objects;

/**
 * An EIP-4844 blob transaction in its canonical (block) form: {@code 0x03 ‖ rlp([chainId, nonce,
 * maxPriorityFeePerGas, maxFeePerGas, gas, to, value, data, accessList, maxFeePerBlobGas,
 * blobVersionedHashes, yParity, r, s])}. The network form with blobs, commitments and proofs never
 * appears in blocks and is not accepted. A blob transaction cannot create a contract, so
 * {@code to} is never null.
 */
public record BlobTx(
    BigInteger chainId,
    long nonce,
    BigInteger maxPriorityFeePerGas,
    BigInteger maxFeePerGas,
    long gasLimit,
    Address to,
    BigInteger value,
    Bytes data,
    List<AccessTuple> accessList,
    BigInteger maxFeePerBlobGas,
    List<Hash32> blobVersionedHashes,
    TxSignature signature)
    implements Transaction {
  public BlobTx {
    Objects.requireNonNull(chainId, "chainId");
    Objects.requireNonNull(maxPriorityFeePerGas, "maxPriorityFeePerGas");
    Objects.requireNonNull(maxFeePerGas, "maxFeePerGas");
    Objects.requireNonNull(to, "to (blob transactions cannot create contracts)");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(maxFeePerBlobGas, "maxFeePerBlobGas");
    Objects.requireNonNull(signature, "signature");
    accessList = List.copyOf(accessList);
    blobVersionedHashes = List.copyOf(blobVersionedHashes);
  }

  @Override
  public TxType type() {
    return TxType.BLOB;
  }

  @Override
  public BlobTx withSignature(TxSignature newSignature) {
    return new BlobTx(chainId, nonce, maxPriorityFeePerGas, maxFeePerGas, gasLimit, to, value, data, accessList, maxFeePerBlobGas, blobVersionedHashes, newSignature);
  }
}
