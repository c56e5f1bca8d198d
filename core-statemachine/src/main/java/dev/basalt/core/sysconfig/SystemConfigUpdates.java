package dev.basalt.core.sysconfig;

import dev.basalt.core.config.SystemConfig;
import dev.basalt.core.types.Address;
import java.util.List;
import java.util.Objects;

/**
 * The result of applying one L1 block's {@code ConfigUpdate} logs.
 *
 * @param config the system config after every well-formed update, in log order
 * @param unsafeBlockSigners the unsafe-block signers announced in the block, in log order (the
 *     last one is current); they are not part of the derivation system config, the P2P layer uses
 *     them to validate gossip
 * @param skipped logs that changed nothing, with the reason; informational, never fatal
 */
public record SystemConfigUpdates(
    SystemConfig config, List<Address> unsafeBlockSigners, List<SkippedConfigUpdate> skipped) {
  public SystemConfigUpdates {
    Objects.requireNonNull(config, "config");
    unsafeBlockSigners = List.copyOf(unsafeBlockSigners);
    skipped = List.copyOf(skipped);
  }
}
