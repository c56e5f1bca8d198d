package dev.basalt.core.derive;

import dev.basalt.core.config.SystemConfig;
import dev.basalt.core.types.Bytes;
import dev.basalt.core.types.L2BlockRef;
import java.util.List;
import java.util.Objects;

/**
 * What derivation needs to know about an existing L2 block: its reference (with L1 origin and
 * sequence number, decoded from its L1-info deposit), the system config it was built with, and its
 * transactions (Holocene compares span-batch elements that overlap the safe chain against them).
 */
public record L2BlockInfo(L2BlockRef ref, SystemConfig systemConfig, List<Bytes> transactions) {
  public L2BlockInfo {
    Objects.requireNonNull(ref, "ref");
    Objects.requireNonNull(systemConfig, "systemConfig");
    transactions = List.copyOf(transactions);
  }
}
