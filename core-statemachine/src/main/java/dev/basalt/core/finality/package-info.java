/**
 * L2 finality derived from L1 finality: {@link dev.basalt.core.finality.Finalizer} remembers which
 * safe L2 block was derived from which L1 block and proposes the highest one L1 has finalized.
 *
 * <p>Invariants: bounded to a lookback of L1 blocks; cleared on every reset (remembered blocks may be
 * reorged out); a proposal is made only after the finality signal and the deriving L1 block were
 * checked canonical, and finality itself is applied by the engine controller.
 */
package dev.basalt.core.finality;
