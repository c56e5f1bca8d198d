package dev.basalt.adapters.p2p;

import dev.basalt.adapters.node.GossipPort;
import dev.basalt.adapters.ring.EventSink;
import dev.basalt.core.command.ResolveGossipMessage;
import dev.basalt.core.config.RollupConfig;
import dev.basalt.core.engine.ExecutionPayloadEnvelope;
import dev.basalt.core.event.GossipPayloadReceived;
import dev.basalt.core.event.UnsafeBlockSignerObserved;
import dev.basalt.core.p2p.BlockVersion;
import dev.basalt.core.p2p.GossipMessage;
import dev.basalt.core.p2p.GossipOutcome;
import dev.basalt.core.p2p.PayloadSsz;
import dev.basalt.core.types.Bytes;
import dev.basalt.adapters.p2p.gossip.GossipNetwork;
import dev.basalt.adapters.p2p.host.Host;
import dev.basalt.adapters.p2p.host.HostConfig;
import dev.basalt.adapters.p2p.host.P2pLimits;
import dev.basalt.adapters.p2p.multiaddr.Multiaddr;
import dev.basalt.adapters.p2p.peers.PeerManager;
import dev.basalt.adapters.p2p.reqresp.PayloadByNumberServer;
import dev.basalt.adapters.p2p.reqresp.PayloadSource;
import dev.basalt.adapters.p2p.reqresp.ServerLimits;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's P2P stack: the libp2p host, block gossip on the chain's four topics, the bans, and the
 * bridges to the core. A message to validate becomes a {@link GossipPayloadReceived} on the ring
 * (shed with an IGNORE verdict when the ring is full, as a full validation queue does in op-node);
 * the core's {@link ResolveGossipMessage} comes back through {@link #gossipPort()}. At start the
 * known unsafe-block signer is published as {@link UnsafeBlockSignerObserved}. It also serves
 * {@code payload_by_number} ({@link PayloadByNumberServer}, blocks from {@link #setPayloadSource}) and
 * keeps the peer count between the tides ({@link PeerManager}, which also dials the static peers).
 */
public final class P2pService implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(P2pService.class);

  private final P2pSettings settings;
  private final RollupConfig rollup;
  private final LongSupplier clock;
  private final BanList bans;
  private final Host host;
  private final GossipMetrics metrics = new GossipMetrics();
  private final Map<String, BlockVersion> versionByTopic = new TreeMap<>();
  private final PayloadByNumberServer reqResp;
  private volatile GossipNetwork gossip;
  private volatile PeerManager peers;
  private volatile EventSink sink;

  public P2pService(P2pSettings settings, RollupConfig rollup, LongSupplier clockMillis) {
    this.settings = settings;
    this.rollup = rollup;
    this.clock = clockMillis;
    this.bans = new BanList(clockMillis);
    for (BlockVersion v : BlockVersion.values()) {
      versionByTopic.put(GossipMessage.topic(rollup.l2ChainId(), v), v);
    }
    this.host = Host.create(HostConfig.defaults(settings.key()).withMuxers(settings.muxers()).withGater(bans)
        .withLimits(P2pLimits.defaults().withMaxConnections(settings.connectionLimit())));
    this.reqResp = new PayloadByNumberServer(rollup, ServerLimits.OP_NODE, clockMillis);
  }

  /** Listens, joins the block topics, announces the signer and dials the static peers. */
  public void start(EventSink eventSink) throws Exception {
    this.sink = eventSink;
    reqResp.register(host);
    Multiaddr bound = host.listen(settings.listen()).get(10, TimeUnit.SECONDS);
    settings.unsafeBlockSigner().ifPresent(s -> eventSink.publish(new UnsafeBlockSignerObserved(s)));
    gossip = new GossipNetwork(host, settings.gossip(), settings.scoring(), settings.messageIds(), versionByTopic.keySet(),
        this::validate, clock);
    gossip.onGraylisted(this::onGraylisted);
    gossip.start(List.copyOf(versionByTopic.keySet()));
    LOG.info("P2P listening on {}/p2p/{}", bound, host.peerId());
    peers = new PeerManager(host, settings.peers(), settings.maxPeers(), settings.staticPeers(), this::scores, clock);
    peers.start();
  }

  /** The router's peer scores, for trimming (waits at most two seconds; empty when it cannot answer). */
  private Map<String, Double> scores() {
    GossipNetwork g = gossip;
    if (g == null) {
      return Map.of();
    }
    long now = clock.getAsLong();
    try {
      return g.query(r -> {
        Map<String, Double> out = new TreeMap<>();
        for (String p : r.peers()) {
          out.put(p, r.score(p, now));
        }
        return out;
      }).get(2, TimeUnit.SECONDS);
    } catch (Exception e) {
      return Map.of();
    }
  }

  /** Where {@code payload_by_number} answers come from (the L2 execution client); until set, "not found". */
  public void setPayloadSource(PayloadSource source) {
    reqResp.setSource(source);
  }

  private void validate(Bytes id, String topic, byte[] data, String from, long receivedAtMillis) {
    BlockVersion v = versionByTopic.get(topic);
    GossipPayloadReceived e = new GossipPayloadReceived(receivedAtMillis, from, v.ordinal() + 1, Bytes.wrapOwned(data), id);
    if (sink == null || !sink.tryPublish(e)) {
      gossip.resolve(id, GossipOutcome.IGNORE);
    }
  }

  private void onGraylisted(String peer, double score) {
    if (settings.banPeers() && score < settings.banThreshold()) {
      LOG.info("banning peer {} for {} (score {})", peer, settings.banDuration(), score);
      bans.blockPeer(peer, clock.getAsLong() + settings.banDuration().toMillis());
      PeerManager m = peers;
      host.connections().stream().filter(c -> c.remotePeer().toString().equals(peer)).findFirst()
          .ifPresent(c -> {
            if (m != null) {
              m.disconnect(c.remotePeer());
            } else {
              host.disconnect(c.remotePeer());
            }
          });
    }
  }

  /** Where the core's verdicts go. */
  public GossipPort gossipPort() {
    return verdict -> {
      metrics.verdict(verdict.reason());
      GossipNetwork g = gossip;
      if (g != null && !verdict.messageId().isEmpty()) {
        g.resolve(verdict.messageId(), verdict.outcome());
      }
      if (verdict.outcome() == GossipOutcome.REJECT) {
        LOG.debug("rejected gossip from {}: {} {}", verdict.peerId(), verdict.reason().label(), verdict.detail());
      }
    };
  }

  /**
   * Publishes a block this node sequenced and signed, on the topic of its version (op-node {@code
   * PublishSignedL2Payload}).
   */
  public CompletableFuture<Bytes> publishBlock(ExecutionPayloadEnvelope envelope, Bytes signature) {
    BlockVersion v = BlockVersion.at(rollup, envelope.payload().timestamp());
    Bytes data = GossipMessage.encode(signature, PayloadSsz.signedBytes(envelope, v));
    metrics.published();
    return gossip.publish(GossipMessage.topic(rollup.l2ChainId(), v), data.toArray());
  }

  public CompletableFuture<Void> connect(Multiaddr address) {
    return host.dial(address).handle((c, e) -> {
      if (e != null) {
        LOG.warn("could not connect to {}: {}", address, e.toString());
      }
      return null;
    });
  }

  public Host host() {
    return host;
  }

  public GossipNetwork gossip() {
    return gossip;
  }

  /** The connection manager (null before {@link #start}). */
  public PeerManager peers() {
    return peers;
  }

  public PayloadByNumberServer reqResp() {
    return reqResp;
  }

  public BanList bans() {
    return bans;
  }

  public GossipMetrics metrics() {
    return metrics;
  }

  /** The listen addresses with our peer id. */
  public List<Multiaddr> addresses() {
    List<Multiaddr> out = new ArrayList<>();
    host.listenAddresses().forEach(a -> out.add(a.withPeerId(host.peerId())));
    return out;
  }

  public Set<String> topics() {
    return versionByTopic.keySet();
  }

  @Override
  public void close() {
    if (peers != null) {
      peers.close();
    }
    reqResp.close();
    if (gossip != null) {
      gossip.close();
    }
    host.close();
  }
}
