package dev.basalt.cli.tools;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigInteger;

/**
 * The JSON conventions of the tools: integers are exact JSON numbers (u64 and u256 alike, never
 * rounded, never as strings); hashes, addresses and byte strings are lower-case {@code 0x} hex;
 * fields appear in the order the command adds them.
 */
public final class ToolJson {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);
  private static final BigInteger TWO_TO_64 = BigInteger.ONE.shiftLeft(64);

  private ToolJson() {}

  public static ObjectNode object() {
    return NODES.objectNode();
  }

  public static ArrayNode array() {
    return NODES.arrayNode();
  }

  /** A u64 held in a long: values with the top bit set are above 2^63, not negative. */
  public static BigInteger unsigned(long value) {
    BigInteger v = BigInteger.valueOf(value);
    return value >= 0 ? v : v.add(TWO_TO_64);
  }

  /** Sets {@code name} to the u64 {@code value}. */
  public static ObjectNode putU64(ObjectNode node, String name, long value) {
    return value >= 0 ? node.put(name, value) : node.put(name, unsigned(value));
  }

  /** jq's layout: two-space indent, {@code "key": value}, one array element per line. */
  static String pretty(JsonNode json) {
    try {
      return MAPPER.writer(new JqPrinter()).writeValueAsString(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree always serialises", e);
    }
  }

  /** Jackson's pretty printer with jq's spacing: {@code "key": value}, and {@code []} / {@code {}} when empty. */
  private static final class JqPrinter extends DefaultPrettyPrinter {
    private static final long serialVersionUID = 1L;

    JqPrinter() {
      super(Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER));
      DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
      indentObjectsWith(indenter);
      indentArraysWith(indenter);
    }

    @Override
    public JqPrinter createInstance() {
      return new JqPrinter();
    }

    @Override
    public void writeEndArray(JsonGenerator g, int values) throws IOException {
      --_nesting;
      if (values > 0) {
        _arrayIndenter.writeIndentation(g, _nesting);
      }
      g.writeRaw(']');
    }

    @Override
    public void writeEndObject(JsonGenerator g, int entries) throws IOException {
      --_nesting;
      if (entries > 0) {
        _objectIndenter.writeIndentation(g, _nesting);
      }
      g.writeRaw('}');
    }
  }
}
