package dev.basalt.cli;

import dev.basalt.adapters.engine.EngineAdapter;
import dev.basalt.adapters.engine.JsonRpcClient;
import dev.basalt.adapters.l1.L1Adapter;
import dev.basalt.adapters.l1.L1AdapterOptions;
import dev.basalt.adapters.node.CommandHandlers;
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
 * database and the RPC server's bridge to the core (the RPC port). It only carries commands and events: what the core asks and
 * when is the core's business.
 */
final class NodeAdapters implements WorldAdapters {
  private static final Logger LOG = LoggerFactory.getLogger(NodeAdapters.class);

  private final L1Adapter l1;
  private final EngineAdapter engine;
  private final FileSafeHeadStore safeHeads;
  private final NodeServices services;

  private NodeAdapters(L1Adapter l1, EngineAdapter engine, FileSafeHeadStore safeHeads, NodeServices services) {
    this.l1 = l1;
    this.engine = engine;
    this.safeHeads = safeHeads;
    this.services = services;
  }

  /**
   * Creates the adapters once the node's event sink exists. Owns {@code engineClient} and {@code
   * safeHeads} from then on (closing the adapters closes them).
   */
  record Factory(L1AdapterOptions l1, JsonRpcClient engineClient, URI engineUrl, RollupConfig rollup,
      FileSafeHeadStore safeHeads, NodeServices services) implements Function<EventSink, WorldAdapters> {
    @Override
    public WorldAdapters apply(EventSink sink) {
      return new NodeAdapters(new L1Adapter(l1, rollup, sink, services.l1Listener()),
          new EngineAdapter(engineClient, engineUrl, rollup, sink), safeHeads, services);
    }
  }

  @Override
  public CommandHandlers handlers() {
    return new CommandHandlers(l1, engine, services.rpcPort(), services.safeHeads(safeHeads));
  }

  @Override
  public void start() {
    l1.start();
  }

  @Override
  public void close() {
    l1.close();
    engine.close();
    try {
      safeHeads.close();
    } catch (IOException e) {
      LOG.warn("safe-head database did not close cleanly: {}", e.toString());
    }
  }
}
