package dev.basalt.adapters.p2p;

import dev.basalt.core.types.Address;
import dev.basalt.adapters.p2p.gossip.GossipParams;
import dev.basalt.adapters.p2p.gossip.MessageIds;
import dev.basalt.adapters.p2p.gossip.ScoreParams;
import dev.basalt.adapters.p2p.host.MuxerKind;
import dev.basalt.adapters.p2p.identity.IdentityKey;
import dev.basalt.adapters.p2p.multiaddr.Multiaddr;
import dev.basalt.adapters.p2p.peers.PeerPolicy;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How the node's P2P stack runs (the {@code --p2p.*} flags, checked).
 *
 * @param listen the TCP listen address ({@code /ip4/<ip>/tcp/<port>})
 * @param staticPeers peers dialed at start and kept connected
 * @param maxPeers the peer count's high tide: connections above it are trimmed back to the low tide
 *     (the host refuses connections beyond {@link #connectionLimit()})
 * @param unsafeBlockSigner the signer from the flag or the chain's registry entry; empty when unknown
 * @param peers low tide, grace period and redial policy of the {@link dev.basalt.adapters.p2p.peers.PeerManager}
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
    MessageIds.Variant messageIds,
    PeerPolicy peers) {
  /** Settings with op-node's connection-management defaults (low tide 20, or the high tide if lower). */
  public P2pSettings(IdentityKey key, Multiaddr listen, List<Multiaddr> staticPeers, List<MuxerKind> muxers, int maxPeers,
      GossipParams gossip, ScoreParams scoring, boolean banPeers, double banThreshold, Duration banDuration,
      Optional<Address> unsafeBlockSigner, MessageIds.Variant messageIds) {
    this(key, listen, staticPeers, muxers, maxPeers, gossip, scoring, banPeers, banThreshold, banDuration, unsafeBlockSigner,
        messageIds, PeerPolicy.DEFAULTS.withTides(Math.min(PeerPolicy.DEFAULTS.lowTide(), maxPeers), PeerPolicy.DEFAULTS.grace()));
  }

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
    Objects.requireNonNull(peers, "peers");
    if (peers.lowTide() > maxPeers) {
      throw new IllegalArgumentException("low tide " + peers.lowTide() + " above the high tide " + maxPeers);
    }
    if (muxers.isEmpty()) {
      throw new IllegalArgumentException("at least one muxer");
    }
  }

  /**
   * The host's hard connection limit: room above the high tide for new peers to prove themselves
   * during their grace period before trimming (libp2p's connection manager has no hard cap either;
   * its resource manager does).
   */
  public int connectionLimit() {
    return Math.max(2 * maxPeers, maxPeers + 8);
  }

  public P2pSettings withPeers(PeerPolicy policy) {
    return new P2pSettings(key, listen, staticPeers, muxers, maxPeers, gossip, scoring, banPeers, banThreshold, banDuration,
        unsafeBlockSigner, messageIds, policy);
  }
}
