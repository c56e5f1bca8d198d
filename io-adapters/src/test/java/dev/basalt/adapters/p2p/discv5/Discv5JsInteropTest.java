package dev.basalt.adapters.p2p.discv5;

import static dev.basalt.adapters.p2p.discv5.Discv5ServiceTest.await;
import static dev.basalt.adapters.p2p.discv5.Discv5ServiceTest.config;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.basalt.adapters.p2p.enr.NodeId;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Basalt's discv5 against @chainsafe/discv5 11 (pinned in src/test/js-discv5): each side finds the
 * other, each answers the other's FINDNODE, and Basalt never offers the JS node of another chain.
 * Skipped (assumption) when node/npm are missing or {@code npm ci} cannot run.
 */
@Tag("slow")
class Discv5JsInteropTest {
  private static final Path JS_DIR = Path.of("src/test/js-discv5");
  private static final ObjectMapper JSON = new ObjectMapper();
  private final List<Discv5Service> services = new ArrayList<>();
  private Process js;

  @BeforeAll
  static void nodeAndModules() throws Exception {
    Assumptions.assumeTrue(runs(List.of("node", "--version"), 10), "node is not installed: skipping the JS discv5 interop test");
    if (!Files.isDirectory(JS_DIR.resolve("node_modules/@chainsafe/discv5"))) {
      Assumptions.assumeTrue(runs(List.of("npm", "ci", "--no-audit", "--no-fund"), 300),
          "npm ci in " + JS_DIR + " failed (npm missing or registry unreachable): skipping the JS discv5 interop test");
    }
  }

  private static boolean runs(List<String> cmd, int timeoutSeconds) {
    try {
      Process p = new ProcessBuilder(cmd).directory(JS_DIR.toFile()).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      return p.waitFor(timeoutSeconds, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  @AfterEach
  void stop() throws Exception {
    services.forEach(Discv5Service::close);
    if (js != null) {
      js.getOutputStream().close();
      if (!js.waitFor(3, TimeUnit.SECONDS)) {
        js.destroyForcibly();
      }
    }
  }

  private Discv5Service start(DiscoveryConfig c) throws Exception {
    Discv5Service s = new Discv5Service(c);
    s.start();
    services.add(s);
    return s;
  }

  private static int freeUdpPort() throws IOException {
    try (DatagramSocket s = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  @Test
  void basaltAndJsFindEachOther() throws Exception {
    Discv5Service j1 = start(config(Discv5ServiceTest.CHAIN, List.of()));
    Set<NodeId> j1Found = ConcurrentHashMap.newKeySet();
    j1.onPeer(p -> j1Found.add(p.nodeId()));

    ObjectNode spec = JSON.createObjectNode().put("lookupMs", 300);
    ArrayNode nodes = spec.putArray("nodes");
    nodes.addObject().put("port", freeUdpPort()).put("chain", Discv5ServiceTest.CHAIN).putArray("boot").add(j1.localEnr().toText());
    nodes.addObject().put("port", freeUdpPort()).put("chain", 902).putArray("boot").add(j1.localEnr().toText());
    Map<Integer, String> enrs = new ConcurrentHashMap<>();
    Map<Integer, NodeId> ids = new ConcurrentHashMap<>();
    Map<Integer, Set<String>> tables = new ConcurrentHashMap<>();
    long t0 = System.nanoTime();
    js = new ProcessBuilder("node", "discv5-peer.mjs", JSON.writeValueAsString(spec)).directory(JS_DIR.toFile())
        .redirectError(ProcessBuilder.Redirect.INHERIT).start();
    Thread reader = new Thread(() -> readEvents(enrs, ids, tables), "js-discv5-reader");
    reader.setDaemon(true);
    reader.start();
    assertTrue(await(() -> enrs.size() == 2, Duration.ofSeconds(30)), "JS nodes started");
    NodeId jsOurs = ids.get(0);
    NodeId jsOther = ids.get(1);

    Discv5Service j2 = start(config(Discv5ServiceTest.CHAIN, List.of(enrs.get(0))));
    Set<NodeId> j2Found = ConcurrentHashMap.newKeySet();
    j2.onPeer(p -> j2Found.add(p.nodeId()));
    long t1 = System.nanoTime();

    assertTrue(await(() -> j1Found.contains(jsOurs), Duration.ofSeconds(15)), "Basalt finds the JS node (JS handshake to Basalt)");
    assertTrue(await(() -> j2Found.contains(j1.localEnr().nodeId()), Duration.ofSeconds(15)),
        "Basalt finds Basalt through the JS node's NODES answers");
    System.out.println("FIGURE discv5 Basalt found Basalt via a JS bootnode in " + (System.nanoTime() - t1) / 1_000_000 + " ms");
    String j2Id = j2.localEnr().nodeId().toHex();
    assertTrue(await(() -> tables.getOrDefault(0, Set.of()).contains(j2Id)
        && tables.getOrDefault(0, Set.of()).contains(j1.localEnr().nodeId().toHex()), Duration.ofSeconds(15)),
        "the JS node holds both Basalt nodes in its table");
    assertTrue(await(() -> tables.getOrDefault(1, Set.of()).contains(jsOurs.toHex()), Duration.ofSeconds(15)),
        "the other JS node learnt the first through Basalt's NODES answers");
    System.out.println("FIGURE discv5 JS and Basalt mutual discovery complete in " + (System.nanoTime() - t0) / 1_000_000 + " ms");

    assertTrue(await(() -> j1.table().stream().anyMatch(e -> e.nodeId().equals(jsOther)), Duration.ofSeconds(10)),
        "the chain-902 JS node is in Basalt's table");
    assertFalse(j1Found.contains(jsOther), "but Basalt never offers a peer of another chain");
    assertFalse(j2Found.contains(jsOther));
  }

  private void readEvents(Map<Integer, String> enrs, Map<Integer, NodeId> ids, Map<Integer, Set<String>> tables) {
    try (BufferedReader r = new BufferedReader(new InputStreamReader(js.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line; (line = r.readLine()) != null; ) {
        if (!line.startsWith("{")) {
          continue;
        }
        JsonNode e = JSON.readTree(line);
        int node = e.path("node").asInt();
        switch (e.path("event").asText()) {
          case "enr" -> {
            ids.put(node, NodeId.fromHex(e.path("id").asText()));
            enrs.put(node, e.path("enr").asText());
          }
          case "table" -> {
            Set<String> t = ConcurrentHashMap.newKeySet();
            e.path("ids").forEach(x -> t.add(x.asText()));
            tables.put(node, t);
          }
          default -> { }
        }
      }
    } catch (IOException e) {
      // process ended
    }
  }
}
