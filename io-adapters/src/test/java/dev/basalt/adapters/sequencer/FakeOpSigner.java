package dev.basalt.adapters.sequencer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.basalt.core.crypto.SigningKey;
import dev.basalt.core.p2p.BlockSigning;
import dev.basalt.core.types.Hash32;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import java.net.URI;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback op-signer: answers {@code opsigner_signBlockPayloadV2} by hashing the arguments as
 * op-signer does ({@code keccak256(domain ++ chainId ++ payloadHash)}) and signing with its key;
 * or fails as told. Records each request's headers and arguments.
 */
final class FakeOpSigner implements AutoCloseable {
  enum Mode { SIGN, RPC_ERROR, HTTP_500, HANG, SHORT_SIGNATURE }

  private static final ObjectMapper JSON = new ObjectMapper();
  private final Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(1).setInternalBlockingPoolSize(1));
  private final HttpServer server;
  private final SigningKey key;
  volatile Mode mode = Mode.SIGN;
  final ConcurrentLinkedQueue<Map<String, String>> headers = new ConcurrentLinkedQueue<>();
  final ConcurrentLinkedQueue<JsonNode> requests = new ConcurrentLinkedQueue<>();
  final AtomicInteger calls = new AtomicInteger();

  FakeOpSigner(SigningKey key, HttpServerOptions options) throws Exception {
    this.key = key;
    server = vertx.createHttpServer(options.setHost("127.0.0.1").setPort(0)).requestHandler(this::onRequest);
    server.listen().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  FakeOpSigner(SigningKey key) throws Exception {
    this(key, new HttpServerOptions());
  }

  URI url(String scheme) {
    return URI.create(scheme + "://127.0.0.1:" + server.actualPort() + "/");
  }

  private void onRequest(HttpServerRequest req) {
    Mode now = mode;
    calls.incrementAndGet();
    Map<String, String> h = new TreeMap<>();
    req.headers().forEach(e -> h.put(e.getKey().toLowerCase(java.util.Locale.ROOT), e.getValue()));
    headers.add(h);
    req.body().onSuccess(body -> {
      try {
        JsonNode root = JSON.readTree(body.toString());
        requests.add(root);
        String id = root.get("id").toString();
        switch (now) {
          case HANG -> { }
          case HTTP_500 -> req.response().setStatusCode(500).end("internal error");
          case RPC_ERROR -> json(req, "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"error\":{\"code\":-32000,\"message\":\"signer unavailable\"}}");
          case SHORT_SIGNATURE -> json(req, "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"result\":\"0x0102\"}");
          case SIGN -> {
            JsonNode args = root.get("params").get(0);
            if (!"opsigner_signBlockPayloadV2".equals(root.get("method").asText())) {
              json(req, "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"error\":{\"code\":-32601,\"message\":\"no such method\"}}");
              return;
            }
            Hash32 signingHash = BlockSigning.signingHash(Long.parseLong(args.get("chainId").asText()),
                Hash32.fromHex(args.get("payloadHash").asText()));
            if (!Hash32.fromHex(args.get("domain").asText()).equals(Hash32.ZERO)) {
              throw new IllegalStateException("domain must be zero");
            }
            json(req, "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"result\":\"" + BlockSigning.sign(key, signingHash).toHex() + "\"}");
          }
        }
      } catch (Exception e) {
        req.response().setStatusCode(400).end(e.toString());
      }
    });
  }

  private static void json(HttpServerRequest req, String body) {
    req.response().putHeader("content-type", "application/json").end(body);
  }

  @Override
  public void close() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }
}
