/**
 * The last stage of derivation: payload attributes for a block on top of a parent with a given L1
 * origin, exactly as op-node sends them to the engine ({@link
 * dev.basalt.core.derive.attributes.StatefulAttributesPreparer}).
 *
 * <p>Invariants: pure — everything comes in as arguments ({@link dev.basalt.core.l1.L1Block} with
 * its logs, the parent's {@link dev.basalt.core.derive.L2BlockInfo}); expected protocol outcomes
 * (reset, critical) are values; the transactions are byte-identical to op-node's, in its order
 * (L1-attributes deposit, user deposits, upgrade deposits).
 *
 * <p>The parent's system config must be the one op-node would read back from the parent block
 * ({@link dev.basalt.core.derive.payload.PayloadBlockInfo}), not the one the parent was prepared
 * with: the two differ in fields the block cannot carry (for example EIP-1559 parameters before
 * Holocene, or Karst's upgrade gas), and op-node always starts from the block.
 */
package dev.basalt.core.derive.attributes;
