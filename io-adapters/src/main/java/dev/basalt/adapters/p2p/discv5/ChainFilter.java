package dev.basalt.adapters.p2p.discv5;

import dev.basalt.adapters.p2p.enr.Enr;
import dev.basalt.adapters.p2p.enr.OpStackEnrData;
import java.net.InetAddress;
import java.util.Optional;

/**
 * op-node's {@code FilterEnodes} / kona's {@code EnrValidation}: a record is a peer of chain
 * {@code chainId} only if its {@code opstack} entry decodes to that chain and version 0. Records of
 * L1 nodes and other chains stay in the routing table (the DHT is shared) but are never offered
 * for dialling. A peer also needs an IP and a TCP port to be dialled.
 */
final class ChainFilter {
  private final long chainId;

  ChainFilter(long chainId) {
    this.chainId = chainId;
  }

  /** Why {@code enr} is refused, or empty when it is a peer of our chain. */
  Optional<String> rejection(Enr enr) {
    Optional<OpStackEnrData> op = enr.opstack();
    if (op.isEmpty()) {
      return Optional.of("no opstack entry");
    }
    if (op.get().chainId() != chainId) {
      return Optional.of("chain " + op.get().chainId() + " is not " + chainId);
    }
    if (op.get().version() != 0) {
      return Optional.of("opstack version " + op.get().version());
    }
    if (enr.tcp().isEmpty() || (enr.ip4().isEmpty() && enr.ip6().isEmpty())) {
      return Optional.of("no ip/tcp to dial");
    }
    return Optional.empty();
  }

  Optional<DiscoveredPeer> accept(Enr enr) {
    if (rejection(enr).isPresent()) {
      return Optional.empty();
    }
    InetAddress ip = enr.ip4().or(enr::ip6).orElseThrow();
    return Optional.of(new DiscoveredPeer(enr, enr.nodeId(), ip, enr.tcp().orElseThrow(), enr.udp().orElse(0), chainId));
  }
}
