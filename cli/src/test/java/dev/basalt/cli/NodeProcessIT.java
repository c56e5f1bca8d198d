package dev.basalt.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.basalt.adapters.engine.JwtSecret;
import dev.basalt.cli.devnet.EngineHttpServer;
import dev.basalt.core.event.L1HeadObserved;
import dev.basalt.core.event.NodeStarted;
import dev.basalt.journal.InputRecord;
import dev.basalt.testdata.world.SimWorld;
import dev.basalt.testdata.world.SimWorldConfig;
import dev.basalt.testdata.world.http.L1HttpServer;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code basalt node} for a real chain as a process, configured through kona's environment
 * variables: an unreachable engine and a wrong JWT secret each stop it with exit 1 and the
 * handshake's one line before the data directory is touched; with the right secret it opens its
 * journal, says where, and journals what its real adapters fetch over HTTP (here from a simulated
 * L1 and engine standing in for geth and op-geth; the chain is OP Mainnet's config, so only the
 * wiring is checked, not derivation).
 */
@Tag("slow")
class NodeProcessIT {
  private static final JwtSecret SECRET = JwtSecret.generate();
  private static SimWorld world;
  private static L1HttpServer l1;
  private static EngineHttpServer engine;

  @TempDir Path dir;

  @BeforeAll
  static void services() throws Exception {
    world = SimWorld.create(SimWorldConfig.defaults(5));
    world.advanceL1Blocks(5);
    l1 = L1HttpServer.start(world);
    engine = EngineHttpServer.start(world, SECRET, 0);
  }

  @AfterAll
  static void stop() {
    engine.close();
    l1.close();
  }

  private Map<String, String> env(String engineUrl, String secretHex) {
    return Map.of("KONA_NODE_L2_CHAIN_ID", "10", "KONA_NODE_L1_ETH_RPC", l1.url(), "KONA_NODE_L1_BEACON", l1.url(),
        "KONA_NODE_L2_ENGINE_RPC", engineUrl, "KONA_NODE_L2_ENGINE_AUTH_ENCODED", secretHex, "KONA_NODE_L1_TRUST_RPC", "false",
        // hermetic: no listening on 9222/9223, no public bootnodes
        "OP_NODE_P2P_DISABLE", "true");
  }

