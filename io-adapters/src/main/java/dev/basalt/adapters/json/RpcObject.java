package dev.basalt.adapters.json;

import com.fasterxml.jackson.databind.JsonNode;
import dev.basalt.core.types.Address;
import dev.basalt.core.types.Bytes;
import dev.basalt.core.types.Hash32;
import dev.basalt.core.types.Hex;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A JSON-RPC object with typed, path-aware field access. Values follow the JSON-RPC encodings:
 * quantities as {@code 0x} hex (leading zeros tolerated, and plain non-negative JSON integers
 * accepted, as some tools write them), data as even-length {@code 0x} hex. An absent field and a
 * {@code null} one are the same. Every failure is a {@link JsonFormatException} naming the path.
 */
public final class RpcObject {
  private static final BigInteger MAX_U256 = BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE);

  private final JsonNode node;
  private final String path;

  /**
   * @param path where the object sits in the document ({@code ""} for the root), for messages
   * @throws JsonFormatException when {@code node} is not a JSON object
   */
  public RpcObject(JsonNode node, String path) {
    if (node == null || !node.isObject()) {
      throw new JsonFormatException(where(path) + "expected a JSON object, got " + describe(node));
    }
    this.node = node;
    this.path = path;
  }

  public String path() {
    return path;
  }

  public boolean has(String field) {
    JsonNode v = node.get(field);
    return v != null && !v.isNull();
  }

  /** The raw value of {@code field}, or null when absent. */
  public JsonNode raw(String field) {
    JsonNode v = node.get(field);
    return v == null || v.isNull() ? null : v;
  }

  public String fieldPath(String field) {
    return path.isEmpty() ? field : path + "." + field;
  }

  private JsonNode required(String field) {
    JsonNode v = raw(field);
    if (v == null) {
      throw new JsonFormatException(fieldPath(field) + ": missing");
    }
    return v;
  }

  /** A u256 quantity. */
  public BigInteger quantity(String field) {
    return quantity(required(field), fieldPath(field));
  }

  /** A u256 quantity, or null when absent. */
  public BigInteger optionalQuantity(String field) {
    JsonNode v = raw(field);
    return v == null ? null : quantity(v, fieldPath(field));
  }

  /** A u64 quantity, held in a long (values of 2^63 and above read as negative). */
  public long u64(String field) {
    return toU64(quantity(field), fieldPath(field));
  }

  public Long optionalU64(String field) {
    BigInteger v = optionalQuantity(field);
    return v == null ? null : toU64(v, fieldPath(field));
  }

  public Hash32 hash(String field) {
    return hash(required(field), fieldPath(field));
  }

  public Hash32 optionalHash(String field) {
    JsonNode v = raw(field);
    return v == null ? null : hash(v, fieldPath(field));
  }

  public Address address(String field) {
    return address(required(field), fieldPath(field));
  }

  /** An address, or null when absent (a contract creation's {@code to}). */
  public Address optionalAddress(String field) {
    JsonNode v = raw(field);
    return v == null ? null : address(v, fieldPath(field));
  }

  /** Hex data of any length. */
  public Bytes data(String field) {
    return Bytes.wrapOwned(hexBytes(required(field), fieldPath(field)));
  }

  /** Hex data of exactly {@code length} bytes. */
  public Bytes data(String field, int length) {
    Bytes b = data(field);
    if (b.length() != length) {
      throw new JsonFormatException(fieldPath(field) + ": expected " + length + " bytes, got " + b.length());
    }
    return b;
  }

  /** A JSON boolean (or the quantities 0x0 / 0x1), {@code absent} when the field is missing. */
  public boolean bool(String field, boolean absent) {
    JsonNode v = raw(field);
    if (v == null) {
      return absent;
    }
    if (v.isBoolean()) {
      return v.booleanValue();
    }
    BigInteger q = quantity(v, fieldPath(field));
    if (q.compareTo(BigInteger.ONE) > 0) {
      throw new JsonFormatException(fieldPath(field) + ": expected a boolean, got " + q);
    }
    return q.signum() == 1;
  }

  /** The array {@code field}; throws when absent or not an array. */
  public JsonNode array(String field) {
    JsonNode v = required(field);
    if (!v.isArray()) {
      throw new JsonFormatException(fieldPath(field) + ": expected an array, got " + describe(v));
    }
    return v;
  }

  /** The hashes of an array of 32-byte hex strings. */
  public List<Hash32> hashes(String field) {
    JsonNode list = array(field);
    List<Hash32> out = new ArrayList<>(list.size());
    for (int i = 0; i < list.size(); i++) {
      out.add(hash(list.get(i), fieldPath(field) + "[" + i + "]"));
    }
    return out;
  }

  static BigInteger quantity(JsonNode v, String path) {
    if (v.isIntegralNumber()) {
      BigInteger n = v.bigIntegerValue();
      return checkU256(n, path);
    }
    if (!v.isTextual()) {
      throw new JsonFormatException(path + ": expected a hex quantity such as \"0x1a\", got " + describe(v));
    }
    String s = v.textValue().strip();
    if (!s.startsWith("0x") && !s.startsWith("0X")) {
      throw new JsonFormatException(path + ": expected a 0x-prefixed hex quantity, got \"" + abbreviate(s) + "\"");
    }
    String digits = s.substring(2);
    if (digits.isEmpty()) {
      return BigInteger.ZERO;
    }
    if (digits.length() > 80 || !digits.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
      throw new JsonFormatException(path + ": not a hex quantity: \"" + abbreviate(s) + "\"");
    }
    return checkU256(new BigInteger(digits, 16), path);
  }

  private static BigInteger checkU256(BigInteger n, String path) {
    if (n.signum() < 0 || n.compareTo(MAX_U256) > 0) {
      throw new JsonFormatException(path + ": " + n + " is not a 256-bit unsigned integer");
    }
    return n;
  }

  static long toU64(BigInteger v, String path) {
    if (v.bitLength() > 64) {
      throw new JsonFormatException(path + ": " + v + " does not fit in 64 bits");
    }
    return v.longValue();
  }

  static Hash32 hash(JsonNode v, String path) {
    byte[] b = hexBytes(v, path);
    if (b.length != Hash32.LENGTH) {
      throw new JsonFormatException(path + ": expected a 32-byte hash, got " + b.length + " bytes");
    }
    return Hash32.wrap(b);
  }

  static Address address(JsonNode v, String path) {
    byte[] b = hexBytes(v, path);
    if (b.length != Address.LENGTH) {
      throw new JsonFormatException(path + ": expected a 20-byte address, got " + b.length + " bytes");
    }
    return Address.wrap(b);
  }

  static byte[] hexBytes(JsonNode v, String path) {
    if (!v.isTextual()) {
      throw new JsonFormatException(path + ": expected 0x-prefixed hex data, got " + describe(v));
    }
    String s = v.textValue().strip();
    if (!s.startsWith("0x") && !s.startsWith("0X")) {
      throw new JsonFormatException(path + ": expected 0x-prefixed hex data, got \"" + abbreviate(s) + "\"");
    }
    try {
      return Hex.decode(s);
    } catch (IllegalArgumentException e) {
      throw new JsonFormatException(path + ": not hex data: " + e.getMessage());
    }
  }

  private static String where(String path) {
    return path.isEmpty() ? "" : path + ": ";
  }

  static String describe(JsonNode v) {
    if (v == null || v.isNull()) {
      return "nothing";
    }
    return switch (v.getNodeType()) {
      case OBJECT -> "an object";
      case ARRAY -> "an array";
      case STRING -> "the string \"" + abbreviate(v.textValue()) + "\"";
      case NUMBER -> "the number " + v.asText();
      case BOOLEAN -> v.asText();
      default -> v.getNodeType().toString().toLowerCase(Locale.ROOT);
    };
  }

  private static String abbreviate(String s) {
    return s.length() <= 24 ? s : s.substring(0, 20) + "...";
  }
}
