/**
 * Wire primitives every libp2p protocol shares: unsigned varints, a minimal protobuf reader and
 * writer (only the field types libp2p messages use) and a reassembler for uvarint-length-prefixed
 * messages arriving in arbitrary chunks.
 *
 * <p>Invariants: every decoder takes an explicit maximum and fails with {@link
 * dev.basalt.adapters.p2p.wire.WireException} on anything longer, truncated or malformed; nothing here
 * allocates more than the declared maximum because a peer claims a large length.
 */
package dev.basalt.adapters.p2p.wire;
