package dev.basalt.cli;

import dev.basalt.adapters.beacon.BeaconOptions;
import dev.basalt.adapters.engine.EngineClientOptions;
import dev.basalt.adapters.engine.JsonRpcClient;
import dev.basalt.adapters.engine.JwtSecret;
import dev.basalt.adapters.engine.JwtSource;
import dev.basalt.adapters.engine.ParamsWriter;
import dev.basalt.adapters.engine.RpcOutcome;
import dev.basalt.adapters.http.RetryPolicy;
import dev.basalt.adapters.l1.L1AdapterOptions;
import dev.basalt.adapters.node.NodeRuntime;
import dev.basalt.adapters.ring.RingPolicy;
import dev.basalt.adapters.safedb.FileSafeHeadStore;
import dev.basalt.cli.flags.SequencerSettings;
import dev.basalt.core.CoreConfig;
import dev.basalt.journal.Journal;
import dev.basalt.journal.JournalOptions;
import dev.basalt.journal.Journals;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A sequencer in this JVM over its real adapters (L1, engine, op-conductor, signer) against HTTP
 * front-ends, with its JSON-RPC server (admin namespace on) on a free loopback port, and a client
 * for that server: what op-conductor and operators talk to.
 */
final class SequencerNodeHarness implements AutoCloseable {
  final NodeRuntime node;
  final NodeServices services;
  private final JsonRpcClient admin;

  private SequencerNodeHarness(NodeRuntime node, NodeServices services) {
    this.node = node;
    this.services = services;
    this.admin = new JsonRpcClient(URI.create("http://127.0.0.1:" + services.rpcListenPort()), null, Duration.ofSeconds(30), 2);
  }

  static SequencerNodeHarness start(Path dir, CoreConfig config, URI l1, URI engineUrl, JwtSecret secret, SequencerSettings sequencer,
      HttpNodeHarness.Halt halt) {
    return start(dir, config, l1, engineUrl, secret, sequencer, java.util.Optional.empty(), halt);
  }

  /** The same node with a P2P stack (started with the node's adapters). */
  static SequencerNodeHarness start(Path dir, CoreConfig config, URI l1, URI engineUrl, JwtSecret secret, SequencerSettings sequencer,
      java.util.Optional<NodeP2p> p2p, HttpNodeHarness.Halt halt) {
    Journal journal = NodeRun.openJournal(dir, config, JournalOptions.defaults());
    EngineClientOptions engine = EngineClientOptions.of(engineUrl, new JwtSource.Given(secret)).withTimeout(Duration.ofSeconds(10));
    JsonRpcClient client = JsonRpcClient.of(engine);
    NodeRun.handshake(client, engineUrl);
    L1AdapterOptions options = new L1AdapterOptions(l1, false, 100, 400, 20, 4, 10_000, RetryPolicy.DEFAULT, BeaconOptions.of(l1));
    FileSafeHeadStore safeHeads = NodeRun.openSafeHeads(dir);
    NodeServices services = NodeServices.onFreePorts();
    services.rpcFlags().enableAdmin = true;
    services.prepare(config.rollup(), safeHeads, JsonRpcClient.of(engine));
    services.p2p(p2p);
    NodeRuntime node = NodeRuntime.start(new NodeRuntime.Options(new RingPolicy(1 << 12, 100, 10_000, false), 100), config, journal,
        Journals.snapshots(dir), new NodeAdapters.Factory(options, client, engineUrl, config.rollup(), safeHeads, services, sequencer, p2p),
        (reason, cause) -> halt.record(reason + (cause == null ? "" : ": " + cause)));
    services.started(node);
    return new SequencerNodeHarness(node, services);
  }

  /** Calls {@code method} on the node's RPC server and waits for the outcome. */
  RpcOutcome call(String method, ParamsWriter params) throws Exception {
    CompletableFuture<RpcOutcome> out = new CompletableFuture<>();
    admin.call(method, params, out::complete);
    return out.get(60, TimeUnit.SECONDS);
  }

  RpcOutcome call(String method, String... jsonParams) throws Exception {
    return call(method, gen -> {
      for (String p : jsonParams) {
        gen.writeRawValue(p);
      }
    });
  }

  @Override
  public void close() {
    admin.close();
    services.close();
    node.close();
  }
}
