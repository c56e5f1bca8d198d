/**
 * Chain configuration loaders: the superchain registry's TOML (embedded in the jar), op-node's and
 * kona's {@code rollup.json}, kona's registry JSON, and L1 chain configs (embedded for Ethereum
 * and Sepolia, or a genesis-style JSON file). They turn files into the core's {@link
 * dev.basalt.core.config.RollupConfig} and {@link dev.basalt.core.config.L1ChainConfig}.
 *
 * <p>Invariants: parsing is strict. A key this build does not understand in a table that decides
 * consensus (top level, hardforks, EIP-1559 params, genesis, Alt-DA, the L1 blob schedule) is an
 * error naming the key, because silently dropping one is how op-node once lost {@code
 * keep_karst_upgrade_gas}; unknown keys in purely informational tables (contract addresses,
 * roles) only produce a warning. Every error names its source and the offending key. A chain that
 * uses a feature Basalt does not implement is listed but refused when selected to run.
 */
package dev.basalt.adapters.config;
