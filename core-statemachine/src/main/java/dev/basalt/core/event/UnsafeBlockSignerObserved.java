package dev.basalt.core.event;

import dev.basalt.core.types.Address;
import java.util.Objects;

/**
 * The address whose signature makes a gossiped block authentic (op-node's {@code
 * P2PSequencerAddress}): from the chain configuration or {@code --p2p.unsafe.block.signer} at
 * start, later from the L1 SystemConfig's unsafe-block-signer slot. {@link Address#ZERO} means none
 * is known, and every block message is then ignored.
 */
public record UnsafeBlockSignerObserved(Address signer) implements InputEvent {
  public UnsafeBlockSignerObserved {
    Objects.requireNonNull(signer, "signer");
  }
}
