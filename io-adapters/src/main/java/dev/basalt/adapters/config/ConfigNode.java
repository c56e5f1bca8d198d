package dev.basalt.adapters.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.basalt.core.types.Address;
import dev.basalt.core.types.Hash32;
import dev.basalt.core.types.Hex;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * One table of a parsed TOML or JSON document, read strictly: every accessor remembers the key it
 * consumed, and {@link #finish} reports the keys nobody asked for. Errors name the source and the
 * key's full path, e.g. {@code rollup.json: key 'genesis.system_config.gasLimit': ...}.
 *
 * <p>JSON {@code null} counts as absent, as in op-node and kona, whose optional fields serialize
 * that way.
 */
final class ConfigNode {
  private static final BigInteger TWO_64 = BigInteger.ONE.shiftLeft(64);

  private final JsonNode node;
  private final String source;
  private final String path;
  private final Set<String> consumed = new LinkedHashSet<>();

  private ConfigNode(JsonNode node, String source, String path) {
    this.node = node;
    this.source = source;
    this.path = path;
  }

  static ConfigNode root(JsonNode node, String source) {
    if (node == null || !node.isObject()) {
      throw new ConfigException(source + ": expected a table/object at the top level");
    }
    return new ConfigNode(node, source, "");
  }

  String source() {
    return source;
  }

  /** The full dotted path of {@code key} in this table, as used in messages. */
  String pathOf(String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  ConfigException error(String key, String problem) {
    return new ConfigException(source + ": key '" + pathOf(key) + "': " + problem);
  }

  /** A table-level error (no single key is at fault). */
  ConfigException error(String problem) {
    return new ConfigException(source + ": " + (path.isEmpty() ? "top level" : "'" + path + "'") + ": " + problem);
  }

  /** True when {@code key} is present and not null; does not consume it. */
  boolean has(String key) {
    JsonNode v = node.get(key);
    return v != null && !v.isNull();
  }

  private JsonNode take(String key) {
    consumed.add(key);
    JsonNode v = node.get(key);
    return v == null || v.isNull() ? null : v;
  }

  private JsonNode required(String key) {
    JsonNode v = take(key);
    if (v == null) {
      throw error(key, "missing (required)");
    }
    return v;
  }

  /** Marks keys as known and deliberately unused (metadata such as RPC URLs). */
  void skip(String... keys) {
    for (String k : keys) {
      consumed.add(k);
    }
  }

  ConfigNode table(String key) {
    return optionalTable(key).orElseThrow(() -> error(key, "missing (required table)"));
  }

  Optional<ConfigNode> optionalTable(String key) {
    JsonNode v = take(key);
    if (v == null) {
      return Optional.empty();
    }
    if (!v.isObject()) {
      throw error(key, "expected a table/object, got " + describe(v));
    }
    return Optional.of(new ConfigNode(v, source, pathOf(key)));
  }

  /** Elements of an array of tables ({@code [[x]]} in TOML, {@code [{...}]} in JSON). */
  List<ConfigNode> tables(String key) {
    JsonNode v = required(key);
    if (!v.isArray()) {
      throw error(key, "expected an array, got " + describe(v));
    }
    List<ConfigNode> out = new ArrayList<>();
    for (int i = 0; i < v.size(); i++) {
      JsonNode e = v.get(i);
      if (!e.isObject()) {
        throw error(key + "[" + i + "]", "expected a table/object, got " + describe(e));
      }
      out.add(new ConfigNode(e, source, pathOf(key) + "[" + i + "]"));
    }
    return out;
  }

  /** A u64 as its 64-bit pattern: an integer, or a decimal or {@code 0x} hex string. */
  long u64(String key) {
    return parseU64(key, required(key));
  }

  OptionalLong optionalU64(String key) {
    JsonNode v = take(key);
    return v == null ? OptionalLong.empty() : OptionalLong.of(parseU64(key, v));
  }

  /** A count, time or number that must fit in 63 bits. */
  long u63(String key) {
    return requireU63(key, u64(key));
  }

  OptionalLong optionalU63(String key) {
    OptionalLong v = optionalU64(key);
    if (v.isPresent()) {
      requireU63(key, v.getAsLong());
    }
    return v;
  }

  /** A u63 that must not be zero. */
  long positive(String key) {
    long v = u63(key);
    if (v == 0) {
      throw error(key, "must be greater than zero");
    }
    return v;
  }

  private long requireU63(String key, long v) {
    if (v < 0) {
      throw error(key, Long.toUnsignedString(v) + " is too large");
    }
    return v;
  }

  private long parseU64(String key, JsonNode v) {
    BigInteger n;
    if (v.isIntegralNumber()) {
      n = v.bigIntegerValue();
    } else if (v.isTextual()) {
      n = parseIntegerText(key, v.textValue());
    } else {
      throw error(key, "expected an unsigned integer, got " + describe(v));
    }
    if (n.signum() < 0 || n.compareTo(TWO_64) >= 0) {
      throw error(key, n + " is outside the unsigned 64-bit range");
    }
    return n.longValue();
  }

  private BigInteger parseIntegerText(String key, String text) {
    boolean hex = text.startsWith("0x") || text.startsWith("0X");
    String digits = hex ? text.substring(2) : text;
    if (digits.isEmpty() || !digits.chars().allMatch(c -> hex ? Character.digit(c, 16) >= 0 : c >= '0' && c <= '9')) {
      throw error(key, "expected an unsigned integer, got \"" + text + "\"");
    }
    return new BigInteger(digits, hex ? 16 : 10);
  }

  boolean bool(String key, boolean absent) {
    JsonNode v = take(key);
    if (v == null) {
      return absent;
    }
    if (!v.isBoolean()) {
      throw error(key, "expected true or false, got " + describe(v));
    }
    return v.booleanValue();
  }

  String text(String key) {
    return optionalText(key).orElseThrow(() -> error(key, "missing (required)"));
  }

  Optional<String> optionalText(String key) {
    JsonNode v = take(key);
    if (v == null) {
      return Optional.empty();
    }
    if (!v.isTextual()) {
      throw error(key, "expected a string, got " + describe(v));
    }
    return Optional.of(v.textValue());
  }

  Address address(String key) {
    return optionalAddress(key).orElseThrow(() -> error(key, "missing (required address)"));
  }

  Optional<Address> optionalAddress(String key) {
    return optionalText(key).map(t -> Address.wrap(hexBytes(key, t, Address.LENGTH, false)));
  }

  Hash32 hash(String key) {
    return Hash32.wrap(hexBytes(key, text(key), Hash32.LENGTH, false));
  }

  /**
   * A 32-byte word that older tools wrote as a minimal hex quantity (kona's U256 {@code "0xbc"}):
   * shorter values are left-padded with zeros, as a big-endian number.
   */
  Hash32 word(String key) {
    return Hash32.wrap(hexBytes(key, text(key), Hash32.LENGTH, true));
  }

  /** Fixed-size hex of exactly {@code length} bytes; when {@code padLeft}, shorter (even odd-length) hex too. */
  byte[] hexBytes(String key, String text, int length, boolean padLeft) {
    if (!text.startsWith("0x") && !text.startsWith("0X")) {
      throw error(key, "expected 0x-prefixed hex, got \"" + text + "\"");
    }
    String digits = text.substring(2);
    if (padLeft && (digits.length() & 1) == 1) {
      digits = "0" + digits;
    }
    byte[] raw;
    try {
      raw = Hex.decode(digits);
    } catch (IllegalArgumentException e) {
      throw error(key, "bad hex \"" + text + "\": " + e.getMessage());
    }
    if (raw.length == length) {
      return raw;
    }
    if (!padLeft || raw.length > length) {
      throw error(key, "expected " + length + " bytes, got " + raw.length);
    }
    byte[] out = new byte[length];
    System.arraycopy(raw, 0, out, length - raw.length, raw.length);
    return out;
  }

  /** Keys present in this table, in document order. */
  List<String> keys() {
    List<String> out = new ArrayList<>();
    for (Map.Entry<String, JsonNode> e : node.properties()) {
      out.add(e.getKey());
    }
    return out;
  }

  /**
   * Reports keys no accessor consumed, by {@code policy}: an error naming the first one, a warning
   * per key, or nothing.
   */
  void finish(UnknownKeys policy, List<String> warnings) {
    for (String k : keys()) {
      if (consumed.contains(k)) {
        continue;
      }
      switch (policy) {
        case REFUSE -> throw error(k, "unknown key; this build does not know what it means, so it refuses to guess");
        case WARN -> warnings.add(source + ": ignoring unknown informational key '" + pathOf(k) + "'");
        case IGNORE -> { }
      }
    }
  }

  private static String describe(JsonNode v) {
    String s = v.toString();
    return v.getNodeType().toString().toLowerCase(java.util.Locale.ROOT) + " " + (s.length() > 40 ? s.substring(0, 40) + "..." : s);
  }
}
