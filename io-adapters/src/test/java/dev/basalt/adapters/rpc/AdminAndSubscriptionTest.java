package dev.basalt.adapters.rpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.basalt.adapters.engine.PayloadEnvelopeJson;
import dev.basalt.core.block.PayloadHeader;
import dev.basalt.core.engine.ExecutionPayload;
import dev.basalt.core.engine.ExecutionPayloadEnvelope;
import dev.basalt.core.event.AdminRequestReceived;
import dev.basalt.core.heads.SyncStatus;
import dev.basalt.core.rpc.AdminRequest;
import dev.basalt.core.rpc.RpcOutcome;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** admin_* only with enable-admin and always through the core; head subscriptions over WebSocket. */
class AdminAndSubscriptionTest {

  @Test
  void adminMethodsDoNotExistWithoutEnableAdmin() {
    try (RpcHarness h = new RpcHarness(false)) {
      for (String m : new String[] {"admin_resetDerivationPipeline", "admin_postUnsafePayload", "admin_setLogLevel"}) {
        JsonNode e = h.call(m, "[]").get("error");
        assertEquals(-32601, e.get("code").asInt());
        assertEquals("the method " + m + " does not exist/is not available", e.get("message").asText());
      }
      assertTrue(h.coreInputs.isEmpty());
      assertTrue(h.logLevels.isEmpty());
    }
  }

  @Test
  void resetGoesThroughTheCoreAndItsAnswerIsReturned() {
    try (RpcHarness h = new RpcHarness(true)) {
      JsonNode ok = h.call("admin_resetDerivationPipeline", "[]");
      assertTrue(ok.get("result").isNull(), ok::toString);
      assertEquals(1, h.coreInputs.size());
      assertEquals(new AdminRequest.ResetDerivationPipeline(), ((AdminRequestReceived) h.coreInputs.get(0)).request());
      h.core = r -> new RpcOutcome.Failure(-32000, "the core says no");
      JsonNode refused = h.call("admin_resetDerivationPipeline", "[]").get("error");
      assertEquals(-32000, refused.get("code").asInt());
      assertEquals("the core says no", refused.get("message").asText());
    }
  }

  @Test
  void postUnsafePayloadChecksTheBlockHashBeforeTheCore() {
    try (RpcHarness h = new RpcHarness(true)) {
      ExecutionPayloadEnvelope fake = h.genesisBlock(Optional.empty());
      ExecutionPayload p = fake.payload();
      ExecutionPayloadEnvelope good = withHash(p, PayloadHeader.hash(h.rollup, fake));
      assertTrue(!PayloadHeader.hashMatches(h.rollup, fake) && PayloadHeader.hashMatches(h.rollup, good));

      JsonNode bad = h.call("admin_postUnsafePayload", "[" + envelopeJson(fake) + "]").get("error");
      assertEquals(-32000, bad.get("code").asInt());
      assertTrue(bad.get("message").asText().startsWith("payload has bad block hash"), bad::toString);
      assertTrue(h.coreInputs.isEmpty());

      JsonNode accepted = h.call("admin_postUnsafePayload", "[" + envelopeJson(good) + "]");
      assertTrue(accepted.get("result").isNull(), accepted::toString);
      assertEquals(new AdminRequest.PostUnsafePayload(good), ((AdminRequestReceived) h.coreInputs.get(0)).request());

      assertEquals(-32602, h.call("admin_postUnsafePayload", "[{\"executionPayload\":{}}]").get("error").get("code").asInt());
      assertEquals(-32602, h.call("admin_postUnsafePayload", "[]").get("error").get("code").asInt());
      assertEquals(1, h.coreInputs.size());
    }
  }

  @Test
  void setLogLevelCallsTheHook() {
    try (RpcHarness h = new RpcHarness(true)) {
      assertTrue(h.call("admin_setLogLevel", "[\"debug\"]").get("result").isNull());
      assertEquals(java.util.List.of("debug"), h.logLevels);
      JsonNode e = h.call("admin_setLogLevel", "[\"loud\"]").get("error");
      assertEquals(-32000, e.get("code").asInt());
      assertEquals("unknown level loud", e.get("message").asText());
      assertEquals(-32602, h.call("admin_setLogLevel", "[3]").get("error").get("code").asInt());
      assertTrue(h.coreInputs.isEmpty());
    }
  }

