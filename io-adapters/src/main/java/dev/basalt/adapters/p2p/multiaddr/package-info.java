/**
 * Multiaddrs, binary and text, for the protocols a rollup node's P2P layer needs: {@code /ip4},
 * {@code /ip6}, {@code /dns}, {@code /dns4}, {@code /dns6}, {@code /tcp}, {@code /udp} and {@code
 * /p2p}.
 *
 * <p>Invariants: a {@link dev.basalt.adapters.p2p.multiaddr.Multiaddr} only holds components whose values
 * are valid for their protocol, so its binary and text forms always round-trip; parsing an unknown
 * protocol fails with a message naming it.
 */
package dev.basalt.adapters.p2p.multiaddr;
