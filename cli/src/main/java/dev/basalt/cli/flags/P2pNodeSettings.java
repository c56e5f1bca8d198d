package dev.basalt.cli.flags;

import dev.basalt.core.types.Address;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code --p2p.*} flags, checked: whether the node runs P2P and discovery, its key, addresses,
 * peers and gossip parameters. Paths that default into the data directory stay empty here and are
 * resolved when the node starts ({@code NodeP2p}).
 *
 * @param privRaw the node key as hex ({@code --p2p.priv.raw})
 * @param privPath the node key file ({@code --p2p.priv.path}; empty: {@code p2p_priv.txt} in the data directory)
 * @param advertiseIp the address put in the ENR (empty: the listen address unless it is the wildcard)
 * @param advertiseTcp TCP port in the ENR, 0 = the bound port
 * @param advertiseUdp UDP port in the ENR, 0 = the bound port
 * @param bootnodes ENRs or enodes (empty: the chain's defaults)
 * @param staticPeers multiaddrs with {@code /p2p/<id>}, dialed at start
 * @param bootstore the discovery peer store (empty: {@code bootstore.json} in the data directory,
 *     unless {@code noBootstore})
 * @param peers the connection manager's low tide, grace period and redial limits
 * @param discoveryRandomize period of random evictions from the discovery table (kona's {@code
 *     --p2p.discovery.randomize}; empty: never)
 * @param topicScoring per-topic peer scores on the block topics ({@code --p2p.topic-scoring})
 */
public record P2pNodeSettings(
    boolean enabled,
    boolean discovery,
    Optional<String> privRaw,
    Optional<Path> privPath,
    String listenIp,
    int listenTcp,
    int listenUdp,
    Optional<String> advertiseIp,
    int advertiseTcp,
    int advertiseUdp,
    List<String> bootnodes,
    List<String> staticPeers,
    int peersHi,
    int meshD,
    int meshLo,
    int meshDhi,
    int meshDlazy,
    boolean floodPublish,
    boolean scoring,
    boolean banPeers,
    double banThreshold,
    Duration banDuration,
    Duration discoveryInterval,
    Optional<Path> bootstore,
    boolean noBootstore,
    Optional<Address> unsafeBlockSigner,
    PeerTides peers,
    Optional<Duration> discoveryRandomize,
    boolean topicScoring,
    List<String> muxers) {

  /**
   * {@code --p2p.peers.lo}, {@code --p2p.peers.grace}, {@code --p2p.redial} (0: unlimited) and
   * {@code --p2p.redial.period}.
   */
  public record PeerTides(int lo, Duration grace, int redial, Duration redialPeriod) {
    public PeerTides {
      Objects.requireNonNull(grace, "grace");
      Objects.requireNonNull(redialPeriod, "redialPeriod");
    }
  }

  public P2pNodeSettings {
    Objects.requireNonNull(privRaw, "privRaw");
    Objects.requireNonNull(privPath, "privPath");
    Objects.requireNonNull(listenIp, "listenIp");
    Objects.requireNonNull(advertiseIp, "advertiseIp");
    bootnodes = List.copyOf(bootnodes);
    staticPeers = List.copyOf(staticPeers);
    muxers = List.copyOf(muxers);
    Objects.requireNonNull(banDuration, "banDuration");
    Objects.requireNonNull(discoveryInterval, "discoveryInterval");
    Objects.requireNonNull(bootstore, "bootstore");
    Objects.requireNonNull(unsafeBlockSigner, "unsafeBlockSigner");
    Objects.requireNonNull(peers, "peers");
    Objects.requireNonNull(discoveryRandomize, "discoveryRandomize");
  }

  /** One line for the startup log. */
  public String describeOff(boolean dev) {
    return dev ? "P2P off (--dev without --p2p.listen.tcp)" : "P2P off (--p2p.disable)";
  }
}
