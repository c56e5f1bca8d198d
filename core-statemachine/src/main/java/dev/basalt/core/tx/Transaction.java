package dev.basalt.core.tx;

import dev.basalt.core.types.Address;
import dev.basalt.core.types.Bytes;
import dev.basalt.core.types.Hash32;
import java.math.BigInteger;
import java.util.List;

/**
 * A signed L1 transaction of a known type. The fields every type shares are here; the fee fields
 * differ per type and live on the records.
 */
public sealed interface Transaction permits LegacyTx, AccessListTx, DynamicFeeTx, BlobTx, SetCodeTx {
  TxType type();

  /** The chain id the signature commits to, or null for an unprotected (pre-EIP-155) legacy tx. */
  BigInteger chainId();

  /** u64, held in a long. */
  long nonce();

  /** u64, held in a long. */
  long gasLimit();

  /** The recipient, or null for contract creation. */
  Address to();

  BigInteger value();

  /** Calldata (the "input" field). */
  Bytes data();

  TxSignature signature();

  default List<AccessTuple> accessList() {
    return List.of();
  }

  default List<Hash32> blobVersionedHashes() {
    return List.of();
  }

  default List<Authorization> authorizationList() {
    return List.of();
  }

  /** The same transaction carrying {@code signature} (signing fills in a placeholder). */
  Transaction withSignature(TxSignature signature);

  /** Fee per gas the sender offers at most: gasPrice for legacy and EIP-2930, maxFeePerGas after. */
  BigInteger maxFeePerGas();
}
