package dev.basalt.adapters.p2p;

import dev.basalt.core.p2p.BlockVersion;
import dev.basalt.core.p2p.GossipMessage;
import dev.basalt.core.p2p.GossipReason;
import dev.basalt.adapters.p2p.gossip.GossipNetwork;
import dev.basalt.adapters.p2p.reqresp.ResultCode;
import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * The P2P stack's Prometheus series, read at scrape time: connected peers, the core's gossip
 * verdicts by outcome and reason, mesh size per block topic, gossip bytes in and out, blocks this
 * node published, {@code payload_by_number} requests served by result and connections trimmed.
 */
public final class P2pMetrics {
  public static final String PEERS = "basalt_p2p_peers";
  public static final String GOSSIP_VERDICTS = "basalt_p2p_gossip_verdicts";
  public static final String MESH_PEERS = "basalt_p2p_mesh_peers";
  public static final String GOSSIP_BYTES = "basalt_p2p_gossip_bytes";
  public static final String PUBLISHED_BLOCKS = "basalt_p2p_published_blocks";
  public static final String PAYLOAD_REQUESTS = "basalt_p2p_payload_by_number_requests";
  public static final String TRIMMED = "basalt_p2p_trimmed_connections";

  private P2pMetrics() {}

  public static void register(PrometheusRegistry registry, P2pService p2p, long l2ChainId) {
    GaugeWithCallback.builder().name(PEERS).help("Connected libp2p peers")
        .callback(cb -> cb.call(p2p.host().connections().size())).register(registry);
    CounterWithCallback.builder().name(GOSSIP_VERDICTS).help("Gossiped blocks validated by the core, by outcome and reason")
        .labelNames("outcome", "reason").callback(cb -> {
          for (GossipReason r : GossipReason.values()) {
            cb.call(p2p.metrics().count(r), r.outcome().name().toLowerCase(Locale.ROOT), r.label());
          }
        }).register(registry);
    CounterWithCallback.builder().name(GOSSIP_BYTES).help("Gossip bytes received and sent").labelNames("direction")
        .callback(cb -> {
          GossipNetwork g = p2p.gossip();
          cb.call(g == null ? 0 : g.bytesIn(), "in");
          cb.call(g == null ? 0 : g.bytesOut(), "out");
        }).register(registry);
    CounterWithCallback.builder().name(PUBLISHED_BLOCKS).help("Sequenced blocks this node published on gossip")
        .callback(cb -> cb.call(p2p.metrics().publishedBlocks())).register(registry);
    CounterWithCallback.builder().name(PAYLOAD_REQUESTS).help("payload_by_number requests answered, by result")
        .labelNames("result").callback(cb -> {
          for (ResultCode r : ResultCode.values()) {
            cb.call(p2p.reqResp().served(r), r.name().toLowerCase(Locale.ROOT));
          }
        }).register(registry);
    CounterWithCallback.builder().name(TRIMMED).help("Connections closed by the peer manager above the high tide")
        .callback(cb -> cb.call(p2p.peers() == null ? 0 : p2p.peers().trimmed())).register(registry);
    GaugeWithCallback.builder().name(MESH_PEERS).help("Gossipsub mesh peers per block topic version").labelNames("version")
        .callback(cb -> {
          GossipNetwork g = p2p.gossip();
          for (BlockVersion v : BlockVersion.values()) {
            String topic = GossipMessage.topic(l2ChainId, v);
            int size = 0;
            if (g != null) {
              try {
                size = g.query(r -> r.meshPeers(topic).size()).get(1, TimeUnit.SECONDS);
              } catch (Exception e) {
                // the gossip thread is busy or stopped: report no mesh rather than stall the scrape
              }
            }
            cb.call(size, v.name().toLowerCase(Locale.ROOT));
          }
        }).register(registry);
  }
}
