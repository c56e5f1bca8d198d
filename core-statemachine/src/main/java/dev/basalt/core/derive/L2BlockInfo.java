package dev.basalt.core.derive;

import dev.basalt.core.config.SystemConfig;
import dev.basalt.core.types.Bytes;
import dev.basalt.core.types.L2BlockRef;
import java.util.List;
import java.util.Objects;

/**
 * What derivation needs to know about an existing L2 block: its reference (with L1 origin and
 * sequence number, decoded from its L1-info deposit), its system config, and its transactions
 * (Holocene compares span-batch elements that overlap the safe chain against them).
 *
 * <p>The system config is the block's as op-node reads it back ({@code PayloadToSystemConfig},
 * here {@link dev.basalt.core.derive.payload.PayloadBlockInfo}), which is what the next block
 * starts from. It can differ from the config the block was prepared with (fields its L1-info form
 * cannot carry, EIP-1559 defaults, the Karst upgrade gas), so build values from blocks, not from
 * {@link PrepareOutcome.Prepared#systemConfig()}.
 */
public record L2BlockInfo(L2BlockRef ref, SystemConfig systemConfig, List<Bytes> transactions) {
  public L2BlockInfo {
    Objects.requireNonNull(ref, "ref");
    Objects.requireNonNull(systemConfig, "systemConfig");
    transactions = List.copyOf(transactions);
  }
}
