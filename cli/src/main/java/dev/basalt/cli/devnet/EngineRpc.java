package dev.basalt.cli.devnet;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.basalt.adapters.engine.EngineCallException;
import dev.basalt.adapters.engine.EngineServerCodec;
import dev.basalt.core.command.Command;
import dev.basalt.core.command.FetchL2Block;
import dev.basalt.core.engine.EngineResponse;
import dev.basalt.testdata.world.engine.EngineResponder;
import dev.basalt.testdata.world.fault.Fault;
import dev.basalt.testdata.world.http.WireFaults;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * One Engine API call against a fake engine (the world's node engine on the devnet): decoded with the client's own codec into
 * the core command it carries ({@link EngineServerCodec}), checked against the engine responder's
 * fault plan (the same plan in-process answers use), answered by the fake engine, and encoded back.
 * Also {@code engine_exchangeCapabilities} (every method the client may call) and {@code
 * eth_chainId}. The caller holds the engine's lock (the world's, for the world's engine).
 *
 * <p>Faults, as the in-process responder applies them: a {@code Fail} with a JSON-RPC code is that
 * error object, other {@code Fail}s an HTTP status; {@code Timeout} never reaches the engine and is
 * never answered; {@code Drop} reaches it and the connection closes unanswered; {@code Delay}
 * answers late.
 */
final class EngineRpc {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final EngineResponder engine;
  private final long l2ChainId;

  /** The reply body (null when there is none) and the fault the HTTP exchange takes, if any. */
  record Answered(int status, String body, Optional<Fault> fault) {}

  EngineRpc(EngineResponder engine, long l2ChainId) {
    this.engine = engine;
    this.l2ChainId = l2ChainId;
  }

  Answered call(JsonNode request) throws IOException {
    JsonNode id = request.get("id");
    String method = request.path("method").asText();
    JsonNode params = request.path("params");
    if (method.equals("engine_exchangeCapabilities")) {
      return ok(id, gen -> {
        gen.writeStartArray();
        for (String m : EngineServerCodec.ENGINE_METHODS) {
          gen.writeString(m);
        }
        gen.writeEndArray();
      });
    }
    if (method.equals("eth_chainId")) {
      return ok(id, gen -> gen.writeString("0x" + Long.toHexString(l2ChainId)));
    }
    Command call;
    boolean fullTxs;
    try {
      call = EngineServerCodec.decode(0, method, params);
      fullTxs = call instanceof FetchL2Block && EngineServerCodec.fullTransactions(params);
    } catch (EngineCallException e) {
      return error(id, e.code(), e.getMessage());
    }
    Optional<Fault> fault = engine.faults().take(call);
    if (fault.isPresent()) {
      switch (fault.get()) {
        case Fault.Fail f when f.rpcCode() != 0 -> {
          return error(id, f.rpcCode(), f.message());
        }
        case Fault.Fail f -> {
          int status = WireFaults.status(f.kind());
          return new Answered(status, JSON.createObjectNode().put("code", status).put("message", f.message()).toString(),
              Optional.empty());
        }
        case Fault.Timeout t -> {
          return new Answered(0, null, fault);
        }
        default -> { }
      }
    }
    EngineResponse response = engine.respond(call);
    Answered answered = response instanceof EngineResponse.RpcError e ? error(id, e.code(), e.message())
        : ok(id, gen -> EngineServerCodec.writeResult(gen, call, response, fullTxs));
    return new Answered(answered.status(), answered.body(), fault);
  }

  /** Writes a {@code result}. */
  @FunctionalInterface
  private interface ResultWriter {
    void write(JsonGenerator gen) throws IOException;
  }

  private static Answered ok(JsonNode id, ResultWriter result) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
    try (JsonGenerator gen = JSON.getFactory().createGenerator(out)) {
      gen.writeStartObject();
      gen.writeStringField("jsonrpc", "2.0");
      gen.writeFieldName("id");
      gen.writeTree(id);
      gen.writeFieldName("result");
      result.write(gen);
      gen.writeEndObject();
    }
    return new Answered(200, out.toString(StandardCharsets.UTF_8), Optional.empty());
  }

  static Answered error(JsonNode id, int code, String message) {
    var o = JSON.createObjectNode().put("jsonrpc", "2.0");
    o.set("id", id);
    o.putObject("error").put("code", code).put("message", message);
    return new Answered(200, o.toString(), Optional.empty());
  }
}
