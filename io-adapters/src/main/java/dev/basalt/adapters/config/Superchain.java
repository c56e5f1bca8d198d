package dev.basalt.adapters.config;

import dev.basalt.core.types.Address;
import java.util.Objects;

/**
 * A superchain of the registry ({@code superchain/configs/<dir>/superchain.toml}): what its chains
 * share. Its {@code [hardforks]} are the superchain-wide defaults; since registry v2 the registry
 * copies them into each chain file when it generates them ({@code
 * docs/hardfork-activation-inheritance.md}: "what you see is what you get"), and op-node's
 * registry conversion takes only the L1 chain id from here, so Basalt does not merge them again.
 *
 * @param dir directory name, also the suffix of op-node network names ({@code mainnet}, {@code sepolia-dev-0})
 * @param name display name ({@code Mainnet})
 * @param l1ChainId chain id of the L1 every chain of this superchain settles on
 * @param protocolVersionsAddress superchain-wide ProtocolVersions contract, {@link Address#ZERO} when the file has none
 */
public record Superchain(String dir, String name, long l1ChainId, Address protocolVersionsAddress) {
  public Superchain {
    Objects.requireNonNull(dir, "dir");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(protocolVersionsAddress, "protocolVersionsAddress");
  }
}
