package dev.basalt.cli;

import dev.basalt.adapters.engine.EngineReader;
import dev.basalt.adapters.engine.JsonRpcClient;
import dev.basalt.adapters.http.CallListener;
import dev.basalt.adapters.metrics.MeteredSafeHeadStore;
import dev.basalt.adapters.metrics.MetricsServer;
import dev.basalt.adapters.metrics.NodeMetrics;
import dev.basalt.adapters.metrics.TimedJournal;
import dev.basalt.adapters.node.NodeRuntime;
import dev.basalt.adapters.node.SafeHeadStore;
import dev.basalt.adapters.rpc.CoreBridge;
import dev.basalt.adapters.rpc.L2Reader;
import dev.basalt.adapters.rpc.RpcBackends;
import dev.basalt.adapters.rpc.RpcObserver;
import dev.basalt.adapters.rpc.RpcServer;
import dev.basalt.adapters.safedb.FileSafeHeadStore;
import dev.basalt.core.config.RollupConfig;
import dev.basalt.journal.Journal;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's RPC server and metrics exporter, as {@link RpcFlags} and {@link MetricsFlags} ask:
 * the pieces the adapters need before the runtime exists (the core bridge as RPC port, call
 * listeners, the metered safe-head store, the timed journal), then the servers once it runs.
 */
final class NodeServices implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(NodeServices.class);

  private final RpcFlags rpcFlags;
  private final MetricsFlags metricsFlags;
  private final CoreBridge bridge = new CoreBridge();
  private final Optional<NodeMetrics> metrics;
  private RpcServer rpc;
  private MetricsServer metricsServer;
  private EngineReader reader;
  private RollupConfig rollup;
  private FileSafeHeadStore safeHeadDb;
  private JsonRpcClient readerClient;
  private Optional<NodeP2p> p2p = Optional.empty();

  NodeServices(RpcFlags rpcFlags, MetricsFlags metricsFlags) {
    this.rpcFlags = rpcFlags;
    this.metricsFlags = metricsFlags;
    this.metrics = metricsFlags.enabled ? Optional.of(new NodeMetrics(Version.current())) : Optional.empty();
  }

  /** RPC on loopback port 0 (a free one) with WebSocket, metrics on loopback port 0: for tests. */
  static NodeServices onFreePorts() {
    RpcFlags rpc = new RpcFlags();
    rpc.addr = "127.0.0.1";
    rpc.port = 0;
    rpc.wsEnabled = true;
    MetricsFlags metrics = new MetricsFlags();
    metrics.enabled = true;
    metrics.addr = "127.0.0.1";
    metrics.port = 0;
    return new NodeServices(rpc, metrics);
  }

  /** No RPC server and no metrics: for tests that drive the node only through its world. */
  static NodeServices none() {
    RpcFlags rpc = new RpcFlags();
    rpc.disabled = true;
    return new NodeServices(rpc, new MetricsFlags());
  }

  /** The RPC flags (tests switch the admin namespace on). */
  RpcFlags rpcFlags() {
    return rpcFlags;
  }

  /** The RPC server's port once started. */
  int rpcListenPort() {
    return rpc.port();
  }

  CoreBridge rpcPort() {
    return bridge;
  }

  CallListener engineListener() {
    return metrics.map(NodeMetrics::engineCalls).orElse(CallListener.NONE);
  }

  CallListener conductorListener() {
    return metrics.map(NodeMetrics::conductorCalls).orElse(CallListener.NONE);
  }

  /** A sequenced block was signed and handed to the publisher. */
  void blockPublished() {
    metrics.ifPresent(NodeMetrics::blockPublished);
  }

  CallListener l1Listener() {
    return metrics.map(NodeMetrics::l1Calls).orElse(CallListener.NONE);
  }

  SafeHeadStore safeHeads(FileSafeHeadStore store) {
    return metrics.<SafeHeadStore>map(m -> new MeteredSafeHeadStore(store, m)).orElse(store);
  }

  Journal journal(Journal journal) {
    return metrics.<Journal>map(m -> new TimedJournal(journal, m)).orElse(journal);
  }

  /**
   * What the servers read: the chain's config, the safe-head database and a second engine client
   * (owned from here on), so RPC reads never queue in front of the core's engine calls.
   */
  void prepare(RollupConfig rollupConfig, FileSafeHeadStore store, JsonRpcClient engineReaderClient) {
    this.rollup = rollupConfig;
    this.safeHeadDb = store;
    this.readerClient = engineReaderClient;
  }

  /** The P2P stack, for the {@code opp2p_*} methods and the P2P metrics (before {@link #started}). */
  void p2p(Optional<NodeP2p> stack) {
    this.p2p = stack;
  }

  /** Whether the P2P stack has a connection to {@code peerId} (tests). */
  boolean p2pConnected(String peerId) {
    return p2p.map(p -> p.service().host().connections().stream().anyMatch(c -> c.remotePeer().toString().equals(peerId))).orElse(false);
  }

  void started(NodeRuntime node) {
    bridge.attach(node.sink());
    FileSafeHeadStore safeHeads = safeHeadDb;
    reader = new EngineReader(readerClient);
    EngineReader blocks = reader;
    p2p.ifPresent(p -> p.service().setPayloadSource(blocks::payloadByNumber)); // payload_by_number answers
    RpcObserver observer = metrics.map(NodeMetrics::rpc).orElse(RpcObserver.NONE);
    metrics.ifPresent(m -> {
      m.observe(node.status());
      m.observeNode(node::ringOccupancy, () -> node.journal().sizeBytes(), () -> node.journal().nextInputSeq());
      p2p.ifPresent(p -> dev.basalt.adapters.p2p.P2pMetrics.register(m.registry(), p.service(), rollup.l2ChainId()));
      metricsServer = start(() -> MetricsServer.start(m.registry(), metricsFlags.addr, metricsFlags.port));
      LOG.info("metrics at http://{}:{}/metrics", metricsFlags.addr, metricsServer.port());
    });
    if (rpcFlags.disabled) {
      LOG.info("JSON-RPC server disabled (--rpc.disabled)");
      return;
    }
    RpcBackends backends = new RpcBackends(node.status(), rollup, Version.current(),
        Optional.of(safeHeads::safeHeadAtL1Block), L2Reader.of(reader), bridge, new LogbackLevels());
    rpc = start(() -> RpcServer.start(rpcFlags.options(), backends, observer));
    p2p.ifPresent(p -> new dev.basalt.adapters.p2p.P2pMethods(p.service(), p.discovery(), rollup.l2ChainId()).registerInto(rpc.methods()));
    LOG.info("JSON-RPC on http://{}:{} (WebSocket {}, admin {})", rpcFlags.addr, rpc.port(),
        rpcFlags.wsEnabled ? "on" : "off", rpcFlags.enableAdmin ? "on" : "off");
  }

  private static <T> T start(java.util.function.Supplier<T> server) {
    try {
      return server.get();
    } catch (IllegalStateException e) {
      throw StartupException.failed(e.getMessage());
    }
  }

  /** Starts the servers for a running node. */
  @Override
  public void close() {
    if (reader == null && readerClient != null) {
      readerClient.close();
    }
    NodeRun.closeQuietly(rpc);
    NodeRun.closeQuietly(metricsServer);
    NodeRun.closeQuietly(reader);
  }
}
