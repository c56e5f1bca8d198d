package dev.basalt.adapters.engine;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import dev.basalt.core.event.FailureKind;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The JSON-RPC 2.0 envelope: requests {@code {"jsonrpc":"2.0","id":n,"method":m,"params":[...]}}
 * serialized in one pass, and responses checked ({@code jsonrpc}, matching {@code id}, exactly a
 * {@code result} or an {@code error}) into an {@link RpcOutcome}.
 */
final class RpcEnvelope {
  static final ObjectMapper MAPPER = new ObjectMapper();

  private RpcEnvelope() {}

  static byte[] request(long id, String method, ParamsWriter params) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(512);
    try (JsonGenerator gen = MAPPER.getFactory().createGenerator(out, JsonEncoding.UTF8)) {
      gen.writeStartObject();
      gen.writeStringField("jsonrpc", "2.0");
      gen.writeNumberField("id", id);
      gen.writeStringField("method", method);
      gen.writeFieldName("params");
      gen.writeStartArray();
      params.write(gen);
      gen.writeEndArray();
      gen.writeEndObject();
    }
    return out.toByteArray();
  }

  static RpcOutcome response(long id, String method, byte[] body) {
    JsonNode root;
    try {
      root = MAPPER.readTree(body);
    } catch (JsonProcessingException e) {
      return invalid(method, "body is not JSON (" + e.getOriginalMessage() + "): " + snippet(body));
    } catch (IOException e) {
      return invalid(method, "body unreadable: " + e);
    }
    if (root == null || !root.isObject()) {
      return invalid(method, "expected a JSON-RPC response object, got " + snippet(body));
    }
    JsonNode version = root.get("jsonrpc");
    if (version == null || !"2.0".equals(version.textValue())) {
      return invalid(method, "not a JSON-RPC 2.0 response (jsonrpc = " + JsonFields.describe(version) + ")");
    }
    JsonNode idNode = root.get("id");
    if (idNode == null || !idNode.isIntegralNumber() || !idNode.canConvertToLong() || idNode.longValue() != id) {
      return invalid(method, "response id " + JsonFields.describe(idNode) + " does not match request id " + id);
    }
    JsonNode error = root.get("error");
    if (error != null && !error.isNull()) {
      return errorObject(method, error);
    }
    if (!root.has("result")) {
      return invalid(method, "response has neither result nor error");
    }
    JsonNode result = root.get("result");
    return new RpcOutcome.Result(result == null ? NullNode.getInstance() : result);
  }

  private static RpcOutcome errorObject(String method, JsonNode error) {
    JsonNode code = error.get("code");
    if (!error.isObject() || code == null || !code.isIntegralNumber() || !code.canConvertToInt()) {
      return invalid(method, "malformed error object " + JsonFields.describe(error));
    }
    JsonNode message = error.get("message");
    String text = message != null && message.isTextual() ? message.textValue() : "";
    return new RpcOutcome.ErrorObject(code.intValue(), text);
  }

  private static RpcOutcome invalid(String method, String detail) {
    return new RpcOutcome.Failed(FailureKind.INVALID_RESPONSE, method + ": " + detail);
  }

  /** The start of a body, for messages: engines answer errors with short bodies. */
  static String snippet(byte[] body) {
    int n = Math.min(body.length, 200);
    String s = new String(body, 0, n, StandardCharsets.UTF_8).replaceAll("\\s+", " ").strip();
    return s.isEmpty() ? "(empty body)" : "\"" + s + (body.length > n ? "...\"" : "\"");
  }
}
