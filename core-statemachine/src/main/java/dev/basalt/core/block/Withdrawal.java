package dev.basalt.core.block;

import dev.basalt.core.rlp.RlpWriter;
import dev.basalt.core.types.Address;
import dev.basalt.core.types.Bytes;
import java.util.Objects;

/**
 * An EIP-4895 beacon-chain withdrawal, {@code rlp([index, validatorIndex, address, amountGwei])}:
 * the items of an L1 block's withdrawals trie. (OP L2 blocks always have an empty list.)
 */
public record Withdrawal(long index, long validatorIndex, Address address, long amountGwei) {
  public Withdrawal {
    Objects.requireNonNull(address, "address");
  }

  public Bytes encode() {
    return Bytes.wrapOwned(
        new RlpWriter(64).startList().uint64(index).uint64(validatorIndex).address(address).uint64(amountGwei)
            .endList().toByteArray());
  }
}
