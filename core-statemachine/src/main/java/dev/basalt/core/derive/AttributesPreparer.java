package dev.basalt.core.derive;

import dev.basalt.core.l1.L1Block;

/**
 * Builds the protocol part of a block's attributes (op-node's {@code PreparePayloadAttributes}):
 * L1-info deposit, user deposits and system-config updates on the first block of an epoch,
 * network-upgrade transactions, gas limit, fee parameters. Batch transactions are appended by the
 * caller. Pure: everything it needs is passed in.
 */
public interface AttributesPreparer {
  /**
   * @param parent the L2 block the new block builds on, with its system config
   * @param epoch the L1 origin of the new block: the parent's origin or the block after it
   * @param timestamp the new block's timestamp (parent time plus block time)
   */
  PrepareOutcome prepare(L2BlockInfo parent, L1Block epoch, long timestamp);
}
