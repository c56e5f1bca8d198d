package dev.basalt.adapters.rpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** JSON-RPC 2.0 framing and hostile input: every case gets an answer and the server keeps serving. */
class JsonRpcFramingTest {
  private static RpcHarness h;

  @BeforeAll
  static void start() {
    h = new RpcHarness(false);
  }

  @AfterAll
  static void stop() {
    h.close();
  }

  private static JsonNode post(String body) {
    HttpResponse<String> r = h.post(body);
    assertEquals(200, r.statusCode());
    return RpcHarness.tree(r.body());
  }

  private static void stillServes() {
    assertEquals("v1.2.3-test", h.call("optimism_version", "[]").get("result").asText());
  }

  @Test
  void invalidJsonIsAParseErrorWithNullId() {
    JsonNode r = post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":");
    assertEquals(-32700, r.get("error").get("code").asInt());
    assertTrue(r.get("id").isNull());
    assertEquals(-32700, post("garbage \u0000\u00ff").get("error").get("code").asInt());
    assertEquals(-32700, post("{} {}").get("error").get("code").asInt());
    assertEquals(-32700, post("").get("error").get("code").asInt());
    stillServes();
  }

  @Test
  void invalidRequestsAre32600() {
    assertEquals(-32600, post("{\"jsonrpc\":\"1.0\",\"id\":1,\"method\":\"optimism_version\"}").get("error").get("code").asInt());
    assertEquals(-32600, post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":5}").get("error").get("code").asInt());
    assertEquals(-32600, post("{\"jsonrpc\":\"2.0\",\"id\":{},\"method\":\"optimism_version\"}").get("error").get("code").asInt());
    assertEquals(-32600, post("42").get("error").get("code").asInt());
    JsonNode empty = post("[]");
    assertEquals(-32600, empty.get("error").get("code").asInt());
  }

  @Test
  void unknownMethodIs32601AndBadParams32602() {
    JsonNode r = h.call("optimism_nope", "[]");
    assertEquals(-32601, r.get("error").get("code").asInt());
    assertEquals("the method optimism_nope does not exist/is not available", r.get("error").get("message").asText());
    assertEquals(-32602, post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"optimism_version\",\"params\":{\"a\":1}}").get("error").get("code").asInt());
  }

  @Test
  void idsAreEchoedExactly() {
    assertEquals("abc", post("{\"jsonrpc\":\"2.0\",\"id\":\"abc\",\"method\":\"optimism_version\"}").get("id").asText());
    assertTrue((h.post("{\"jsonrpc\":\"2.0\",\"id\":123456789012345678901234567890,\"method\":\"optimism_version\"}").body()).contains("\"id\":123456789012345678901234567890"), () -> "missing " + "\"id\":123456789012345678901234567890" + " in " + h.post("{\"jsonrpc\":\"2.0\",\"id\":123456789012345678901234567890,\"method\":\"optimism_version\"}").body());
    assertEquals("v1.2.3-test", post("{\"jsonrpc\":\"2.0\",\"id\":null,\"method\":\"optimism_version\"}").get("result").asText());
  }

  @Test
  void notificationsGetNoResponse() {
    HttpResponse<String> r = h.post("{\"jsonrpc\":\"2.0\",\"method\":\"optimism_version\"}");
    assertEquals(200, r.statusCode());
    assertTrue((r.body()).isEmpty());
    HttpResponse<String> allNotifications = h.post("[{\"jsonrpc\":\"2.0\",\"method\":\"optimism_version\"},"
        + "{\"jsonrpc\":\"2.0\",\"method\":\"optimism_nope\"}]");
    assertTrue((allNotifications.body()).isEmpty());
  }

  @Test
  void batchesKeepOrderSkipNotificationsAndMixErrors() {
    JsonNode r = post("[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"optimism_version\"},"
        + "{\"jsonrpc\":\"2.0\",\"method\":\"optimism_version\"},"
        + "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"optimism_nope\"},"
        + "5,"
        + "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"optimism_syncStatus\"}]");
    assertTrue(r.isArray());
    assertEquals(4, (r).size());
    assertEquals(1, r.get(0).get("id").asInt());
    assertEquals("v1.2.3-test", r.get(0).get("result").asText());
    assertEquals(-32601, r.get(1).get("error").get("code").asInt());
    assertEquals(-32600, r.get(2).get("error").get("code").asInt());
    assertTrue(r.get(2).get("id").isNull());
    assertEquals(1010, r.get(3).get("result").get("unsafe_l2").get("number").asLong());
  }

  @Test
  void aThousandElementBatchIsServedAndOneMoreIsRefused() {
    JsonNode ok = post(batch(1000));
    assertEquals(1000, (ok).size());
    assertEquals(999, ok.get(999).get("id").asInt());
    assertEquals(120, ok.get(999).get("result").get("head_l1").get("number").asLong());
    JsonNode tooMany = post(batch(1001));
    assertEquals(1, (tooMany).size());
    assertEquals(-32600, tooMany.get(0).get("error").get("code").asInt());
    assertEquals("batch too large", tooMany.get(0).get("error").get("message").asText());
    stillServes();
  }

  private static String batch(int n) {
    StringBuilder b = new StringBuilder("[");
    for (int i = 0; i < n; i++) {
      b.append(i == 0 ? "" : ",").append("{\"jsonrpc\":\"2.0\",\"id\":").append(i).append(",\"method\":\"optimism_syncStatus\"}");
    }
    return b.append(']').toString();
  }

  @Test
  void tenThousandDeepNestingIsAParseError() {
    String deepArray = "[".repeat(10_000) + "]".repeat(10_000);
    assertEquals(-32700, post(deepArray).get("error").get("code").asInt());
    String deepParams = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"optimism_version\",\"params\":"
        + "{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000) + "}";
    assertEquals(-32700, post(deepParams).get("error").get("code").asInt());
    String unclosed = "[".repeat(10_000);
    assertEquals(-32700, post(unclosed).get("error").get("code").asInt());
    stillServes();
  }

  @Test
  void tenMegabyteBodyIs413WithContentLength() throws IOException {
    String response = rawPost(10 * 1024 * 1024, true);
    assertTrue(String.valueOf(response).startsWith("HTTP/1.1 413"), () -> String.valueOf(response));
    assertTrue((response).contains("-32600"), () -> "missing " + "-32600" + " in " + response);
    assertTrue((response).contains("too large"), () -> "missing " + "too large" + " in " + response);
    stillServes();
  }

  @Test
  void tenMegabyteChunkedBodyIs413() throws IOException {
    String response = rawPost(10 * 1024 * 1024, false);
    assertTrue(String.valueOf(response).startsWith("HTTP/1.1 413"), () -> String.valueOf(response));
    stillServes();
  }

  @Test
  void aBodyJustUnderTheLimitIsParsed() {
    // 5 MiB of whitespace-padded valid JSON: under the cap, so it is served.
    String body = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"optimism_version\"}";
    String padded = body + " ".repeat(5 * 1024 * 1024 - body.length() - 10);
    assertEquals("v1.2.3-test", post(padded).get("result").asText());
  }

  @Test
  void wrongHttpMethodAndContentTypeAreRefusedAsGethDoes() {
    HttpResponse<String> get = h.send(HttpRequest.newBuilder(h.url()).GET().build());
    assertEquals(405, get.statusCode());
    HttpResponse<String> text = h.send(HttpRequest.newBuilder(h.url()).header("content-type", "text/plain")
        .POST(HttpRequest.BodyPublishers.ofString("{}")).timeout(Duration.ofSeconds(5)).build());
    assertEquals(415, text.statusCode());
  }

  /** Sends a POST of {@code size} bytes over a raw socket (the server may close mid-body) and reads the answer. */
  private static String rawPost(int size, boolean contentLength) throws IOException {
    try (Socket s = new Socket("127.0.0.1", h.server.port())) {
      s.setSoTimeout(20_000);
      OutputStream out = s.getOutputStream();
      String head = "POST / HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
          + (contentLength ? "Content-Length: " + size + "\r\n" : "Transfer-Encoding: chunked\r\n") + "\r\n";
      out.write(head.getBytes(StandardCharsets.US_ASCII));
      byte[] chunk = new byte[64 * 1024];
      java.util.Arrays.fill(chunk, (byte) '[');
      try {
        for (int sent = 0; sent < size; sent += chunk.length) {
          if (!contentLength) {
            out.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
          }
          out.write(chunk);
          if (!contentLength) {
            out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
          }
        }
        out.flush();
      } catch (IOException closedByServer) {
        // Expected: the server answers and closes without reading the rest.
      }
      InputStream in = s.getInputStream();
      ByteArrayOutputStream got = new ByteArrayOutputStream();
      byte[] buf = new byte[8192];
      try {
        for (int n; (n = in.read(buf)) > 0; ) {
          got.write(buf, 0, n);
        }
      } catch (IOException reset) {
        // A reset after the answer still leaves what was read.
      }
      return got.toString(StandardCharsets.UTF_8);
    }
  }
}
