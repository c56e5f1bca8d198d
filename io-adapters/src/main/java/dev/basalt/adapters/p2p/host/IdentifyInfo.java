package dev.basalt.adapters.p2p.host;

import dev.basalt.adapters.p2p.multiaddr.Multiaddr;
import java.util.List;
import java.util.Optional;

/**
 * What a peer told us about itself through identify ({@code /ipfs/id/1.0.0}).
 *
 * @param agentVersion e.g. {@code optimism}, {@code kona}, {@code js-libp2p/…}, {@code basalt}
 * @param protocolVersion often empty
 * @param protocols the protocol IDs it serves, e.g. {@code /meshsub/1.1.0}
 * @param listenAddrs where it says it listens
 * @param observedAddr how it sees our address, if it said
 */
public record IdentifyInfo(
    String agentVersion,
    String protocolVersion,
    List<String> protocols,
    List<Multiaddr> listenAddrs,
    Optional<Multiaddr> observedAddr) {
  public IdentifyInfo {
    protocols = List.copyOf(protocols);
    listenAddrs = List.copyOf(listenAddrs);
  }

  public boolean supports(String protocolId) {
    return protocols.contains(protocolId);
  }
}
