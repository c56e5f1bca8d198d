package dev.basalt.core.derive;

import dev.basalt.core.engine.PayloadAttributes;
import dev.basalt.core.types.L1BlockRef;
import dev.basalt.core.types.L2BlockRef;
import java.util.Objects;

/**
 * Derived attributes with the block they build on (op-node's {@code AttributesWithParent}).
 *
 * @param derivedFrom the L1 block whose data completed the batch (for the safe-head database and
 *     for Holocene's rule that only attributes derived from a Holocene L1 block get deposits-only
 *     replacement)
 * @param lastInSpan true for the last block of a span batch (or a singular batch): the engine may
 *     batch forkchoice updates for the blocks before it
 */
public record AttributesWithParent(
    PayloadAttributes attributes, L2BlockRef parent, L1BlockRef derivedFrom, boolean lastInSpan) {
  public AttributesWithParent {
    Objects.requireNonNull(attributes, "attributes");
    Objects.requireNonNull(parent, "parent");
    Objects.requireNonNull(derivedFrom, "derivedFrom");
  }

  /** Holocene's replacement for an invalid derived block: deposits only. */
  public AttributesWithParent withDepositsOnly() {
    return new AttributesWithParent(attributes.depositsOnly(), parent, derivedFrom, lastInSpan);
  }
}
