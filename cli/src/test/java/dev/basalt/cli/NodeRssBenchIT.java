package dev.basalt.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.basalt.adapters.engine.JwtSecret;
import dev.basalt.adapters.rpc.RollupConfigJson;
import dev.basalt.cli.devnet.EngineHttpServer;
import dev.basalt.core.config.L1ForkActivation;
import dev.basalt.testdata.world.SimWorld;
import dev.basalt.testdata.world.SimWorldConfig;
import dev.basalt.testdata.world.http.L1HttpServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Benchmark, not a check: the node's own peak resident set while catching up on a long chain. The
 * simulated world (L1 JSON-RPC and beacon, engine) runs in this JVM; {@code basalt node} runs as a
 * separate process against it over HTTP with the world's rollup and L1 configs as files, so the
 * child's VmHWM is the node alone. Run with
 * {@code ./mvnw -B -pl cli -am verify -Dit.test=NodeRssBenchIT -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dbasalt.bench.rss=BLOCKS}.
 */
@Tag("slow")
@EnabledIfSystemProperty(named = "basalt.bench.rss", matches = "\\d+")
class NodeRssBenchIT {
  private static final JwtSecret SECRET = JwtSecret.generate();

  @TempDir Path dir;

  @Test
  void peakRssWhileCatchingUp() throws Exception {
    long blocks = Long.getLong("basalt.bench.rss");
    SimWorld world = SimWorld.create(SimWorldConfig.defaults(31).withForks(SimWorldConfig.successive(1_700_000_000L + 600, 600)));
    long t0 = System.nanoTime();
    world.advanceTo(world.config().genesisTime() + blocks * world.config().l2BlockSeconds());
    System.out.printf(Locale.ROOT, "world: %,d L2 blocks generated in %.1f s%n", blocks, (System.nanoTime() - t0) / 1e9);
    long target = world.trueChain().safeHeadAt(world.l1().chain().head().number(), world.l1().chain()).number();
    Path rollup = dir.resolve("rollup.json");
    Files.writeString(rollup, RollupConfigJson.write(world.rollupConfig()));
    Path l1Config = dir.resolve("l1.json");
    Files.writeString(l1Config, l1ConfigJson(world));
    try (L1HttpServer l1 = L1HttpServer.start(world); EngineHttpServer engine = EngineHttpServer.start(world, SECRET, 0)) {
      int rpcPort = freePort();
      String heap = System.getProperty("basalt.bench.rss.heap", "");
      if (!heap.isBlank()) {
        // e.g. -Dbasalt.bench.rss.heap=-Xmx256m: the node's JVM with a capped heap (the default is a quarter of RAM).
        System.setProperty("basalt.child.jvm.args", System.getProperty("basalt.child.jvm.args", "") + " " + heap);
        System.out.println("node JVM heap option: " + heap);
      }
      Path log = dir.resolve("node.log");
      Process node = NodeProcess.start(List.of("node", "--datadir", dir.resolve("data").toString(), "--rollup-cfg", rollup.toString(),
          "--l1-config-file", l1Config.toString(), "--l1-eth-rpc", l1.url(), "--l1-beacon", l1.url(), "--l1-trust-rpc", "false",
          "--l2-engine-rpc", engine.url().toString(), "--l2-engine-jwt-encoded", SECRET.toHex(), "--rpc.addr", "127.0.0.1",
          "--rpc.port", Integer.toString(rpcPort), "--p2p.disable"), Map.of(), log);
      long peakKib = 0;
      long start = System.nanoTime();
      long safe = -1;
      try {
        while (safe < target && node.isAlive() && System.nanoTime() - start < TimeUnit.MINUTES.toNanos(30)) {
          Thread.sleep(1_000);
          peakKib = Math.max(peakKib, hwmKib(node.pid()));
          safe = safeHead(rpcPort);
        }
        long seconds = Math.max(1, (System.nanoTime() - start) / 1_000_000_000L);
        System.out.printf(Locale.ROOT, "node: safe head %,d of %,d in %d s (%,.0f L2 blocks/s over HTTP), peak RSS %,d MiB%n", safe,
            target, seconds, safe / (double) seconds, peakKib / 1024);
        assertTrue(safe >= target, "the node caught up; log: " + log);
      } finally {
        node.destroy();
        node.waitFor(30, TimeUnit.SECONDS);
      }
    }
  }

  private static String l1ConfigJson(SimWorld world) {
    ObjectMapper m = new ObjectMapper();
    ObjectNode config = m.createObjectNode();
    config.put("chainId", world.l1ChainConfig().chainId());
    ObjectNode schedule = config.putObject("blobSchedule");
    for (L1ForkActivation f : world.l1ChainConfig().forks()) {
      String key = f.fork().name().toLowerCase(Locale.ROOT);
      config.put(key + "Time", f.activationTime());
      f.blobParams().ifPresent(p -> {
        ObjectNode e = schedule.putObject(key);
        e.put("target", p.target());
        e.put("max", p.max());
        e.put("baseFeeUpdateFraction", p.updateFraction());
      });
    }
    return config.toString();
  }

  private static long hwmKib(long pid) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
        if (line.startsWith("VmHWM:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
      }
    } catch (Exception e) {
      return 0;
    }
    return 0;
  }

  private static long safeHead(int port) {
    try {
      HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port))
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"optimism_syncStatus\",\"params\":[]}"))
          .build(), HttpResponse.BodyHandlers.ofString());
      return new ObjectMapper().readTree(r.body()).path("result").path("safe_l2").path("number").asLong(-1);
    } catch (Exception e) {
      return -1;
    }
  }

  private static int freePort() throws Exception {
    try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
