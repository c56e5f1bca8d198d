package dev.basalt.core.derive.attributes;

import dev.basalt.core.types.BlockId;
import dev.basalt.core.types.L1BlockRef;
import dev.basalt.core.types.L2BlockRef;

/**
 * How a new L2 block's L1 origin relates to its parent's (op-node {@code
 * PreparePayloadAttributes}): the same epoch, the next one, or neither.
 */
sealed interface EpochStep {

  /** Same L1 origin as the parent: the next sequence number, no deposits. */
  record Same(long sequenceNumber) implements EpochStep {}

  /** The L1 block after the parent's origin: a new epoch with sequence number 0. */
  record Next() implements EpochStep {}

  /** Not a valid origin for a child of this parent: the pipeline must reset. */
  record Mismatch(String reason) implements EpochStep {}

  /**
   * Like op-node, a different origin number means "next epoch", which holds only if the new
   * origin's parent hash is the parent's origin hash; the number must then be one more as well
   * (implied on a real chain, checked so that an inconsistent {@code L1Block} is reset, not used).
   */
  static EpochStep between(L2BlockRef parent, L1BlockRef epoch) {
    BlockId origin = parent.l1Origin();
    if (origin.number() == epoch.number()) {
      if (!origin.hash().equals(epoch.hash())) {
        return new Mismatch("cannot create new block with L1 origin " + epoch.id() + " in conflict with L1 origin " + origin);
      }
      return new Same(parent.sequenceNumber() + 1);
    }
    if (!origin.hash().equals(epoch.parentHash())) {
      return new Mismatch("cannot create new block with L1 origin " + epoch.id() + " (parent " + epoch.parentHash().toHex()
          + ") on top of L1 origin " + origin);
    }
    if (epoch.number() != origin.number() + 1) {
      return new Mismatch("L1 origin " + epoch.id() + " names " + origin + " as its parent but is not the next block number");
    }
    return new Next();
  }
}
