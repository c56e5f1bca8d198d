package dev.basalt.adapters.rpc;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Writes response objects, streaming: the {@code result} is spliced in as the raw JSON text the
 * method produced, so it is never parsed again. The id is echoed exactly as it was received.
 */
final class ResponseWriter {
  private static final JsonFactory JSON = new JsonFactory();

  private ResponseWriter() {}

  /** {@code {"jsonrpc":"2.0","id":...,"result":...}}. */
  static byte[] success(JsonNode id, String resultJson) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(64 + resultJson.length());
    try (JsonGenerator g = JSON.createGenerator(out)) {
      g.writeStartObject();
      g.writeStringField("jsonrpc", "2.0");
      writeId(g, id);
      g.writeFieldName("result");
      g.writeRawValue(resultJson);
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** {@code {"jsonrpc":"2.0","id":...,"error":{"code":...,"message":...}}}. */
  static byte[] error(JsonNode id, RpcError error) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(128);
    try (JsonGenerator g = JSON.createGenerator(out)) {
      g.writeStartObject();
      g.writeStringField("jsonrpc", "2.0");
      writeId(g, id);
      g.writeObjectFieldStart("error");
      g.writeNumberField("code", error.code());
      g.writeStringField("message", error.getMessage() == null ? "" : error.getMessage());
      g.writeEndObject();
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** {@code {"jsonrpc":"2.0","method":...,"params":{"subscription":...,"result":...}}}. */
  static byte[] notification(String method, String subscriptionIdJson, String resultJson) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(96 + resultJson.length());
    try (JsonGenerator g = JSON.createGenerator(out)) {
      g.writeStartObject();
      g.writeStringField("jsonrpc", "2.0");
      g.writeStringField("method", method);
      g.writeObjectFieldStart("params");
      g.writeFieldName("subscription");
      g.writeRawValue(subscriptionIdJson);
      g.writeFieldName("result");
      g.writeRawValue(resultJson);
      g.writeEndObject();
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** A JSON array of already-written responses. */
  static byte[] array(List<byte[]> responses) {
    int size = 2;
    for (byte[] r : responses) {
      size += r.length + 1;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(size);
    out.write('[');
    for (int i = 0; i < responses.size(); i++) {
      if (i > 0) {
        out.write(',');
      }
      out.writeBytes(responses.get(i));
    }
    out.write(']');
    return out.toByteArray();
  }

  private static void writeId(JsonGenerator g, JsonNode id) throws IOException {
    g.writeFieldName("id");
    if (id == null || id.isNull()) {
      g.writeNull();
    } else if (id.isTextual()) {
      g.writeString(id.textValue());
    } else {
      // Numbers keep their exact text (big or fractional ids come back as sent).
      g.writeRawValue(id.toString());
    }
  }
}
