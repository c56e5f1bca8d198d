package dev.basalt.adapters.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A loopback Engine API stub on Vert.x (never the JDK HttpServer: ~40 ms a request): it checks the
 * bearer JWT like an engine (HS256 over the shared secret, {@code iat} within ±60 s) when given a
 * secret, records every request, and answers with whatever the test's responder says. Serves only
 * this package's tests; the full fake engine lives in {@code testdata}.
 */
final class StubEngine implements AutoCloseable {
  static final ObjectMapper JSON = new ObjectMapper();

  /** One request as the stub saw it. */
  record Received(String authorization, String contentType, JsonNode body) {
    String method() {
      return body.get("method").textValue();
    }

    JsonNode params() {
      return body.get("params");
    }

    long id() {
      return body.get("id").longValue();
    }
  }

  /** What to answer. */
  sealed interface Reply {
    /** {@code {"jsonrpc":"2.0","id":<request id>,"result":<rawJson>}}. */
    record Result(String rawJson) implements Reply {}

    record Error(int code, String message) implements Reply {}

    /** Exactly this status and body. */
    record Raw(int status, String body) implements Reply {}

    /** Never answer. */
    record Silent() implements Reply {}

    /** Send the headers and the start of the body, then nothing more. */
    record StallBody() implements Reply {}

    /** Answer when the stage completes. */
    record Later(CompletionStage<Reply> reply) implements Reply {}

    static Reply result(String rawJson) {
      return new Result(rawJson);
    }

    static Reply result(JsonNode node) {
      return new Result(node.toString());
    }
  }

  private final Vertx vertx = Vertx.vertx();
  private final HttpServer server;
  private final byte[] secret;
  private final Function<Received, Reply> responder;
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicInteger maxInFlight = new AtomicInteger();

  private StubEngine(JwtSecret secret, Function<Received, Reply> responder) throws Exception {
    this.secret = secret == null ? null : secret.key();
    this.responder = responder;
    this.server = vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(0).setTcpNoDelay(true))
        .requestHandler(this::handle);
    server.listen().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  /** A stub that checks JWTs against {@code secret} (null: accepts any). */
  static StubEngine start(JwtSecret secret, Function<Received, Reply> responder) throws Exception {
    return new StubEngine(secret, responder);
  }

  URI url() {
    return URI.create("http://127.0.0.1:" + server.actualPort());
  }

  List<Received> received() {
    return received;
  }

  Received last() {
    return received.get(received.size() - 1);
  }

  int maxInFlight() {
    return maxInFlight.get();
  }

  private void handle(HttpServerRequest req) {
    req.body().onSuccess(body -> {
      String auth = req.getHeader("Authorization");
      if (secret != null && !validJwt(auth)) {
        req.response().setStatusCode(401).end("signature is invalid");
        return;
      }
      Received r;
      try {
        r = new Received(auth, req.getHeader("Content-Type"), JSON.readTree(body.getBytes()));
      } catch (IOException e) {
        req.response().setStatusCode(400).end("bad json");
        return;
      }
      received.add(r);
      maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
      answer(req, r, responder.apply(r));
    });
  }

  private void answer(HttpServerRequest req, Received r, Reply reply) {
    switch (reply) {
      case Reply.Result res -> end(req, "{\"jsonrpc\":\"2.0\",\"id\":" + r.id() + ",\"result\":" + res.rawJson() + "}", 200);
      case Reply.Error err -> end(req, "{\"jsonrpc\":\"2.0\",\"id\":" + r.id() + ",\"error\":{\"code\":" + err.code()
          + ",\"message\":" + JSON.valueToTree(err.message()) + "}}", 200);
      case Reply.Raw raw -> end(req, raw.body(), raw.status());
      case Reply.Silent s -> { }
      case Reply.StallBody s -> req.response().setChunked(true).putHeader("Content-Type", "application/json")
          .write("{\"jsonrpc\":\"2.0\",");
      case Reply.Later later -> later.reply().whenComplete((next, err) ->
          vertx.runOnContext(v -> answer(req, r, next)));
    }
  }

  private void end(HttpServerRequest req, String body, int status) {
    inFlight.decrementAndGet();
    req.response().setStatusCode(status).putHeader("Content-Type", "application/json")
        .end(Buffer.buffer(body.getBytes(StandardCharsets.UTF_8)));
  }

  /** The engine's check: HS256 with our secret and an iat within a minute of now. */
  private boolean validJwt(String auth) {
    if (auth == null || !auth.startsWith("Bearer ")) {
      return false;
    }
    String[] parts = auth.substring(7).split("\\.");
    if (parts.length != 3) {
      return false;
    }
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      byte[] expected = mac.doFinal((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
      if (!MessageDigest.isEqual(expected, Base64.getUrlDecoder().decode(parts[2]))) {
        return false;
      }
      JsonNode header = JSON.readTree(Base64.getUrlDecoder().decode(parts[0]));
      long iat = JSON.readTree(Base64.getUrlDecoder().decode(parts[1])).get("iat").longValue();
      return "HS256".equals(header.get("alg").textValue()) && Math.abs(Instant.now().getEpochSecond() - iat) <= 60;
    } catch (Exception e) {
      return false;
    }
  }

  /** A stage the test completes to release a held answer. */
  static CompletableFuture<Reply> hold() {
    return new CompletableFuture<>();
  }

  @Override
  public void close() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }
}
