package dev.basalt.adapters.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.basalt.adapters.status.StatusBoard;
import dev.basalt.core.heads.SyncStatus;
import dev.basalt.core.types.Hash32;
import dev.basalt.core.types.L1BlockRef;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** What the node exports, the reorg detector, and the dashboard's use of exactly those names. */
class NodeMetricsTest {

  private static L1BlockRef l1(long n, int fork) {
    byte[] h = new byte[32];
    h[0] = (byte) fork;
    h[31] = (byte) n;
    byte[] p = new byte[32];
    p[0] = (byte) fork;
    p[31] = (byte) (n - 1);
    return new L1BlockRef(Hash32.wrap(h), n, Hash32.wrap(p), 1000 + n);
  }

  private static SyncStatus withL1(L1BlockRef head, L1BlockRef current) {
    SyncStatus e = SyncStatus.EMPTY;
    return new SyncStatus(current, head, e.safeL1(), e.finalizedL1(), e.unsafeL2(), e.pendingSafeL2(), e.localSafeL2(),
        e.safeL2(), e.finalizedL2());
  }

  /** Every family, exercised once, as /metrics would show it. */
  static String exercisedText() {
    NodeMetrics m = new NodeMetrics("v-test");
    StatusBoard board = new StatusBoard();
    m.observe(board);
    m.observeNode(() -> 3, () -> 4096, () -> 77);
    board.publish(withL1(l1(10, 0), l1(8, 0)));
    board.publish(withL1(l1(11, 0), l1(9, 0)));
    board.publish(withL1(l1(10, 1), l1(10, 1)));
    m.engineCalls().onCall("engine_newPayloadV4", 2_000_000, "ok");
    m.engineCalls().onCall("engine_forkchoiceUpdatedV3", 1_000_000, "timeout");
    m.l1Calls().onCall("eth_getBlockByNumber", 500_000, "ok");
    m.pipelineReset();
    m.journalAppended(3_000);
    m.rpc().onRequest("optimism_syncStatus", "ok", 100_000);
    m.rpc().onRequest("unknown", "method_not_found", 100_000);
    m.rpc().onWebSocket(2, 3);
    m.rpc().onNotificationCoalesced();
    m.blockPublished();
    m.conductorCalls().onCall("conductor_commitUnsafePayload", 1_000_000, "ok");
    return MetricsServer.text(m.registry());
  }

  @Test
  void everyNamedFamilyIsExportedWithValues() {
    String text = exercisedText();
    for (String name : MetricNames.ALL) {
      assertTrue(text.contains("\n" + name) || text.startsWith(name) || text.contains(name + "_bucket"), "missing " + name);
    }
    assertTrue(text.contains("basalt_head_number{head=\"l1_head\"} 10"), text);
    assertTrue(text.contains("basalt_l1_head_lag_blocks 0"), text);
    assertTrue(text.contains("basalt_derivation_idle 1"), text);
    assertTrue(text.contains("basalt_l1_reorgs_total 1"), text);
    assertTrue(text.contains("basalt_l1_reorg_depth_blocks_count 1"), text);
    assertTrue(text.contains("basalt_ring_occupancy 3"), text);
    assertTrue(text.contains("basalt_journal_size_bytes 4096"), text);
    assertTrue(text.contains("basalt_errors_total{kind=\"timeout\",source=\"engine\"} 1"), text);
    assertTrue(text.contains("basalt_errors_total{kind=\"method_not_found\",source=\"rpc\"} 1"), text);
    assertTrue(text.contains("basalt_engine_call_seconds_count{method=\"engine_newPayloadV4\",outcome=\"ok\"} 1"), text);
    assertTrue(text.contains("basalt_pipeline_resets_total 1"), text);
    assertTrue(text.contains("basalt_sequencer_blocks_published_total 1"), text);
    assertTrue(text.contains("basalt_info{version=\"v-test\"} 1"), text);
  }

  @Test
  void reorgDepthFromHeads() {
    ReorgDetector d = new ReorgDetector();
    assertEquals(0, d.onHead(l1(10, 0)));
    assertEquals(0, d.onHead(l1(11, 0)));
    assertEquals(0, d.onHead(l1(11, 0)));
    assertEquals(1, d.onHead(l1(12, 1)));
    assertEquals(3, d.onHead(l1(10, 2)));
    assertEquals(0, d.onHead(l1(11, 2)));
  }

  @Test
  void theDashboardUsesOnlyExportedMetrics() throws IOException {
    String dashboard = Files.readString(Path.of("..", "docs", "grafana", "basalt.json"));
    Set<String> exported = new TreeSet<>();
    Matcher sample = Pattern.compile("(?m)^(basalt_[a-z0-9_]+)").matcher(exercisedText());
    while (sample.find()) {
      exported.add(sample.group(1));
    }
    Set<String> used = new TreeSet<>();
    Matcher m = Pattern.compile("basalt_[a-z0-9_]+").matcher(dashboard);
    while (m.find()) {
      used.add(m.group());
    }
    assertTrue(used.size() >= 15, "dashboard uses " + used);
    for (String name : used) {
      assertTrue(exported.contains(name), name + " is in the dashboard but not exported; exported: " + exported);
    }
  }

  @Test
  void servedOverHttp() throws Exception {
    NodeMetrics m = new NodeMetrics("v-http");
    try (MetricsServer s = MetricsServer.start(m.registry(), "127.0.0.1", 0)) {
      HttpResponse<String> r = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.port() + "/metrics")).GET().build(),
          HttpResponse.BodyHandlers.ofString());
      assertEquals(200, r.statusCode());
      assertTrue(r.body().contains("basalt_info{version=\"v-http\"} 1"), r.body());
      assertTrue(r.headers().firstValue("content-type").orElse("").startsWith("text/plain"));
    }
  }
}
