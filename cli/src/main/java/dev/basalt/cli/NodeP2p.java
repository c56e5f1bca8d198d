package dev.basalt.cli;

import dev.basalt.adapters.p2p.P2pService;
import dev.basalt.adapters.p2p.P2pSettings;
import dev.basalt.adapters.ring.EventSink;
import dev.basalt.cli.flags.P2pNodeSettings;
import dev.basalt.core.config.RollupConfig;
import dev.basalt.adapters.p2p.discv5.DiscoveredPeer;
import dev.basalt.adapters.p2p.discv5.DiscoveryConfig;
import dev.basalt.adapters.p2p.discv5.Discv5Service;
import dev.basalt.adapters.p2p.enr.NodeKey;
import dev.basalt.adapters.p2p.gossip.GossipParams;
import dev.basalt.adapters.p2p.gossip.MessageIds;
import dev.basalt.adapters.p2p.gossip.ScoreParams;
import dev.basalt.adapters.p2p.host.MuxerKind;
import dev.basalt.adapters.p2p.identity.IdentityKey;
import dev.basalt.adapters.p2p.identity.PeerId;
import dev.basalt.adapters.p2p.identity.PrivateKeyHex;
import dev.basalt.adapters.p2p.identity.Secp256k1PublicKey;
import dev.basalt.adapters.p2p.multiaddr.Multiaddr;
import dev.basalt.adapters.p2p.peers.PeerPolicy;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's P2P stack as the {@code --p2p.*} flags ask: the {@link P2pService} (libp2p host, block
 * gossip, {@code payload_by_number}, the peer manager) and, unless {@code --p2p.no-discovery}, a
 * {@link Discv5Service} whose peers of our chain the peer manager dials while fewer than {@code
 * --p2p.peers.lo} are connected. The node key comes from {@code
 * --p2p.priv.raw}, {@code --p2p.priv.path} or {@code p2p_priv.txt} in the data directory (created if
 * missing), and is both the libp2p identity and the discv5 node key, as in op-node.
 */
