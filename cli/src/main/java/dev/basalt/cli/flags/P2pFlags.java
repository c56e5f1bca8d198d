package dev.basalt.cli.flags;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * kona-node's P2P flags ({@code P2PArgs}) with its names, variables and defaults, plus op-node's
 * {@code --p2p.disable} and {@code --p2p.static}. P2P is on by default for real chains (as op-node
 * and kona); {@code --dev} runs without it unless {@code --p2p.listen.tcp} is given. Flags Basalt
 * cannot honour yet are refused when set (see {@link NotYetWired}).
 */
@Command(description = "P2P: libp2p block gossip and discv5 discovery (on by default; --dev: only with --p2p.listen.tcp)")
public final class P2pFlags {
  @Option(names = "--p2p.no-discovery", arity = "0..1", fallbackValue = "true", defaultValue = "false",
      description = "Disable discv5 discovery (peers come from --p2p.static and inbound connections only).")
  @Env("KONA_NODE_P2P_NO_DISCOVERY")
  boolean noDiscovery;

  @Option(names = "--p2p.disable", arity = "0..1", fallbackValue = "true", defaultValue = "false",
      description = "op-node: disable P2P entirely (no gossip, no discovery, no listening sockets).")
  @Env("OP_NODE_P2P_DISABLE")
  boolean disable;

  @Option(names = "--p2p.mux", paramLabel = "LIST", defaultValue = "yamux,mplex",
      description = "op-node: stream muxers in order of preference, comma-separated (yamux, mplex); offered in this order"
          + " when dialing, the only ones accepted when listening.")
  @Env("OP_NODE_P2P_MUX")
  String mux;

  @Option(names = "--p2p.priv.path", paramLabel = "FILE", description = "Hex secp256k1 node key file, op-node format (created if absent; default: p2p_priv.txt in the data directory).")
  @Env("KONA_NODE_P2P_PRIV_PATH")
  Path privPath;

  @Option(names = "--p2p.priv.raw", paramLabel = "HEX", description = "Hex secp256k1 node key.")
  @Env("KONA_NODE_P2P_PRIV_RAW")
  String privRaw;

  @Option(names = "--p2p.advertise.ip", paramLabel = "IP|HOST", description = "Address advertised in the ENR (default: the listen IP).")
  @Env("KONA_NODE_P2P_ADVERTISE_IP")
  String advertiseIp;

  @Option(names = "--p2p.advertise.tcp", paramLabel = "PORT", description = "TCP port advertised in the ENR (default: the listen port).")
  @Env("KONA_NODE_P2P_ADVERTISE_TCP_PORT")
  Integer advertiseTcp;

  @Option(names = "--p2p.advertise.udp", paramLabel = "PORT", description = "UDP port advertised in the ENR (default: the listen port).")
  @Env("KONA_NODE_P2P_ADVERTISE_UDP_PORT")
  Integer advertiseUdp;

  @Option(names = "--p2p.listen.ip", paramLabel = "IP", defaultValue = "0.0.0.0", description = "libp2p and discv5 listen address.")
  @Env("KONA_NODE_P2P_LISTEN_IP")
  String listenIp;

  @Option(names = "--p2p.listen.tcp", paramLabel = "PORT", defaultValue = "9222", description = "libp2p TCP port.")
  @Env("KONA_NODE_P2P_LISTEN_TCP_PORT")
  int listenTcp;

  @Option(names = "--p2p.listen.udp", paramLabel = "PORT", defaultValue = "9223", description = "discv5 UDP port (op-node's default is 0 = the TCP port).")
  @Env("KONA_NODE_P2P_LISTEN_UDP_PORT")
  int listenUdp;

  @Option(names = "--p2p.peers.lo", paramLabel = "N", defaultValue = "20", description = "Low tide of peers: trimming stops here and discovered peers are dialed below it.")
  @Env("KONA_NODE_P2P_PEERS_LO")
  int peersLo;

  @Option(names = "--p2p.peers.hi", paramLabel = "N", defaultValue = "30", description = "High tide of peers: above it connections past their grace period are trimmed to the low tide, lowest gossip score first (never static or protected peers).")
  @Env("KONA_NODE_P2P_PEERS_HI")
  int peersHi;

