/**
 * Deposited transactions (EIP-2718 type {@code 0x7E}): their canonical encoding and hash, the
 * source hashes that make each one unique, and the derivation of user deposits from the
 * {@code TransactionDeposited} logs of the L1 deposit contract (OptimismPortal).
 *
 * <p>Invariants: values are immutable; decoding accepts only the canonical encoding geth accepts
 * (so a decoded transaction re-encodes to the same bytes) and reports bad input with a
 * {@link dev.basalt.core.codec.DecodeException}; a malformed deposit log is a result value, never
 * an exception, and nothing is allocated from a length that was not first checked against the
 * bytes present. The rules mirror op-node ({@code op-node/rollup/derive/deposit_log.go},
 * {@code deposits.go}, {@code deposit_source.go}); where kona differs on malformed input the
 * class comment says so.
 */
package dev.basalt.core.deposit;
