package dev.basalt.adapters.rpc;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a request body into checked JSON-RPC 2.0 entries. Nesting deeper than the limit is a
 * parse error raised by Jackson while reading (so a 10,000-deep array never builds a deep tree
 * or a deep stack), as is trailing data after the JSON value.
 */
final class RequestParser {
  private final ObjectMapper mapper;

  RequestParser(int maxNestingDepth) {
    JsonFactory factory = JsonFactory.builder()
        .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(maxNestingDepth).build())
        .build();
    // Fractional ids are echoed as sent, so keep their digits exactly.
    this.mapper = new ObjectMapper(factory)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
        .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);
  }

  ParsedMessage parse(byte[] body, int offset, int length) {
    JsonNode root;
    try {
      root = mapper.readTree(body, offset, length);
    } catch (JsonProcessingException e) {
      return new ParsedMessage.Unparseable(RpcError.parseError(firstLine(e.getOriginalMessage())));
    } catch (IOException e) {
      return new ParsedMessage.Unparseable(RpcError.parseError(firstLine(e.getMessage())));
    }
    if (root == null || root.isMissingNode()) {
      return new ParsedMessage.Unparseable(RpcError.parseError("empty request body"));
    }
    if (root.isArray()) {
      List<ParsedMessage.Entry> entries = new ArrayList<>(root.size());
      for (JsonNode element : root) {
        entries.add(entry(element));
      }
      return new ParsedMessage.Batch(entries);
    }
    return new ParsedMessage.Single(entry(root));
  }

  /** Checks one request object against JSON-RPC 2.0. */
  static ParsedMessage.Entry entry(JsonNode node) {
    if (!node.isObject()) {
      return invalid(NullNode.instance);
    }
    JsonNode id = node.get("id");
    boolean idValid = id == null || id.isTextual() || id.isNumber() || id.isNull();
    JsonNode echo = id == null || !idValid ? NullNode.instance : id;
    JsonNode version = node.get("jsonrpc");
    JsonNode method = node.get("method");
    if (!idValid || version == null || !"2.0".equals(version.textValue()) || method == null || !method.isTextual()) {
      return invalid(echo);
    }
    return new ParsedMessage.Call(new RpcRequest(id, method.textValue(), node.get("params")));
  }

  private static ParsedMessage.Entry invalid(JsonNode id) {
    return new ParsedMessage.Invalid(id, RpcError.invalidRequest("invalid request"));
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "parse error";
    }
    int nl = message.indexOf('\n');
    String line = nl < 0 ? message : message.substring(0, nl);
    return line.length() > 200 ? line.substring(0, 200) + "..." : line;
  }
}