  private static ExecutionPayloadEnvelope withHash(ExecutionPayload p, dev.basalt.core.types.Hash32 hash) {
    return new ExecutionPayloadEnvelope(new ExecutionPayload(p.parentHash(), p.feeRecipient(), p.stateRoot(), p.receiptsRoot(),
        p.logsBloom(), p.prevRandao(), p.blockNumber(), p.gasLimit(), p.gasUsed(), p.timestamp(), p.extraData(),
        p.baseFeePerGas(), hash, p.transactions(), p.withdrawals(), p.blobGasUsed(), p.excessBlobGas(), p.withdrawalsRoot()),
        Optional.empty());
  }

  private static String envelopeJson(ExecutionPayloadEnvelope e) {
    return PayloadEnvelopeJson.write(e);
  }

  @Test
  void subscriptionsOverHttpAreRefused() {
    try (RpcHarness h = new RpcHarness(false)) {
      JsonNode e = h.call("ws_subscribe_unsafe_head", "[]").get("error");
      assertEquals(-32001, e.get("code").asInt());
      assertEquals("notifications not supported", e.get("message").asText());
    }
  }

  @Test
  void headSubscriptionsInKonaAndEthStyle() throws Exception {
    try (RpcHarness h = new RpcHarness(false)) {
      BlockingQueue<String> got = new LinkedBlockingQueue<>();
      WebSocket ws = HttpClient.newHttpClient().newWebSocketBuilder()
          .buildAsync(URI.create("ws://127.0.0.1:" + h.server.port() + "/"), new WebSocket.Listener() {
            StringBuilder part = new StringBuilder();

            @Override
            public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
              part.append(data);
              if (last) {
                got.add(part.toString());
                part = new StringBuilder();
              }
              socket.request(1);
              return null;
            }
          }).get(10, TimeUnit.SECONDS);
      ws.sendText("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ws_subscribe_unsafe_head\",\"params\":[]}", true).join();
      JsonNode response = RpcHarness.tree(next(got));
      assertEquals(1, response.get("id").asInt());
      JsonNode konaId = response.get("result");
      assertTrue(konaId.isNumber(), response::toString);
      JsonNode first = RpcHarness.tree(next(got));
      assertEquals("ws_subscribe_unsafe_head", first.get("method").asText());
      assertEquals(konaId, first.get("params").get("subscription"));
      assertEquals(1010, first.get("params").get("result").get("number").asLong());

      ws.sendText("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"eth_subscribe\",\"params\":[\"safe_head\"]}", true).join();
      JsonNode ethId = RpcHarness.tree(next(got)).get("result");
      assertTrue(ethId.isTextual() && ethId.asText().startsWith("0x"), ethId::toString);

      SyncStatus s = RpcHarness.STATUS;
      h.board.publish(new SyncStatus(s.currentL1(), s.headL1(), s.safeL1(), s.finalizedL1(), RpcHarness.l2(1011, 99),
          s.pendingSafeL2(), s.localSafeL2(), RpcHarness.l2(1004, 98), s.finalizedL2()));
      JsonNode a = RpcHarness.tree(next(got));
      JsonNode b = RpcHarness.tree(next(got));
      JsonNode unsafe = a.get("method").asText().equals("ws_subscribe_unsafe_head") ? a : b;
      JsonNode safe = unsafe == a ? b : a;
      assertEquals(1011, unsafe.get("params").get("result").get("number").asLong());
      assertEquals("eth_subscription", safe.get("method").asText());
      assertEquals(ethId, safe.get("params").get("subscription"));
      assertEquals(1004, safe.get("params").get("result").get("number").asLong());
      assertEquals(RpcHarness.l2(1004, 98).l1Origin().number(), safe.get("params").get("result").get("l1origin").get("number").asLong());

      ws.sendText("{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"eth_unsubscribe\",\"params\":[" + ethId + "]}", true).join();
      assertTrue(RpcHarness.tree(next(got)).get("result").asBoolean());
      ws.sendText("{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"eth_subscribe\",\"params\":[\"newHeads\"]}", true).join();
      assertEquals(-32000, RpcHarness.tree(next(got)).get("error").get("code").asInt());
      // Plain calls work over the socket too.
      ws.sendText("{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"optimism_version\"}", true).join();
      assertEquals("v1.2.3-test", RpcHarness.tree(next(got)).get("result").asText());
      ws.sendClose(WebSocket.NORMAL_CLOSURE, "").join();
      h.board.publish(s);
    }
  }

  private static String next(BlockingQueue<String> q) throws InterruptedException {
    String s = q.poll(10, TimeUnit.SECONDS);
    if (s == null) {
      throw new AssertionError("no WebSocket message within 10 s");
    }
    return s;
  }
}
