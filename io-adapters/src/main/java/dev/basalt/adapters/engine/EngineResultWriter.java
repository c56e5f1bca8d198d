package dev.basalt.adapters.engine;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.basalt.core.engine.EngineResponse;
import dev.basalt.core.engine.ExecutionPayloadEnvelope;
import dev.basalt.core.engine.PayloadStatus;
import java.io.IOException;

/**
 * The server's half of {@link EngineResults}: Engine API results as op-geth writes them, so that
 * {@code EngineResults.parse(write(x)) == x}. {@code latestValidHash}, {@code validationError} and
 * {@code payloadId} are written as {@code null} when absent (geth's pointer fields have no
 * omitempty); the getPayload extras the client ignores ({@code blockValue}, an empty
 * {@code blobsBundle}, {@code shouldOverrideBuilder}, empty {@code executionRequests}) are written
 * per version as the execution-apis shapes list them.
 */
final class EngineResultWriter {
  private EngineResultWriter() {}

  /** {@code PayloadStatusV1}. */
  static void payloadStatus(JsonGenerator gen, PayloadStatus s) throws IOException {
    gen.writeStartObject();
    gen.writeStringField("status", s.status().name());
    if (s.latestValidHash().isPresent()) {
      JsonHex.hash(gen, "latestValidHash", s.latestValidHash().get());
    } else {
      gen.writeNullField("latestValidHash");
    }
    if (s.validationError().isPresent()) {
      gen.writeStringField("validationError", s.validationError().get());
    } else {
      gen.writeNullField("validationError");
    }
    gen.writeEndObject();
  }

  /** {@code ForkchoiceUpdatedResponseV1}: {@code {payloadStatus, payloadId}}. */
  static void forkchoiceUpdated(JsonGenerator gen, EngineResponse.ForkchoiceUpdated r) throws IOException {
    gen.writeStartObject();
    gen.writeFieldName("payloadStatus");
    payloadStatus(gen, r.status());
    if (r.payloadId().isPresent()) {
      gen.writeStringField("payloadId", r.payloadId().get().toHex());
    } else {
      gen.writeNullField("payloadId");
    }
    gen.writeEndObject();
  }

  /**
   * The {@code engine_getPayloadV{version}} response: V2 {@code {executionPayload, blockValue}}; V3
   * adds {@code blobsBundle}, {@code shouldOverrideBuilder} and OP's {@code parentBeaconBlockRoot};
   * V4 adds {@code executionRequests}; V5 keeps V4's shape (its bundle carries cell proofs, and OP
   * has no blobs either way).
   */
  static void payloadEnvelope(JsonGenerator gen, ExecutionPayloadEnvelope e, int version) throws IOException {
    gen.writeStartObject();
    gen.writeFieldName("executionPayload");
    EngineJsonWriter.payload(gen, e.payload());
    gen.writeStringField("blockValue", "0x0");
    if (version >= 3) {
      gen.writeObjectFieldStart("blobsBundle");
      gen.writeArrayFieldStart("commitments");
      gen.writeEndArray();
      gen.writeArrayFieldStart("proofs");
      gen.writeEndArray();
      gen.writeArrayFieldStart("blobs");
      gen.writeEndArray();
      gen.writeEndObject();
      gen.writeBooleanField("shouldOverrideBuilder", false);
      if (e.parentBeaconBlockRoot().isPresent()) {
        JsonHex.hash(gen, "parentBeaconBlockRoot", e.parentBeaconBlockRoot().get());
      }
    }
    if (version >= 4) {
      gen.writeArrayFieldStart("executionRequests");
      gen.writeEndArray();
    }
    gen.writeEndObject();
  }
}
