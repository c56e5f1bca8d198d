package dev.basalt.adapters.p2p;

import dev.basalt.core.types.Address;
import dev.basalt.adapters.p2p.gossip.GossipParams;
import dev.basalt.adapters.p2p.gossip.MessageIds;
import dev.basalt.adapters.p2p.gossip.ScoreParams;
import dev.basalt.adapters.p2p.host.MuxerKind;
import dev.basalt.adapters.p2p.identity.IdentityKey;
import dev.basalt.adapters.p2p.multiaddr.Multiaddr;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How the node's P2P stack runs (the {@code --p2p.*} flags, checked).
 *
 * @param listen the TCP listen address ({@code /ip4/<ip>/tcp/<port>})
 * @param staticPeers peers dialed at start and kept connected
 * @param maxPeers the peer count's high tide (connections above it are refused)
 * @param unsafeBlockSigner the signer from the flag or the chain's registry entry; empty when unknown
 */
public record P2pSettings(
    IdentityKey key,
    Multiaddr listen,
    List<Multiaddr> staticPeers,
    List<MuxerKind> muxers,
    int maxPeers,
    GossipParams gossip,
    ScoreParams scoring,
    boolean banPeers,
    double banThreshold,
    Duration banDuration,
    Optional<Address> unsafeBlockSigner,
    MessageIds.Variant messageIds) {
  public P2pSettings {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(listen, "listen");
    staticPeers = List.copyOf(staticPeers);
    muxers = List.copyOf(muxers);
    Objects.requireNonNull(gossip, "gossip");
    Objects.requireNonNull(scoring, "scoring");
    Objects.requireNonNull(banDuration, "banDuration");
    Objects.requireNonNull(unsafeBlockSigner, "unsafeBlockSigner");
    Objects.requireNonNull(messageIds, "messageIds");
    if (muxers.isEmpty()) {
      throw new IllegalArgumentException("at least one muxer");
    }
  }
}
