/**
 * System-config updates: {@code ConfigUpdate(uint256 indexed version, uint8 indexed updateType,
 * bytes data)} logs of the L1 SystemConfig contract, parsed into typed updates and applied to a
 * {@link dev.basalt.core.config.SystemConfig}.
 *
 * <p>Invariants: a malformed or unknown update is skipped and reported, never fatal (op-node since
 * {@code d67e74816e}, specs PR #868); each log is parsed completely before anything is applied, so
 * a bad log never half-applies; update types are accepted whatever forks are active (op-node and
 * kona gate none of them), only the meaning of type 1 changes at Ecotone. The per-type ABI checks
 * mirror op-node's {@code system_config.go}; differences from kona are named where they occur.
 */
package dev.basalt.core.sysconfig;
