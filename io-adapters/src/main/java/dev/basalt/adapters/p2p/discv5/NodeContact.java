package dev.basalt.adapters.p2p.discv5;

import dev.basalt.adapters.p2p.enr.Enode;
import dev.basalt.adapters.p2p.enr.Enr;
import dev.basalt.adapters.p2p.enr.NodeId;
import java.net.InetSocketAddress;
import java.util.Optional;
import org.bouncycastle.math.ec.ECPoint;

/**
 * Who to talk to: a node's ID, its static public key (for the handshake ECDH) and its UDP
 * endpoint. {@code enr} is absent for {@code enode://} bootnodes until their record is fetched.
 */
public record NodeContact(NodeId id, ECPoint publicKey, InetSocketAddress address, Enr enr) {
  public static Optional<NodeContact> of(Enr enr) {
    return enr.udpEndpoint().map(a -> new NodeContact(enr.nodeId(), enr.publicKey(), a, enr));
  }

  public static NodeContact of(Enode enode) {
    return new NodeContact(enode.nodeId(), enode.publicKey(), enode.udpEndpoint(), null);
  }

  public Optional<Enr> record() {
    return Optional.ofNullable(enr);
  }

  public long seq() {
    return enr == null ? 0 : enr.seq();
  }

  @Override
  public String toString() {
    return id.toShortString() + "@" + address;
  }
}