  @Option(names = "--p2p.peers.grace", paramLabel = "DURATION", defaultValue = "30", converter = GoDuration.Seconds.class,
      description = "New connections are not trimmed for this long (plain integers are seconds, as kona; or 30s, as op-node).")
  @Env("KONA_NODE_P2P_PEERS_GRACE")
  Duration peersGrace;

  @Option(names = "--p2p.gossip.mesh.d", paramLabel = "N", defaultValue = "8", description = "Gossipsub mesh degree D.")
  @Env("KONA_NODE_P2P_GOSSIP_MESH_D")
  int meshD;

  @Option(names = "--p2p.gossip.mesh.lo", paramLabel = "N", defaultValue = "6", description = "Gossipsub mesh low bound D_lo.")
  @Env("KONA_NODE_P2P_GOSSIP_MESH_DLO")
  int meshLo;

  @Option(names = "--p2p.gossip.mesh.dhi", paramLabel = "N", defaultValue = "12", description = "Gossipsub mesh high bound D_hi.")
  @Env("KONA_NODE_P2P_GOSSIP_MESH_DHI")
  int meshDhi;

  @Option(names = "--p2p.gossip.mesh.dlazy", paramLabel = "N", defaultValue = "6", description = "Gossipsub lazy degree D_lazy.")
  @Env("KONA_NODE_P2P_GOSSIP_MESH_DLAZY")
  int meshDlazy;

  @Option(names = "--p2p.gossip.mesh.floodpublish", arity = "0..1", fallbackValue = "true", defaultValue = "false",
      description = "Flood-publish own messages.")
  @Env("KONA_NODE_P2P_GOSSIP_FLOOD_PUBLISH")
  boolean floodPublish;

  @Option(names = "--p2p.scoring", paramLabel = "none|light", defaultValue = "light", description = "Peer scoring.")
  @Env("KONA_NODE_P2P_SCORING")
  String scoring;

  @Option(names = "--p2p.ban.peers", arity = "0..1", fallbackValue = "true", defaultValue = "false",
      description = "Ban peers by score (op-node's default is true).")
  @Env("KONA_NODE_P2P_BAN_PEERS")
  boolean banPeers;

  @Option(names = "--p2p.ban.threshold", paramLabel = "SCORE", defaultValue = "-100", description = "Score below which peers are banned.")
  @Env("KONA_NODE_P2P_BAN_THRESHOLD")
  long banThreshold;

  @Option(names = "--p2p.ban.duration", paramLabel = "DURATION", defaultValue = "60", converter = GoDuration.Minutes.class,
      description = "How long a ban lasts (plain integers are minutes, as kona; or 1h, as op-node).")
  @Env("KONA_NODE_P2P_BAN_DURATION")
  Duration banDuration;

  @Option(names = "--p2p.discovery.interval", paramLabel = "DURATION", defaultValue = "5", converter = GoDuration.Seconds.class,
      description = "Discovery query period (plain integers are seconds).")
  @Env("KONA_NODE_P2P_DISCOVERY_INTERVAL")
  Duration discoveryInterval;

  @Option(names = "--p2p.bootstore", paramLabel = "FILE", description = "Discovery peer store (default: bootstore.json in the data directory).")
  @Env("KONA_NODE_P2P_BOOTSTORE")
  Path bootstore;

  @Option(names = "--p2p.no-bootstore", arity = "0..1", fallbackValue = "true", defaultValue = "false", description = "Disable the bootstore.")
  @Env("KONA_NODE_P2P_NO_BOOTSTORE")
  boolean noBootstore;

  @Option(names = "--p2p.redial", paramLabel = "N", defaultValue = "500", description = "Dials of one peer address per --p2p.redial.period (0: unlimited); static peers are always redialed.")
  @Env("KONA_NODE_P2P_REDIAL")
  int redial;

  @Option(names = "--p2p.redial.period", paramLabel = "DURATION", defaultValue = "60", converter = GoDuration.Minutes.class,
      description = "Dial-count reset period (plain integers are minutes).")
  @Env("KONA_NODE_P2P_REDIAL_PERIOD")
  Duration redialPeriod;

  @Option(names = "--p2p.bootnodes", paramLabel = "ENR", split = ",", description = "Bootnodes, comma-separated ENRs or enodes (default: the chain's).")
  @Env("KONA_NODE_P2P_BOOTNODES")
  List<String> bootnodes;

