package dev.basalt.adapters.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;

/**
 * Positional parameters, decoded with go-ethereum's rules and messages (op-node's server is
 * go-ethereum's): {@code params} must be an array (or absent), a missing argument is "missing
 * value for required argument N", extra ones are "too many arguments, want at most N", and a
 * bad value is "invalid argument N: ..." with the Go JSON decoder's wording.
 */
public final class RpcParams {
  private static final RpcParams NONE = new RpcParams(null);
  private final JsonNode array;

  private RpcParams(JsonNode array) {
    this.array = array;
  }

  /** @throws RpcError -32602 when {@code params} is neither absent, null nor an array */
  public static RpcParams of(JsonNode params) {
    if (params == null || params.isNull() || params.isMissingNode()) {
      return NONE;
    }
    if (!params.isArray()) {
      throw RpcError.invalidParams("non-array args");
    }
    return new RpcParams(params);
  }

  public int size() {
    return array == null ? 0 : array.size();
  }

  /** Refuses more than {@code max} arguments. */
  public RpcParams atMost(int max) {
    if (size() > max) {
      throw RpcError.invalidParams("too many arguments, want at most " + max);
    }
    return this;
  }

  /** Argument {@code i}, or null when absent or JSON null. */
  public JsonNode get(int i) {
    JsonNode v = i < size() ? array.get(i) : null;
    return v == null || v.isNull() ? null : v;
  }

  public JsonNode required(int i) {
    JsonNode v = get(i);
    if (v == null) {
      throw RpcError.invalidParams("missing value for required argument " + i);
    }
    return v;
  }

  public String string(int i) {
    JsonNode v = required(i);
    if (!v.isTextual()) {
      throw invalid(i, "json: cannot unmarshal " + jsonType(v) + " into Go value of type string");
    }
    return v.textValue();
  }

  /** A {@code hexutil.Uint64}: {@code 0x}-prefixed, no leading zeros, at most 64 bits. */
  public long hexU64(int i) {
    JsonNode v = required(i);
    if (!v.isTextual()) {
      throw invalid(i, "json: cannot unmarshal non-string into Go value of type hexutil.Uint64");
    }
    String problem = HexQuantity.problem(v.textValue());
    if (problem != null) {
      throw invalid(i, "json: cannot unmarshal " + problem + " into Go value of type hexutil.Uint64");
    }
    return Long.parseUnsignedLong(v.textValue().substring(2), 16);
  }

  /** A block number or one of the labels {@code latest}, {@code safe}, {@code finalized}, {@code pending}, {@code earliest}. */
  public BlockParam block(int i) {
    JsonNode v = required(i);
    if (v.isTextual()) {
      BlockParam.Label label = BlockParam.Label.parse(v.textValue().toLowerCase(Locale.ROOT));
      if (label != null) {
        return new BlockParam.Tag(label);
      }
    }
    return new BlockParam.Number(hexU64(i));
  }

  public boolean bool(int i) {
    JsonNode v = required(i);
    if (!v.isBoolean()) {
      throw invalid(i, "json: cannot unmarshal " + jsonType(v) + " into Go value of type bool");
    }
    return v.booleanValue();
  }

  static RpcError invalid(int i, String why) {
    return RpcError.invalidParams("invalid argument " + i + ": " + why);
  }

  private static String jsonType(JsonNode v) {
    if (v.isTextual()) {
      return "string";
    }
    if (v.isNumber()) {
      return "number";
    }
    if (v.isBoolean()) {
      return "bool";
    }
    return v.isArray() ? "array" : "object";
  }
}
