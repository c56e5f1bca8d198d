/**
 * Ethereum Node Records (EIP-778) for discovery: the "v4" identity scheme (secp256k1, keccak256
 * signatures over the RLP content), the {@code enr:} text form, {@code enode://} URLs for bootnodes,
 * and the OP Stack {@code opstack} entry that names a record's L2 chain.
 *
 * <p>Invariants: every {@link dev.basalt.adapters.p2p.enr.Enr} in memory has a verified signature and is
 * at most 300 bytes; decoders never trust a length prefix beyond the bytes present and fail with
 * {@link dev.basalt.adapters.p2p.enr.EnrException}, never with an unchecked exception; values are
 * immutable.
 */
package dev.basalt.adapters.p2p.enr;