  @Option(names = "--p2p.topic-scoring", arity = "0..1", fallbackValue = "true", defaultValue = "false",
      description = "Per-topic peer scores (kona's legacy topic scoring) on the four block topics: time in mesh, first and mesh"
          + " deliveries, mesh failures and invalid blocks count toward a peer's score. false (default, as kona; op-node removed"
          + " topic scoring): the score is IP colocation and behaviour penalties only. No effect with --p2p.scoring none.")
  @Env("KONA_NODE_P2P_TOPIC_SCORING")
  boolean topicScoring;

  @Option(names = "--p2p.unsafe.block.signer", paramLabel = "ADDRESS", description = "Fallback unsafe-block signer: in force until the L1 SystemConfig's signer is read, and whenever L1 names"
          + " none; a signer set on L1 wins (as kona). Re-read every --l1.runtime-config-reload-interval.")
  @Env("KONA_NODE_P2P_UNSAFE_BLOCK_SIGNER")
  String unsafeBlockSigner;

  @Option(names = "--p2p.static", paramLabel = "MULTIADDR", split = ",",
      description = "op-node: peers to dial at start, comma-separated multiaddrs ending in /p2p/<peer id>.")
  @Env("OP_NODE_P2P_STATIC")
  List<String> staticPeers;

  @Option(names = "--p2p.discovery.randomize", paramLabel = "DURATION", converter = GoDuration.Seconds.class,
      description = "Every this long, drop one random record from the discovery table when it holds more than 20, so lookups"
          + " find fresh peers (kona; plain integers are seconds). Default: never.")
  @Env("KONA_NODE_P2P_DISCOVERY_RANDOMIZE")
  Duration discoveryRandomize;

  /**
   * The checked settings. P2P runs unless {@code --p2p.disable}; with {@code --dev} only when
   * {@code --p2p.listen.tcp} is given ({@code listenTcpGiven}), so a devnet stays on loopback.
   */
  public P2pNodeSettings settings(boolean devnet, boolean listenTcpGiven) {
    boolean enabled = !disable && (!devnet || listenTcpGiven);
    checkIdentityAndAddresses();
    checkPeersAndMesh();
    boolean score = scoringEnabled();
    checkDiscovery();
    List<String> statics = checkedStaticPeers();
    java.util.Optional<dev.basalt.core.types.Address> signer = checkedUnsafeBlockSigner();
    List<String> muxers = checkedMuxers();
    List<String> boots = bootnodes == null ? List.of() : bootnodes.stream().map(String::strip).filter(x -> !x.isEmpty()).toList();
    return new P2pNodeSettings(enabled, !noDiscovery, java.util.Optional.ofNullable(privRaw), java.util.Optional.ofNullable(privPath),
        listenIp, listenTcp, listenUdp, java.util.Optional.ofNullable(advertiseIp), advertiseTcp == null ? 0 : advertiseTcp,
        advertiseUdp == null ? 0 : advertiseUdp, boots, statics, peersHi, meshD, meshLo, meshDhi, meshDlazy, floodPublish, score,
        banPeers, banThreshold, banDuration, discoveryInterval, java.util.Optional.ofNullable(bootstore), noBootstore, signer,
        new P2pNodeSettings.PeerTides(peersLo, peersGrace, redial, redialPeriod), java.util.Optional.ofNullable(discoveryRandomize),
        topicScoring, muxers);
  }

  /** {@code --p2p.priv.*}, ports and the listen IP. */
  private void checkIdentityAndAddresses() {
    if (privRaw != null && privPath != null) {
      throw new FlagException("--p2p.priv.raw and --p2p.priv.path cannot both be given");
    }
    if (privRaw != null) {
      try {
        dev.basalt.adapters.p2p.identity.PrivateKeyHex.parse(privRaw);
      } catch (IllegalArgumentException e) {
        throw new FlagException("--p2p.priv.raw: " + e.getMessage());
      }
    }
    port(listenTcp, "--p2p.listen.tcp");
    port(listenUdp, "--p2p.listen.udp");
    port(advertiseTcp == null ? 0 : advertiseTcp, "--p2p.advertise.tcp");
    port(advertiseUdp == null ? 0 : advertiseUdp, "--p2p.advertise.udp");
    ip(listenIp, "--p2p.listen.ip");
  }

