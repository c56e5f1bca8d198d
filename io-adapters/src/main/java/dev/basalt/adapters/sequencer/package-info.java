/**
 * The sequencer's own adapters: the block signer (op-node's {@code LocalSigner}: secp256k1 over
 * the rollup-node-p2p signing hash, {@code r ++ s ++ v} with {@code v} in {0, 1}) or op-signer
 * over JSON-RPC ({@code opsigner_signBlockPayloadV2}, optional mTLS), publishing of
 * signed blocks through a {@link dev.basalt.adapters.sequencer.PayloadPublisher} (P2P gossip plugs
 * in there), and the {@code --rpc.admin-state} file.
 *
 * <p>Invariants: the signing key lives only here, in memory: the core hands out the signing hash
 * and never sees the key, so neither the journal nor a snapshot can hold it, and no {@code
 * toString} prints it. Publishing never throws into the dispatcher and never waits on op-signer
 * there (remote signing runs on one thread of its own, in block order); a remote signature that
 * does not recover to the configured address is never published.
 */
package dev.basalt.adapters.sequencer;
