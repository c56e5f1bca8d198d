package dev.basalt.adapters.engine;

import com.fasterxml.jackson.databind.JsonNode;
import dev.basalt.core.block.Withdrawal;
import dev.basalt.core.engine.EngineResponse;
import dev.basalt.core.engine.ExecutionPayload;
import dev.basalt.core.engine.ExecutionPayloadEnvelope;
import dev.basalt.core.engine.ExecutionStatus;
import dev.basalt.core.engine.PayloadId;
import dev.basalt.core.engine.PayloadStatus;
import dev.basalt.core.tx.Bloom;
import dev.basalt.core.types.Bytes;
import dev.basalt.core.types.Hash32;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Parses Engine API results into core values, strictly: a missing or malformed field throws
 * {@link MalformedResponseException}. Payload fields are kept exactly (hex quantities as numbers,
 * data as bytes); fields Basalt does not use ({@code blockValue}, {@code blobsBundle},
 * {@code shouldOverrideBuilder}, {@code executionRequests}) are ignored, not validated.
 */
final class EngineResults {
  private EngineResults() {}

  /** {@code {payloadStatus, payloadId}} of {@code engine_forkchoiceUpdated}. */
  static EngineResponse.ForkchoiceUpdated forkchoiceUpdated(JsonNode result) {
    JsonFields f = new JsonFields(result, "result");
    PayloadStatus status = payloadStatus(f.object("payloadStatus"));
    Optional<PayloadId> id = f.has("payloadId")
        ? Optional.of(payloadId(f.required("payloadId"), f.at("payloadId")))
        : Optional.empty();
    return new EngineResponse.ForkchoiceUpdated(status, id);
  }

  /** {@code PayloadStatusV1} of {@code engine_newPayload}. */
  static EngineResponse.NewPayloadResult newPayload(JsonNode result) {
    return new EngineResponse.NewPayloadResult(payloadStatus(new JsonFields(result, "result")));
  }

  /**
   * The envelope of {@code engine_getPayloadV{version}}: the payload, and from V3 OP's
   * {@code parentBeaconBlockRoot}, which the OP spec makes mandatory there (the core needs it for
   * {@code newPayloadV3+} and the V3 gossip topic).
   */
  static EngineResponse.PayloadBuilt payloadBuilt(JsonNode result, int version) {
    JsonFields f = new JsonFields(result, "result");
    ExecutionPayload payload = payload(f.object("executionPayload"));
    Optional<Hash32> beaconRoot = Optional.empty();
    if (version >= 3) {
      beaconRoot = Optional.of(f.hash("parentBeaconBlockRoot"));
    }
    return new EngineResponse.PayloadBuilt(new ExecutionPayloadEnvelope(payload, beaconRoot));
  }

  static PayloadStatus payloadStatus(JsonFields f) {
    String name = f.text("status");
    ExecutionStatus status;
    try {
      status = ExecutionStatus.valueOf(name);
    } catch (IllegalArgumentException e) {
      throw new MalformedResponseException(f.at("status") + ": unknown payload status \"" + JsonFields.abbreviate(name) + "\"");
    }
    Optional<String> error = f.has("validationError") ? Optional.of(f.text("validationError")) : Optional.empty();
    return new PayloadStatus(status, f.optionalHash("latestValidHash"), error);
  }

  static PayloadId payloadId(JsonNode v, String path) {
    byte[] b = JsonFields.fixed(v, path, 8);
    long id = 0;
    for (byte x : b) {
      id = (id << 8) | (x & 0xff);
    }
    return new PayloadId(id);
  }

  /** {@code ExecutionPayloadV1..V3} with OP's {@code withdrawalsRoot}; null optionals read as absent. */
  static ExecutionPayload payload(JsonFields f) {
    JsonNode txList = f.array("transactions");
    List<Bytes> txs = new ArrayList<>(txList.size());
    for (int i = 0; i < txList.size(); i++) {
      txs.add(Bytes.wrapOwned(JsonFields.data(txList.get(i), f.at("transactions") + "[" + i + "]")));
    }
    Optional<List<Withdrawal>> withdrawals = f.has("withdrawals") ? Optional.of(withdrawals(f)) : Optional.empty();
    return new ExecutionPayload(
        f.hash("parentHash"),
        f.address("feeRecipient"),
        f.hash("stateRoot"),
        f.hash("receiptsRoot"),
        f.data("logsBloom", Bloom.LENGTH),
        f.hash("prevRandao"),
        f.u64("blockNumber"),
        f.u64("gasLimit"),
        f.u64("gasUsed"),
        f.u64("timestamp"),
        f.data("extraData"),
        f.u256("baseFeePerGas"),
        f.hash("blockHash"),
        txs,
        withdrawals,
        f.optionalU64("blobGasUsed"),
        f.optionalU64("excessBlobGas"),
        f.optionalHash("withdrawalsRoot"));
  }

  static List<Withdrawal> withdrawals(JsonFields parent) {
    JsonNode list = parent.array("withdrawals");
    List<Withdrawal> out = new ArrayList<>(list.size());
    for (int i = 0; i < list.size(); i++) {
      JsonFields w = new JsonFields(list.get(i), parent.at("withdrawals") + "[" + i + "]");
      out.add(new Withdrawal(w.u64("index"), w.u64("validatorIndex"), w.address("address"), w.u64("amount")));
    }
    return out;
  }

  /** The method names of {@code engine_exchangeCapabilities}. */
  static List<String> capabilities(JsonNode result) {
    if (!result.isArray()) {
      throw new MalformedResponseException("result: expected an array of method names, got " + JsonFields.describe(result));
    }
    List<String> out = new ArrayList<>(result.size());
    for (int i = 0; i < result.size(); i++) {
      JsonNode m = result.get(i);
      if (!m.isTextual()) {
        throw new MalformedResponseException("result[" + i + "]: expected a method name, got " + JsonFields.describe(m));
      }
      out.add(m.textValue());
    }
    return out;
  }
}
