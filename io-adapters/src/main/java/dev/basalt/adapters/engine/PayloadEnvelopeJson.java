package dev.basalt.adapters.engine;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import dev.basalt.core.engine.ExecutionPayload;
import dev.basalt.core.engine.ExecutionPayloadEnvelope;
import dev.basalt.core.types.Hash32;
import java.util.Optional;

/**
 * Parses op-node's {@code ExecutionPayloadEnvelope} JSON ({@code {executionPayload,
 * parentBeaconBlockRoot}}), with the payload read exactly as the Engine API client reads {@code
 * engine_getPayload} results, so {@code admin_postUnsafePayload} accepts what op-conductor sends.
 * {@code parentBeaconBlockRoot} is optional (absent or null before Ecotone).
 */
public final class PayloadEnvelopeJson {
  private PayloadEnvelopeJson() {}

  /** The envelope as op-node writes it ({@code executionPayload} in Engine API form, then the beacon root when set). */
  public static String write(ExecutionPayloadEnvelope envelope) {
    StringWriter out = new StringWriter(1024);
    try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
      g.writeStartObject();
      g.writeFieldName("executionPayload");
      EngineJsonWriter.payload(g, envelope.payload());
      if (envelope.parentBeaconBlockRoot().isPresent()) {
        g.writeStringField("parentBeaconBlockRoot", envelope.parentBeaconBlockRoot().get().toHex());
      }
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  /** @throws MalformedResponseException naming the offending member, when {@code json} is not an envelope */
  public static ExecutionPayloadEnvelope parse(JsonNode json) {
    JsonFields f = new JsonFields(json, "");
    ExecutionPayload payload = EngineResults.payload(f.object("executionPayload"));
    Optional<Hash32> beaconRoot = f.optionalHash("parentBeaconBlockRoot");
    return new ExecutionPayloadEnvelope(payload, beaconRoot);
  }
}
