/**
 * The simulated L1: a chain of real L1 blocks (headers that hash to the block hash, signed
 * transactions, typed receipts with logs under a real receipts root and bloom, withdrawals,
 * blobs with KZG commitments), side forks and reorgs, {@code safe}/{@code finalized} labels, the
 * L1 contracts' logs (portal deposits, SystemConfig updates), and an in-process responder for the
 * core's L1 commands.
 *
 * <p>Invariants: every block's header commits to its transactions, receipts and withdrawals;
 * every fork field is present exactly when the block's timestamp activates it; everything random
 * comes from the chain's {@code SimRng}; labels satisfy {@code finalized <= safe <= head} and a
 * reorg never reaches below {@code finalized}.
 */
package dev.basalt.testdata.world.l1;