  private static int freePort() throws Exception {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  private String runToExit(Map<String, String> env, Path data) throws Exception {
    Path log = dir.resolve("exit.log");
    Process p = NodeProcess.start(List.of("node", "--datadir", data.toString()), env, log);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the node gave up by itself");
    String out = Files.readString(log);
    assertEquals(1, p.exitValue(), out);
    return out;
  }

  @Test
  void anUnreachableEngineOrAWrongSecretStopsTheStartWithOneLine() throws Exception {
    Path data = dir.resolve("data");
    String unreachable = runToExit(env("http://127.0.0.1:" + freePort(), SECRET.toHex()), data);
    assertTrue(unreachable.lines().anyMatch(l -> l.startsWith("basalt node: engine at http://127.0.0.1:") && l.contains("is unreachable")),
        unreachable);
    String refused = runToExit(env(engine.url().toString(), JwtSecret.generate().toHex()), data);
    assertTrue(refused.lines().anyMatch(l -> l.startsWith("basalt node: engine at " + engine.url() + " rejected the JWT")), refused);
    assertFalse(Files.exists(data.resolve("journal.meta")), "no journal for a node that did not start");
  }

  @Test
  void withTheRightSecretItJournalsWhatItsAdaptersFetchOverHttp() throws Exception {
    Path data = dir.resolve("chain10");
    Path log = dir.resolve("run.log");
    long callsBefore = engine.calls();
    Process p = NodeProcess.start(List.of("node", "--datadir", data.toString()), env(engine.url().toString(), SECRET.toHex()), log);
    NodeProcess.waitForLines(log, l -> l.contains(" status "), 1, 60);
    p.destroy();
    assertTrue(p.waitFor(30, TimeUnit.SECONDS));
    String out = Files.readString(log);
    assertTrue(out.contains("journal in " + data.toAbsolutePath()), out);
    assertTrue(out.contains("engine at " + engine.url() + " is ready"), out);
    List<InputRecord> inputs = NodeProcess.inputs(data);
    NodeStarted started = assertInstanceOf(NodeStarted.class, inputs.get(0).event());
    assertEquals(10, started.config().l2ChainId(), "chain from KONA_NODE_L2_CHAIN_ID");
    assertTrue(inputs.stream().anyMatch(r -> r.event() instanceof L1HeadObserved h && h.head().equals(world.l1().chain().head().ref())),
        "the L1 head came over HTTP from KONA_NODE_L1_ETH_RPC");
    assertTrue(engine.calls() > callsBefore + 1, "the node called the engine beyond the handshake");
    assertTrue(Files.exists(data.resolve(NodeRun.SAFE_HEADS_FILE)), "safe-head database beside the journal");
  }

  @Test
  void konasVariablesAndFlagsMixFlagsWinOverridesReachTheJournalAndLogsGoToAJsonFile() throws Exception {
    Path data = dir.resolve("mixed");
    Path logs = dir.resolve("logs");
    Path log = dir.resolve("mixed.log");
    Map<String, String> env = new java.util.HashMap<>(env(engine.url().toString(), SECRET.toHex()));
    env.put("KONA_NODE_L2_CHAIN_ID", "no-such-chain"); // the flag below wins
    env.put("KONA_LOG_FILE_DIRECTORY", logs.toString());
    env.put("KONA_LOG_FILE_FORMAT", "json");
    Process p = NodeProcess.start(List.of("node", "--chain", "op-mainnet", "--datadir", data.toString(), "--karst-override",
        "2000000000", "--safedb.path", dir.resolve("safe.db").toString()), env, log);
    NodeProcess.waitForLines(log, l -> l.contains(" status "), 1, 60);
    p.destroy();
    assertTrue(p.waitFor(30, TimeUnit.SECONDS));
    NodeStarted started = assertInstanceOf(NodeStarted.class, NodeProcess.inputs(data).get(0).event());
    assertEquals(10, started.config().l2ChainId(), "--chain beats KONA_NODE_L2_CHAIN_ID");
    assertEquals(java.util.OptionalLong.of(2_000_000_000L), started.config().rollup().forks().activation(dev.basalt.core.config.Fork.KARST),
        "--karst-override applied to the journaled config");
    assertTrue(Files.exists(dir.resolve("safe.db")), "--safedb.path");
    assertFalse(Files.exists(data.resolve(NodeRun.SAFE_HEADS_FILE)));
    List<String> json = Files.readAllLines(logs.resolve("basalt.log"));
    var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
    assertTrue(json.stream().anyMatch(l -> l.contains("journal in")), json.toString());
    for (String l : json) {
      String level = mapper.readTree(l).get("level").asText(); // every line is one JSON object
      assertTrue(java.util.Set.of("info", "warn", "error").contains(level), "default level is info: " + l);
    }
  }

  @Test
  void aNotYetWiredVariableStopsTheStartNamingIt() throws Exception {
    Path log = dir.resolve("refused.log");
    Map<String, String> env = new java.util.HashMap<>(env(engine.url().toString(), SECRET.toHex()));
    env.put("KONA_NODE_L2_FOLLOW_SOURCE", "http://other-node:9545");
    Process p = NodeProcess.start(List.of("node", "--datadir", dir.resolve("never").toString()), env, log);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    assertEquals(2, p.exitValue());
    assertEquals(List.of("basalt node: KONA_NODE_L2_FOLLOW_SOURCE (--l2-follow-source) is not supported yet: following another"
        + " node's sync status is not implemented"),
        Files.readAllLines(log));
    assertFalse(Files.exists(dir.resolve("never")));
  }
}