final class NodeP2p implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(NodeP2p.class);

  /** The node key's default file in the data directory. */
  static final String KEY_FILE = "p2p_priv.txt";
  /** The discovery peer store's default file in the data directory. */
  static final String BOOTSTORE_FILE = "bootstore.json";

  private final P2pNodeSettings settings;
  private final P2pService service;
  private final Discv5Service discovery;

  private NodeP2p(P2pNodeSettings settings, P2pService service, Discv5Service discovery) {
    this.settings = settings;
    this.service = service;
    this.discovery = discovery;
  }

  /** Builds the stack (nothing bound yet); refuses the start on an unreadable key or bad address. */
  /** @param defaultBootnodes used when {@code --p2p.bootnodes} is not given */
  static NodeP2p create(P2pNodeSettings s, RollupConfig rollup, List<String> defaultBootnodes, Path dataDir) {
    IdentityKey key = key(s, dataDir);
    InetAddress listenIp = address(s.listenIp(), "--p2p.listen.ip");
    String ipProto = listenIp instanceof java.net.Inet6Address ? "/ip6/" : "/ip4/";
    GossipParams gossip = GossipParams.OP_NODE.withMesh(s.meshD(), s.meshLo(), s.meshDhi(), s.meshDlazy())
        .withFloodPublish(s.floodPublish());
    ScoreParams light = ScoreParams.opNodeLight(rollup.blockTimeSeconds());
    ScoreParams scoring = !s.scoring() ? ScoreParams.NONE : s.topicScoring() ? light : light.withoutTopicScoring();
    List<Multiaddr> statics = s.staticPeers().stream().map(Multiaddr::parse).toList();
    P2pSettings p2p = new P2pSettings(key, Multiaddr.parse(ipProto + s.listenIp() + "/tcp/" + s.listenTcp()), statics,
        s.muxers().stream().map(m -> MuxerKind.valueOf(m.toUpperCase(java.util.Locale.ROOT))).toList(), s.peersHi(), gossip, scoring, s.banPeers(), s.banThreshold(), s.banDuration(),
        s.unsafeBlockSigner(), MessageIds.Variant.OP_NODE)
        .withPeers(PeerPolicy.DEFAULTS.withTides(s.peers().lo(), s.peers().grace())
            .withRedial(s.peers().redial(), s.peers().redialPeriod()));
    P2pService service;
    try {
      service = new P2pService(p2p, rollup, System::currentTimeMillis);
    } catch (RuntimeException e) {
      throw StartupException.failed("cannot start P2P: " + e.getMessage());
    }
    Discv5Service discovery = null;
    if (s.discovery()) {
      DiscoveryConfig d = DiscoveryConfig.defaults(NodeKey.fromSecret(key.secret()), rollup.l2ChainId())
          .withListen(listenIp, s.listenUdp())
          .withAdvertise(s.advertiseIp().map(a -> address(a, "--p2p.advertise.ip")).orElse(null), s.advertiseUdp(), s.advertiseTcp())
          .withBootnodes(s.bootnodes().isEmpty() ? defaultBootnodes : s.bootnodes())
          .withPeerStore(s.noBootstore() ? null : s.bootstore().orElse(dataDir.resolve(BOOTSTORE_FILE)))
          .withIntervals(s.discoveryInterval(), Duration.ofSeconds(5), Duration.ofSeconds(1))
          .withRandomize(s.discoveryRandomize().orElse(null));
      discovery = new Discv5Service(d);
    }
    return new NodeP2p(s, service, discovery);
  }

  private static IdentityKey key(P2pNodeSettings s, Path dataDir) {
    if (s.privRaw().isPresent()) {
      return PrivateKeyHex.parse(s.privRaw().get());
    }
    Path file = s.privPath().orElse(dataDir.resolve(KEY_FILE));
    try {
      return PrivateKeyHex.loadOrCreate(file, new SecureRandom());
    } catch (IOException | IllegalArgumentException e) {
      throw StartupException.failed("cannot load the P2P node key " + file + " (--p2p.priv.path): " + e.getMessage());
    }
  }

  private static InetAddress address(String text, String flag) {
    try {
      return InetAddress.getByName(text);
    } catch (IOException e) {
      throw StartupException.failed(flag + ": cannot resolve " + text + ": " + e.getMessage());
    }
  }

  /** Binds, joins the block topics, dials the static peers, starts discovery; logs what it runs as. */
  void start(EventSink sink) {
    try {
      service.start(sink);
    } catch (Exception e) {
      throw StartupException.failed("cannot start P2P on " + settings.listenIp() + ":" + settings.listenTcp()
          + " (--p2p.listen.tcp): " + e);
    }
    String enr = "none (--p2p.no-discovery)";
    if (discovery != null) {
      if (settings.advertiseTcp() == 0) {
        service.host().listenAddresses().stream().findFirst().flatMap(Multiaddr::tcpSocketAddress)
            .ifPresent(a -> discovery.setTcpPort(a.getPort()));
      }
      discovery.onPeer(this::onDiscovered);
      try {
        discovery.start();
      } catch (IOException | IllegalArgumentException e) {
        throw StartupException.failed("cannot start discovery on udp " + settings.listenUdp() + " (--p2p.listen.udp): " + e.getMessage());
      }
      enr = discovery.localEnr().toText();
    }
    LOG.info("P2P on: peer id {}, listening on {}, ENR {}, {} static peers, peers lo/hi {}/{} (grace {})", service.host().peerId(),
        service.addresses(), enr, settings.staticPeers().size(), settings.peers().lo(), settings.peersHi(), settings.peers().grace());
    if (settings.unsafeBlockSigner().isPresent()) {
      LOG.info("unsafe block signer {} (from --p2p.unsafe.block.signer, until the L1 SystemConfig is read)",
          settings.unsafeBlockSigner().get());
    }
  }

  /** The operator's unsafe-block signer ({@code --p2p.unsafe.block.signer}), in force until L1 names one. */
  Optional<dev.basalt.core.types.Address> fallbackSigner() {
    return settings.unsafeBlockSigner();
  }

  /** On the discovery thread: the peer manager dials a peer of our chain while below the low tide. */
  private void onDiscovered(DiscoveredPeer p) {
    if (p.tcpPort() <= 0 || service.peers() == null) {
      return;
    }
    PeerId id = Secp256k1PublicKey.fromBytes(p.compressedPublicKey()).peerId();
    if (service.bans().isBlocked(id.toString())) {
      return;
    }
    service.peers().offer(Multiaddr.tcp(new InetSocketAddress(p.ip(), p.tcpPort())).withPeerId(id));
  }

  P2pService service() {
    return service;
  }

  Optional<Discv5Service> discovery() {
    return Optional.ofNullable(discovery);
  }

  @Override
  public void close() {
    if (discovery != null) {
      discovery.close();
    }
    service.close();
  }
}
