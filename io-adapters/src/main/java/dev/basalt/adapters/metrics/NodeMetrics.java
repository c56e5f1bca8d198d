package dev.basalt.adapters.metrics;

import dev.basalt.adapters.http.CallListener;
import dev.basalt.adapters.rpc.RpcObserver;
import dev.basalt.adapters.status.StatusBoard;
import dev.basalt.core.heads.SyncStatus;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.util.function.LongSupplier;

/**
 * The node's Prometheus metrics, all observed from the adapter side: the status board (heads,
 * lag, idle derivation, L1 reorgs), the adapters' call listeners (engine and L1 call latency,
 * failures by kind), the safe-head store (pipeline resets), the journal (size, append latency),
 * the ring (occupancy) and the RPC server (requests, latency, WebSockets). The core is never
 * touched. Names are listed in {@link MetricNames}; the Grafana dashboard uses exactly those.
 */
public final class NodeMetrics {
  private static final double[] CALL_BUCKETS_SECONDS =
      {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30};
  private static final double[] APPEND_BUCKETS_SECONDS =
      {0.000001, 0.0000025, 0.000005, 0.00001, 0.000025, 0.00005, 0.0001, 0.00025, 0.0005, 0.001, 0.005, 0.01};

  private final PrometheusRegistry registry = new PrometheusRegistry();
  private final Counter pipelineResets;
  private final Counter l1Reorgs;
  private final Histogram l1ReorgDepth;
  private final Histogram engineCalls;
  private final Histogram l1Calls;
  private final Counter errors;
  private final Histogram journalAppend;
  private final Counter rpcRequests;
  private final Histogram rpcLatency;
  private final Gauge wsConnections;
  private final Gauge wsSubscriptions;
  private final Counter wsCoalesced;
  private final Counter blocksPublished;
  private final Histogram conductorCalls;
  private final ReorgDetector reorgs = new ReorgDetector();
  private volatile LongSupplier ringOccupancy = () -> 0;
  private volatile LongSupplier journalSize = () -> 0;
  private volatile LongSupplier journalInputs = () -> 0;

  public NodeMetrics(String version) {
    Gauge info = Gauge.builder().name(MetricNames.INFO).help("Basalt build information").labelNames("version")
        .register(registry);
    info.labelValues(version).set(1);
    pipelineResets = Counter.builder().name(MetricNames.PIPELINE_RESETS).help("Derivation pipeline resets (safe-head rewinds the core asked for)")
        .register(registry);
    l1Reorgs = Counter.builder().name(MetricNames.L1_REORGS).help("L1 head changes that replaced blocks the node had seen")
        .register(registry);
    l1ReorgDepth = Histogram.builder().name(MetricNames.L1_REORG_DEPTH).help("Blocks replaced per L1 reorg (from the head labels)")
        .classicOnly().classicUpperBounds(1, 2, 3, 4, 6, 8, 16, 32, 64).register(registry);
    engineCalls = Histogram.builder().name(MetricNames.ENGINE_CALL_SECONDS).help("Engine API call latency by method and outcome")
        .labelNames("method", "outcome").classicOnly().classicUpperBounds(CALL_BUCKETS_SECONDS).register(registry);
    l1Calls = Histogram.builder().name(MetricNames.L1_CALL_SECONDS).help("L1 JSON-RPC call attempt latency by method and outcome")
        .labelNames("method", "outcome").classicOnly().classicUpperBounds(CALL_BUCKETS_SECONDS).register(registry);
    errors = Counter.builder().name(MetricNames.ERRORS).help("Failed outbound calls and RPC error answers, by source and kind")
        .labelNames("source", "kind").register(registry);
    journalAppend = Histogram.builder().name(MetricNames.JOURNAL_APPEND_SECONDS).help("Journal input append latency")
        .classicOnly().classicUpperBounds(APPEND_BUCKETS_SECONDS).register(registry);
    rpcRequests = Counter.builder().name(MetricNames.RPC_REQUESTS).help("JSON-RPC requests answered, by method and outcome")
        .labelNames("method", "outcome").register(registry);
    rpcLatency = Histogram.builder().name(MetricNames.RPC_REQUEST_SECONDS).help("JSON-RPC request latency by method")
        .labelNames("method").classicOnly().classicUpperBounds(CALL_BUCKETS_SECONDS).register(registry);
    wsConnections = Gauge.builder().name(MetricNames.RPC_WS_CONNECTIONS).help("Open WebSocket connections").register(registry);
    wsSubscriptions = Gauge.builder().name(MetricNames.RPC_WS_SUBSCRIPTIONS).help("Active head subscriptions").register(registry);
    wsCoalesced = Counter.builder().name(MetricNames.RPC_WS_COALESCED).help("Head notifications replaced before a slow client took them")
        .register(registry);
    blocksPublished = Counter.builder().name(MetricNames.SEQUENCER_BLOCKS_PUBLISHED)
        .help("Blocks this sequencer signed and handed to the publisher").register(registry);
    conductorCalls = Histogram.builder().name(MetricNames.CONDUCTOR_CALL_SECONDS).help("op-conductor call latency by method and outcome")
        .labelNames("method", "outcome").classicOnly().classicUpperBounds(CALL_BUCKETS_SECONDS).register(registry);
    GaugeWithCallback.builder().name(MetricNames.RING_OCCUPANCY).help("Events waiting in the input ring")
        .callback(cb -> cb.call(ringOccupancy.getAsLong())).register(registry);
    GaugeWithCallback.builder().name(MetricNames.JOURNAL_SIZE_BYTES).help("Bytes the journal uses on disk")
        .callback(cb -> cb.call(journalSize.getAsLong())).register(registry);
    GaugeWithCallback.builder().name(MetricNames.JOURNAL_INPUTS).help("Inputs journaled (next input sequence number)")
        .callback(cb -> cb.call(journalInputs.getAsLong())).register(registry);
  }

