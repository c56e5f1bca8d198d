/**
 * The protocols every libp2p host serves: identify ({@code /ipfs/id/1.0.0} and its push variant,
 * one length-prefixed protobuf message, agent {@code basalt}) and ping ({@code /ipfs/ping/1.0.0}:
 * 32 random bytes echoed back).
 *
 * <p>Invariants: an identify message is at most {@link
 * dev.basalt.adapters.p2p.protocols.Identify#MAX_MESSAGE} bytes and is ignored when its public key is not
 * the connection's; the ping server only ever holds one partial 32-byte probe per stream.
 */
package dev.basalt.adapters.p2p.protocols;
