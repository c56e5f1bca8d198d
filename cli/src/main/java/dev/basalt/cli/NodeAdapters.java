package dev.basalt.cli;

import dev.basalt.adapters.engine.EngineAdapter;
import dev.basalt.adapters.engine.JsonRpcClient;
import dev.basalt.adapters.l1.L1Adapter;
import dev.basalt.adapters.l1.L1AdapterOptions;
import dev.basalt.adapters.conductor.ConductorAdapter;
import dev.basalt.adapters.node.AdminStatePort;
import dev.basalt.adapters.node.CommandHandlers;
import dev.basalt.adapters.node.ConductorPort;
import dev.basalt.adapters.node.CountingPublishPort;
import dev.basalt.adapters.node.PublishPort;
import dev.basalt.adapters.node.SequencerPorts;
import dev.basalt.adapters.p2p.GossipPayloadPublisher;
import dev.basalt.adapters.sequencer.AdminStateFile;
import dev.basalt.adapters.sequencer.LoggingPayloadPublisher;
import dev.basalt.adapters.sequencer.SigningPublishPort;
import dev.basalt.cli.flags.SequencerSettings;
import dev.basalt.adapters.node.WorldAdapters;
import dev.basalt.adapters.ring.EventSink;
import dev.basalt.adapters.safedb.FileSafeHeadStore;
import dev.basalt.core.config.RollupConfig;
import java.io.IOException;
import java.net.URI;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's real adapters: L1 JSON-RPC and beacon API ({@link L1Adapter}), the Engine API
 * ({@link EngineAdapter}, over the client the startup handshake already used), the file safe-head
 * database, the RPC server's bridge to the core (the RPC port), and a sequencer's signer and
 * publisher (gossip when P2P runs), op-conductor client and admin-state file, and the P2P stack. It only carries commands and events: what
 * the core asks and when is the core's business.
 */
final class NodeAdapters implements WorldAdapters {
  private static final Logger LOG = LoggerFactory.getLogger(NodeAdapters.class);

  private final L1Adapter l1;
  private final EngineAdapter engine;
  private final FileSafeHeadStore safeHeads;
  private final NodeServices services;
  private final ConductorAdapter conductor;
  private final SequencerPorts sequencer;
  private final NodeP2p p2p;
  private final EventSink sink;

  private final SigningPublishPort signing;

  private NodeAdapters(L1Adapter l1, EngineAdapter engine, FileSafeHeadStore safeHeads, NodeServices services,
      SequencerSettings settings, EventSink sink, NodeP2p p2p, RollupConfig rollup) {
    this.p2p = p2p;
    this.sink = sink;
    this.l1 = l1;
    this.engine = engine;
    this.safeHeads = safeHeads;
    this.services = services;
    this.conductor = settings.conductor().map(o -> new ConductorAdapter(o, sink, services.conductorListener())).orElse(null);
    this.signing = settings.signer().map(signer -> new SigningPublishPort(signer,
        p2p == null ? new LoggingPayloadPublisher() : new GossipPayloadPublisher(p2p.service()), services::blockPublished, rollup))
        .orElse(null);
    PublishPort publish = signing == null ? new CountingPublishPort() : signing;
    AdminStatePort adminState = settings.adminState().<AdminStatePort>map(AdminStateFile::new).orElse(AdminStatePort.NONE);
    this.sequencer = new SequencerPorts(publish, conductor == null ? ConductorPort.NONE : conductor, adminState);
  }

  /**
   * Creates the adapters once the node's event sink exists. Owns {@code engineClient} and {@code
   * safeHeads} from then on (closing the adapters closes them).
   */
  record Factory(L1AdapterOptions l1, JsonRpcClient engineClient, URI engineUrl, RollupConfig rollup,
      FileSafeHeadStore safeHeads, NodeServices services, SequencerSettings sequencer, java.util.Optional<NodeP2p> p2p)
      implements Function<EventSink, WorldAdapters> {
    /** Adapters without P2P. */
    Factory(L1AdapterOptions l1, JsonRpcClient engineClient, URI engineUrl, RollupConfig rollup, FileSafeHeadStore safeHeads,
        NodeServices services, SequencerSettings sequencer) {
      this(l1, engineClient, engineUrl, rollup, safeHeads, services, sequencer, java.util.Optional.empty());
    }

    /** A validator's adapters. */
    Factory(L1AdapterOptions l1, JsonRpcClient engineClient, URI engineUrl, RollupConfig rollup, FileSafeHeadStore safeHeads,
        NodeServices services) {
      this(l1, engineClient, engineUrl, rollup, safeHeads, services, SequencerSettings.NONE);
    }

    @Override
    public WorldAdapters apply(EventSink sink) {
      return new NodeAdapters(new L1Adapter(l1, rollup, sink, services.l1Listener()),
          new EngineAdapter(engineClient, engineUrl, rollup, sink), safeHeads, services, sequencer, sink, p2p.orElse(null), rollup);
    }
  }

  @Override
  public CommandHandlers handlers() {
    CommandHandlers h = new CommandHandlers(l1, engine, services.rpcPort(), services.safeHeads(safeHeads), sequencer);
    return p2p == null ? h : h.withGossip(p2p.service().gossipPort());
  }

  @Override
  public void start() {
    l1.start();
    if (p2p != null) {
      p2p.start(sink);
      // After P2P start published the operator's fallback signer, so the L1 value, when it comes, wins (kona's order).
      l1.startRuntimeConfig(p2p.fallbackSigner());
    }
  }

  @Override
  public void close() {
    if (signing != null) {
      signing.close();
    }
    if (p2p != null) {
      p2p.close();
    }
    l1.close();
    engine.close();
    if (conductor != null) {
      conductor.close();
    }
    try {
      safeHeads.close();
    } catch (IOException e) {
      LOG.warn("safe-head database did not close cleanly: {}", e.toString());
    }
  }
}