  public PrometheusRegistry registry() {
    return registry;
  }

  /** Heads, lag and idle derivation read from {@code board} at scrape time; reorgs from its publishes. */
  public void observe(StatusBoard board) {
    GaugeWithCallback.builder().name(MetricNames.HEAD_NUMBER).help("Block number of each head the node tracks")
        .labelNames("head").callback(cb -> Heads.each(board.current(), (label, number, time) -> cb.call(number, label)))
        .register(registry);
    GaugeWithCallback.builder().name(MetricNames.HEAD_TIMESTAMP_SECONDS).help("Block timestamp of each head")
        .labelNames("head").callback(cb -> Heads.each(board.current(), (label, number, time) -> cb.call(time, label)))
        .register(registry);
    GaugeWithCallback.builder().name(MetricNames.L1_HEAD_LAG_BLOCKS)
        .help("L1 blocks between the L1 head and the derivation origin (current_l1)")
        .callback(cb -> {
          SyncStatus s = board.current();
          cb.call(Math.max(0, s.headL1().number() - s.currentL1().number()));
        }).register(registry);
    GaugeWithCallback.builder().name(MetricNames.DERIVATION_IDLE)
        .help("1 when derivation has reached the L1 head (nothing left to derive), else 0")
        .callback(cb -> {
          SyncStatus s = board.current();
          cb.call(!s.headL1().isZero() && s.currentL1().hash().equals(s.headL1().hash()) ? 1 : 0);
        }).register(registry);
    board.addListener(() -> {
      int depth = reorgs.onHead(board.current().headL1());
      if (depth > 0) {
        l1Reorgs.inc();
        l1ReorgDepth.observe(depth);
      }
    });
  }

  /** Ring and journal gauges, once the node runs. */
  public void observeNode(LongSupplier ringEvents, LongSupplier journalBytes, LongSupplier journalNextInput) {
    this.ringOccupancy = ringEvents;
    this.journalSize = journalBytes;
    this.journalInputs = journalNextInput;
  }

  public void pipelineReset() {
    pipelineResets.inc();
  }

  public void journalAppended(long elapsedNanos) {
    journalAppend.observe(elapsedNanos / 1e9);
  }

  /** The listener for the engine client(s). */
  public CallListener engineCalls() {
    return (method, elapsedNanos, outcome) -> {
      engineCalls.labelValues(method, outcome).observe(elapsedNanos / 1e9);
      if (!CallListener.OK.equals(outcome)) {
        errors.labelValues("engine", outcome).inc();
      }
    };
  }

  /** A sequenced block was signed and handed to the publisher. */
  public void blockPublished() {
    blocksPublished.inc();
  }

  /** The listener for the op-conductor client. */
  public CallListener conductorCalls() {
    return (method, elapsedNanos, outcome) -> {
      conductorCalls.labelValues(method, outcome).observe(elapsedNanos / 1e9);
      if (!CallListener.OK.equals(outcome)) {
        errors.labelValues("conductor", outcome).inc();
      }
    };
  }

  /** The listener for the L1 client. */
  public CallListener l1Calls() {
    return (method, elapsedNanos, outcome) -> {
      l1Calls.labelValues(method, outcome).observe(elapsedNanos / 1e9);
      if (!CallListener.OK.equals(outcome)) {
        errors.labelValues("l1", outcome).inc();
      }
    };
  }

  /** The RPC server's observer. */
  public RpcObserver rpc() {
    return new RpcObserver() {
      @Override
      public void onRequest(String method, String outcome, long elapsedNanos) {
        rpcRequests.labelValues(method, outcome).inc();
        rpcLatency.labelValues(method).observe(elapsedNanos / 1e9);
        if (!"ok".equals(outcome)) {
          errors.labelValues("rpc", outcome).inc();
        }
      }

      @Override
      public void onWebSocket(int connections, int subscriptions) {
        wsConnections.set(connections);
        wsSubscriptions.set(subscriptions);
      }

      @Override
      public void onNotificationCoalesced() {
        wsCoalesced.inc();
      }
    };
  }
}
