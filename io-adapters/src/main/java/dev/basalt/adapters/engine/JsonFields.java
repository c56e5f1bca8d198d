package dev.basalt.adapters.engine;

import com.fasterxml.jackson.databind.JsonNode;
import dev.basalt.core.types.Address;
import dev.basalt.core.types.Bytes;
import dev.basalt.core.types.Hash32;
import java.math.BigInteger;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Typed, path-aware reads of one JSON object in the Engine API encodings: quantities are
 * {@code 0x}-prefixed hex strings (leading zeros tolerated), data is even-length {@code 0x} hex.
 * An absent member and a {@code null} one are the same. Every failure is a
 * {@link MalformedResponseException} naming the path, so a bad engine answer is diagnosable.
 */
final class JsonFields {
  private static final HexFormat HEX = HexFormat.of();

  private final JsonNode node;
  private final String path;

  JsonFields(JsonNode node, String path) {
    if (node == null || !node.isObject()) {
      throw new MalformedResponseException(prefix(path) + "expected a JSON object, got " + describe(node));
    }
    this.node = node;
    this.path = path;
  }

  String path() {
    return path;
  }

  boolean has(String name) {
    JsonNode v = node.get(name);
    return v != null && !v.isNull();
  }

  String at(String name) {
    return path.isEmpty() ? name : path + "." + name;
  }

  JsonNode required(String name) {
    JsonNode v = node.get(name);
    if (v == null || v.isNull()) {
      throw new MalformedResponseException(at(name) + ": missing");
    }
    return v;
  }

  JsonFields object(String name) {
    return new JsonFields(required(name), at(name));
  }

  JsonNode array(String name) {
    JsonNode v = required(name);
    if (!v.isArray()) {
      throw new MalformedResponseException(at(name) + ": expected an array, got " + describe(v));
    }
    return v;
  }

  long u64(String name) {
    return u64(required(name), at(name));
  }

  OptionalLong optionalU64(String name) {
    return has(name) ? OptionalLong.of(u64(name)) : OptionalLong.empty();
  }

  BigInteger u256(String name) {
    return u256(required(name), at(name));
  }

  Hash32 hash(String name) {
    return Hash32.wrap(fixed(required(name), at(name), Hash32.LENGTH));
  }

  Optional<Hash32> optionalHash(String name) {
    return has(name) ? Optional.of(hash(name)) : Optional.empty();
  }

  Address address(String name) {
    return Address.wrap(fixed(required(name), at(name), Address.LENGTH));
  }

  /** An address, or null when absent (a contract creation's {@code to}). */
  Address addressOrNull(String name) {
    return has(name) ? address(name) : null;
  }

  Bytes data(String name) {
    return Bytes.wrapOwned(data(required(name), at(name)));
  }

  Bytes data(String name, int lengthBytes) {
    return Bytes.wrapOwned(fixed(required(name), at(name), lengthBytes));
  }

  String text(String name) {
    JsonNode v = required(name);
    if (!v.isTextual()) {
      throw new MalformedResponseException(at(name) + ": expected a string, got " + describe(v));
    }
    return v.textValue();
  }

  static long u64(JsonNode v, String path) {
    String digits = quantityDigits(v, path);
    if (digits.length() > 16) {
      throw new MalformedResponseException(path + ": " + abbreviate(v.textValue()) + " does not fit in 64 bits");
    }
    return Long.parseUnsignedLong(digits, 16);
  }

  static BigInteger u256(JsonNode v, String path) {
    String digits = quantityDigits(v, path);
    if (digits.length() > 64) {
      throw new MalformedResponseException(path + ": " + abbreviate(v.textValue()) + " does not fit in 256 bits");
    }
    return new BigInteger(digits, 16);
  }

  /** The significant hex digits of a quantity ("0" for zero). */
  private static String quantityDigits(JsonNode v, String path) {
    if (v == null || !v.isTextual()) {
      throw new MalformedResponseException(path + ": expected a hex quantity string, got " + describe(v));
    }
    String s = v.textValue();
    if (s.length() < 3 || s.charAt(0) != '0' || (s.charAt(1) != 'x' && s.charAt(1) != 'X')) {
      throw new MalformedResponseException(path + ": expected a 0x-prefixed hex quantity, got \"" + abbreviate(s) + "\"");
    }
    int start = 2;
    while (start < s.length() - 1 && s.charAt(start) == '0') {
      start++;
    }
    for (int i = start; i < s.length(); i++) {
      if (Character.digit(s.charAt(i), 16) < 0) {
        throw new MalformedResponseException(path + ": not a hex quantity: \"" + abbreviate(s) + "\"");
      }
    }
    return s.substring(start);
  }

  static byte[] data(JsonNode v, String path) {
    if (v == null || !v.isTextual()) {
      throw new MalformedResponseException(path + ": expected hex data, got " + describe(v));
    }
    String s = v.textValue();
    if (s.length() < 2 || s.charAt(0) != '0' || (s.charAt(1) != 'x' && s.charAt(1) != 'X') || (s.length() & 1) != 0) {
      throw new MalformedResponseException(path + ": expected 0x-prefixed hex with an even number of digits, got \""
          + abbreviate(s) + "\"");
    }
    try {
      return HEX.parseHex(s, 2, s.length());
    } catch (IllegalArgumentException e) {
      throw new MalformedResponseException(path + ": not hex data: \"" + abbreviate(s) + "\"");
    }
  }

  static byte[] fixed(JsonNode v, String path, int lengthBytes) {
    byte[] b = data(v, path);
    if (b.length != lengthBytes) {
      throw new MalformedResponseException(path + ": expected " + lengthBytes + " bytes, got " + b.length);
    }
    return b;
  }

  static Hash32 hash(JsonNode v, String path) {
    return Hash32.wrap(fixed(v, path, Hash32.LENGTH));
  }

  static String describe(JsonNode v) {
    if (v == null || v.isNull()) {
      return "null";
    }
    if (v.isTextual()) {
      return "\"" + abbreviate(v.textValue()) + "\"";
    }
    return v.getNodeType().name().toLowerCase(Locale.ROOT) + " " + abbreviate(v.toString());
  }

  static String abbreviate(String s) {
    return s.length() <= 80 ? s : s.substring(0, 77) + "...";
  }

  private static String prefix(String path) {
    return path.isEmpty() ? "" : path + ": ";
  }
}
