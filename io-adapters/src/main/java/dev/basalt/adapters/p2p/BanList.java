package dev.basalt.adapters.p2p;

import dev.basalt.adapters.p2p.host.ConnectionGater;
import dev.basalt.adapters.p2p.host.Direction;
import dev.basalt.adapters.p2p.identity.PeerId;
import dev.basalt.adapters.p2p.multiaddr.Multiaddr;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Blocked and banned peers, addresses and subnets (op-node's connection gater with {@code
 * opp2p_blockPeer}, {@code blockAddr}, {@code blockSubnet}, and score bans that expire). Consulted by the host before dialing, on accept and
 * after the Noise handshake.
 */
public final class BanList implements ConnectionGater {
  private final Map<String, Long> peers = new ConcurrentHashMap<>();
  private final Map<String, Long> addrs = new ConcurrentHashMap<>();
  private final Map<String, Subnet> subnets = new ConcurrentHashMap<>();
  private final LongSupplier clock;

  public BanList(LongSupplier clockMillis) {
    this.clock = clockMillis;
  }

  /** Blocks {@code peer} until {@code untilMillis} ({@link Long#MAX_VALUE}: until unblocked). */
  public void blockPeer(String peer, long untilMillis) {
    peers.put(peer, untilMillis);
  }

  public void unblockPeer(String peer) {
    peers.remove(peer);
  }

  public void blockAddr(InetAddress addr) {
    addrs.put(addr.getHostAddress(), Long.MAX_VALUE);
  }

  public void unblockAddr(InetAddress addr) {
    addrs.remove(addr.getHostAddress());
  }

  /** Refuses dials to and connections from addresses in {@code subnet} (open connections stay, as in libp2p). */
  public void blockSubnet(Subnet subnet) {
    subnets.put(subnet.toString(), subnet);
  }

  public void unblockSubnet(Subnet subnet) {
    subnets.remove(subnet.toString());
  }

  /** Blocked subnets in CIDR notation, sorted. */
  public java.util.Set<String> blockedSubnets() {
    return new java.util.TreeSet<>(subnets.keySet());
  }

  private boolean inBlockedSubnet(InetAddress address) {
    for (Subnet s : subnets.values()) {
      if (s.contains(address)) {
        return true;
      }
    }
    return false;
  }

  /** Blocked peers (ids, sorted), expired entries dropped. */
  public Map<String, Long> blockedPeers() {
    long now = clock.getAsLong();
    peers.values().removeIf(until -> until <= now);
    return new TreeMap<>(peers);
  }

  public Map<String, Long> blockedAddrs() {
    return new TreeMap<>(addrs);
  }

  public boolean isBlocked(String peer) {
    Long until = peers.get(peer);
    return until != null && until > clock.getAsLong();
  }

  @Override
  public boolean allowDial(Multiaddr address) {
    if (address.peerId().map(p -> isBlocked(p.toString())).orElse(false)) {
      return false;
    }
    return address.tcpSocketAddress()
        .map(a -> !addrs.containsKey(a.getAddress().getHostAddress()) && !inBlockedSubnet(a.getAddress())).orElse(true);
  }

  @Override
  public boolean allowInbound(InetSocketAddress remote) {
    return !addrs.containsKey(remote.getAddress().getHostAddress()) && !inBlockedSubnet(remote.getAddress());
  }

  @Override
  public boolean allowSecured(PeerId peer, Direction direction) {
    return !isBlocked(peer.toString());
  }
}
