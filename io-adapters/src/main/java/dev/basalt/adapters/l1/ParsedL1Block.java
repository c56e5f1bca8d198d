package dev.basalt.adapters.l1;

import dev.basalt.core.block.BlockHeader;
import dev.basalt.core.types.Hash32;
import java.util.List;
import java.util.Objects;

/**
 * An L1 block read from {@code eth_getBlockByNumber(n, true)}: its header, the hash the node
 * declares for it, and its transactions in block order.
 */
record ParsedL1Block(BlockHeader header, Hash32 declaredHash, List<L1TxEntry> transactions) {
  ParsedL1Block {
    Objects.requireNonNull(header, "header");
    Objects.requireNonNull(declaredHash, "declaredHash");
    transactions = List.copyOf(transactions);
  }

  long number() {
    return header.number();
  }
}