  /** Peer counts, redial and gossip mesh degrees. */
  private void checkPeersAndMesh() {
    if (peersHi < 1) {
      throw new FlagException("--p2p.peers.hi must be at least 1, got " + peersHi);
    }
    if (peersLo < 0 || peersLo > peersHi) {
      throw new FlagException("--p2p.peers.lo must be between 0 and --p2p.peers.hi (" + peersHi + "), got " + peersLo);
    }
    if (peersGrace.isNegative()) {
      throw new FlagException("--p2p.peers.grace must not be negative");
    }
    if (redial < 0) {
      throw new FlagException("--p2p.redial must be 0 (unlimited) or more, got " + redial);
    }
    if (redialPeriod.isZero() || redialPeriod.isNegative()) {
      throw new FlagException("--p2p.redial.period must be positive");
    }
    if (!(meshLo <= meshD && meshD <= meshDhi) || meshLo < 1 || meshDlazy < 0) {
      throw new FlagException("gossip mesh degrees need 1 <= --p2p.gossip.mesh.lo <= --p2p.gossip.mesh.d <= --p2p.gossip.mesh.dhi"
          + " and --p2p.gossip.mesh.dlazy >= 0, got lo " + meshLo + ", d " + meshD + ", dhi " + meshDhi + ", dlazy " + meshDlazy);
    }
  }

  /** {@code --p2p.scoring}: {@code light} (op-node's peer scoring) or {@code none}. */
  private boolean scoringEnabled() {
    return switch (scoring.toLowerCase(java.util.Locale.ROOT)) {
      case "light" -> true;
      case "none" -> false;
      default -> throw new FlagException("--p2p.scoring must be none or light, got " + scoring);
    };
  }

  /** Discovery intervals and the boot store. */
  private void checkDiscovery() {
    if (discoveryInterval.isZero()) {
      throw new FlagException("--p2p.discovery.interval must be positive");
    }
    if (discoveryRandomize != null && (discoveryRandomize.isZero() || discoveryRandomize.isNegative())) {
      throw new FlagException("--p2p.discovery.randomize must be positive, got " + discoveryRandomize.toSeconds() + "s");
    }
    if (bootstore != null && noBootstore) {
      throw new FlagException("--p2p.bootstore and --p2p.no-bootstore cannot both be given");
    }
  }

  /** {@code --p2p.static}: each a multiaddr naming its peer id. */
  private List<String> checkedStaticPeers() {
    List<String> statics = staticPeers == null ? List.of() : staticPeers.stream().map(String::strip).filter(x -> !x.isEmpty()).toList();
    for (String a : statics) {
      try {
        if (dev.basalt.adapters.p2p.multiaddr.Multiaddr.parse(a).peerId().isEmpty()) {
          throw new FlagException("--p2p.static: " + a + " has no /p2p/<peer id>");
        }
      } catch (IllegalArgumentException e) {
        throw new FlagException("--p2p.static: not a multiaddr: " + a + " (" + e.getMessage() + ")");
      }
    }
    return statics;
  }

  /** {@code --p2p.unsafe.block.signer}, when given: an address. */
  private java.util.Optional<dev.basalt.core.types.Address> checkedUnsafeBlockSigner() {
    try {
      return java.util.Optional.ofNullable(unsafeBlockSigner).map(dev.basalt.core.types.Address::fromHex);
    } catch (RuntimeException e) {
      throw new FlagException("--p2p.unsafe.block.signer: not an address: " + unsafeBlockSigner);
    }
  }

  /** {@code --p2p.mux}: yamux and/or mplex, in the order given. */
  private List<String> checkedMuxers() {
    List<String> muxers = java.util.Arrays.stream(mux.split(",")).map(x -> x.strip().toLowerCase(java.util.Locale.ROOT))
        .filter(x -> !x.isEmpty()).distinct().toList();
    if (muxers.isEmpty() || !List.of("yamux", "mplex").containsAll(muxers)) {
      throw new FlagException("--p2p.mux must list yamux and/or mplex, got " + mux);
    }
    return muxers;
  }

  private static void port(int p, String flag) {
    if (p < 0 || p > 65535) {
      throw new FlagException(flag + " must be a port in 0..65535, got " + p);
    }
  }

  private static void ip(String text, String flag) {
    try {
      dev.basalt.adapters.p2p.multiaddr.Multiaddr.parse((text.contains(":") ? "/ip6/" : "/ip4/") + text + "/tcp/0");
    } catch (IllegalArgumentException e) {
      throw new FlagException(flag + " must be an IP address, got " + text);
    }
  }
}
