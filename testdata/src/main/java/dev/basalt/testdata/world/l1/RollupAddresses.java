package dev.basalt.testdata.world.l1;

import dev.basalt.core.config.RollupConfig;
import dev.basalt.core.types.Address;
import java.util.Objects;

/** The L1 addresses derivation reads a block through: batch inbox, OptimismPortal and SystemConfig. */
public record RollupAddresses(Address batchInbox, Address portal, Address systemConfig) {
  public RollupAddresses {
    Objects.requireNonNull(batchInbox, "batchInbox");
    Objects.requireNonNull(portal, "portal");
    Objects.requireNonNull(systemConfig, "systemConfig");
  }

  public static RollupAddresses of(RollupConfig rollup) {
    return new RollupAddresses(rollup.batchInboxAddress(), rollup.depositContractAddress(), rollup.l1SystemConfigAddress());
  }
}
