package dev.basalt.adapters.p2p.host;

import dev.basalt.adapters.p2p.identity.IdentityKey;
import java.util.List;
import java.util.Objects;

/**
 * How to build a {@link Host}.
 *
 * @param identity the node's secp256k1 key
 * @param muxers muxer preference, first preferred (op-node {@code --p2p.mux}, default yamux, mplex)
 * @param agentVersion the identify agent string ({@code basalt})
 * @param protocolVersion the identify protocol version (op-node and kona send an empty one)
 * @param ioThreads Netty event-loop threads (small: the machine has few cores)
 */
public record HostConfig(
    IdentityKey identity,
    List<MuxerKind> muxers,
    String agentVersion,
    String protocolVersion,
    int ioThreads,
    P2pLimits limits,
    ConnectionGater gater,
    PeerPenalty penalty) {
  public HostConfig {
    Objects.requireNonNull(identity, "identity");
    muxers = List.copyOf(muxers);
    if (muxers.isEmpty()) {
      throw new IllegalArgumentException("at least one muxer is needed");
    }
    if (ioThreads < 1 || ioThreads > 64) {
      throw new IllegalArgumentException("ioThreads must be in 1..64");
    }
    Objects.requireNonNull(limits, "limits");
    Objects.requireNonNull(gater, "gater");
    Objects.requireNonNull(penalty, "penalty");
  }

  public static HostConfig defaults(IdentityKey identity) {
    return new HostConfig(identity, List.of(MuxerKind.YAMUX, MuxerKind.MPLEX), "basalt", "", 2,
        P2pLimits.defaults(), ConnectionGater.ALLOW_ALL, PeerPenalty.IGNORE);
  }

  public HostConfig withMuxers(List<MuxerKind> m) {
    return new HostConfig(identity, m, agentVersion, protocolVersion, ioThreads, limits, gater, penalty);
  }

  public HostConfig withAgentVersion(String agent) {
    return new HostConfig(identity, muxers, agent, protocolVersion, ioThreads, limits, gater, penalty);
  }

  public HostConfig withIoThreads(int n) {
    return new HostConfig(identity, muxers, agentVersion, protocolVersion, n, limits, gater, penalty);
  }

  public HostConfig withLimits(P2pLimits l) {
    return new HostConfig(identity, muxers, agentVersion, protocolVersion, ioThreads, l, gater, penalty);
  }

  public HostConfig withGater(ConnectionGater g) {
    return new HostConfig(identity, muxers, agentVersion, protocolVersion, ioThreads, limits, g, penalty);
  }

  public HostConfig withPenalty(PeerPenalty p) {
    return new HostConfig(identity, muxers, agentVersion, protocolVersion, ioThreads, limits, gater, p);
  }
}
