package dev.basalt.core.tx;

import dev.basalt.core.types.Hash32;
import java.util.Objects;

/**
 * A typed envelope whose type this decoder does not read: a future L1 type (0x05..0x7f), or OP's
 * deposit type 0x7e, which the deposit codec handles. Only the type and hash are known. Callers skip
 * it: the derivation spec ("On Future-Proof Transaction Log Derivation") never reads batcher data
 * from such a transaction, and the deposit type has no meaning on L1.
 */
public record UnknownTypeTx(int typeByte, Hash32 hash) implements DecodedTx {
  public UnknownTypeTx {
    Objects.requireNonNull(hash, "hash");
    if (typeByte < 0x05 || typeByte > 0x7f) {
      throw new IllegalArgumentException("not an unknown EIP-2718 type: " + typeByte);
    }
  }

  /** True for OP's deposit type 0x7e. */
  public boolean isDeposit() {
    return typeByte == TxType.DEPOSIT_TYPE_BYTE;
  }

  @Override
  public String toString() {
    return "unknown type " + typeByte + " (" + hash + ")";
  }
}
