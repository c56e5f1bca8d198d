package dev.basalt.adapters.p2p.discv5;

import dev.basalt.adapters.p2p.enr.NodeKey;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Everything the discovery service needs; the node's {@code --p2p.*} flags map onto it (the mapping
 * is listed in this package's documentation and in the integration notes).
 *
 * @param nodeKey the node's secp256k1 key (same as the libp2p identity)
 * @param chainId the L2 chain ID: written to the local {@code opstack} entry and used to filter peers
 * @param listenIp UDP bind address ({@code --p2p.listen.ip})
 * @param listenUdpPort UDP bind port, 0 = any free port ({@code --p2p.listen.udp})
 * @param advertiseIp IP in the local ENR; null = the listen IP if it is not a wildcard, else none
 *     until peers report one ({@code --p2p.advertise.ip})
 * @param advertiseUdpPort UDP port in the ENR, 0 = the bound port ({@code --p2p.advertise.udp})
 * @param advertiseTcpPort libp2p TCP port in the ENR, 0 = none ({@code --p2p.advertise.tcp}, else
 *     {@code --p2p.listen.tcp})
 * @param bootnodes {@code enr:} or {@code enode://} strings ({@code --p2p.bootnodes}; empty = the
 *     chain's defaults, see {@link DefaultBootnodes})
 * @param peerStorePath file of known records kept across restarts, null = none
 *     ({@code --p2p.bootstore} / {@code --p2p.discovery.path}; {@code --p2p.no-bootstore} → null)
 * @param lookupInterval period of random-walk lookups ({@code --p2p.discovery.interval})
 * @param revalidateInterval period of table liveness checks (one node per tick)
 * @param requestTimeout how long a request waits for its answer before a retry
 * @param requestRetries retries after the first attempt
 * @param sessionCacheSize sessions kept (LRU)
 * @param maxPeerStoreEntries records kept in the peer store file
 * @param randomizeInterval period of kona's random eviction: each tick, a table holding more than
 *     {@link #RANDOMIZE_KEEP} records drops one chosen at random, so lookups refill it with fresh
 *     peers ({@code --p2p.discovery.randomize}); null = never (kona's default)
 */
public record DiscoveryConfig(
    NodeKey nodeKey,
    long chainId,
    InetAddress listenIp,
    int listenUdpPort,
    InetAddress advertiseIp,
    int advertiseUdpPort,
    int advertiseTcpPort,
    List<String> bootnodes,
    Path peerStorePath,
    Duration lookupInterval,
    Duration revalidateInterval,
    Duration requestTimeout,
    int requestRetries,
    int sessionCacheSize,
    int maxPeerStoreEntries,
    Duration randomizeInterval) {
  /** Random eviction leaves at least this many records in the table (kona's 20). */
  public static final int RANDOMIZE_KEEP = 20;

  public DiscoveryConfig {
    Objects.requireNonNull(nodeKey, "nodeKey");
    Objects.requireNonNull(listenIp, "listenIp");
    bootnodes = List.copyOf(bootnodes);
    if (listenUdpPort < 0 || listenUdpPort > 65535 || advertiseUdpPort < 0 || advertiseUdpPort > 65535
        || advertiseTcpPort < 0 || advertiseTcpPort > 65535) {
      throw new IllegalArgumentException("ports must be in [0, 65535]");
    }
    if (requestRetries < 0 || sessionCacheSize < 1 || maxPeerStoreEntries < 0) {
      throw new IllegalArgumentException("retries, session cache and peer store bounds must be non-negative");
    }
    if (randomizeInterval != null && (randomizeInterval.isNegative() || randomizeInterval.isZero())) {
      throw new IllegalArgumentException("the random eviction interval must be positive");
    }
  }

  /** kona's defaults (UDP 9223, lookups every 5 s) for {@code chainId}, bootnodes from {@link DefaultBootnodes}. */
  public static DiscoveryConfig defaults(NodeKey nodeKey, long chainId) {
    return new DiscoveryConfig(nodeKey, chainId, InetAddress.getLoopbackAddress(), 9223, null, 0, 9222, List.of(),
        null, Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofMillis(1000), 1, 1024, 2048, null);
  }

  public DiscoveryConfig withListen(InetAddress ip, int udpPort) {
    return new DiscoveryConfig(nodeKey, chainId, ip, udpPort, advertiseIp, advertiseUdpPort, advertiseTcpPort,
        bootnodes, peerStorePath, lookupInterval, revalidateInterval, requestTimeout, requestRetries,
        sessionCacheSize, maxPeerStoreEntries, randomizeInterval);
  }

  public DiscoveryConfig withAdvertise(InetAddress ip, int udpPort, int tcpPort) {
    return new DiscoveryConfig(nodeKey, chainId, listenIp, listenUdpPort, ip, udpPort, tcpPort, bootnodes,
        peerStorePath, lookupInterval, revalidateInterval, requestTimeout, requestRetries, sessionCacheSize,
        maxPeerStoreEntries, randomizeInterval);
  }

  public DiscoveryConfig withBootnodes(List<String> nodes) {
    return new DiscoveryConfig(nodeKey, chainId, listenIp, listenUdpPort, advertiseIp, advertiseUdpPort,
        advertiseTcpPort, nodes, peerStorePath, lookupInterval, revalidateInterval, requestTimeout,
        requestRetries, sessionCacheSize, maxPeerStoreEntries, randomizeInterval);
  }

  public DiscoveryConfig withPeerStore(Path path) {
    return new DiscoveryConfig(nodeKey, chainId, listenIp, listenUdpPort, advertiseIp, advertiseUdpPort,
        advertiseTcpPort, bootnodes, path, lookupInterval, revalidateInterval, requestTimeout, requestRetries,
        sessionCacheSize, maxPeerStoreEntries, randomizeInterval);
  }

  public DiscoveryConfig withIntervals(Duration lookup, Duration revalidate, Duration timeout) {
    return new DiscoveryConfig(nodeKey, chainId, listenIp, listenUdpPort, advertiseIp, advertiseUdpPort,
        advertiseTcpPort, bootnodes, peerStorePath, lookup, revalidate, timeout, requestRetries,
        sessionCacheSize, maxPeerStoreEntries, randomizeInterval);
  }

  /** Random eviction every {@code interval} ({@code --p2p.discovery.randomize}); null = never. */
  public DiscoveryConfig withRandomize(Duration interval) {
    return new DiscoveryConfig(nodeKey, chainId, listenIp, listenUdpPort, advertiseIp, advertiseUdpPort,
        advertiseTcpPort, bootnodes, peerStorePath, lookupInterval, revalidateInterval, requestTimeout, requestRetries,
        sessionCacheSize, maxPeerStoreEntries, interval);
  }
}
