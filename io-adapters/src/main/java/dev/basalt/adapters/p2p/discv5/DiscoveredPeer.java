package dev.basalt.adapters.p2p.discv5;

import dev.basalt.adapters.p2p.enr.Enr;
import dev.basalt.adapters.p2p.enr.NodeId;
import java.net.InetAddress;

/**
 * A dialable peer of our chain found by discovery: its record carries an {@code opstack} entry with
 * our chain ID and version 0, an IP and a TCP port. The libp2p peer ID is the identity multihash of
 * {@link #compressedPublicKey()}; the dial address is {@code /ip4/<ip>/tcp/<tcpPort>} (op-node
 * {@code enrToAddrInfo}).
 */
public record DiscoveredPeer(Enr enr, NodeId nodeId, InetAddress ip, int tcpPort, int udpPort, long chainId) {
  /** The 33-byte compressed secp256k1 key, the same key as the libp2p identity. */
  public byte[] compressedPublicKey() {
    return enr.compressedPublicKey();
  }
}
