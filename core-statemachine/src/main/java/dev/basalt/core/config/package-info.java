/**
 * Chain configuration as the protocol sees it: the rollup config (genesis, timing, addresses, fork
 * schedule), the system config carried on L1, and the L1 chain's own blob-fee schedule.
 *
 * <p>Invariants: immutable values; a fork schedule is monotonic (a later fork never activates
 * before an earlier one); every timing rule that changes at a fork is a method here, so stages ask
 * the config instead of comparing timestamps themselves.
 */
package dev.basalt.core.config;
