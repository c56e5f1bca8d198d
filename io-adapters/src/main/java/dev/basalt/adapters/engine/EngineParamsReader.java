package dev.basalt.adapters.engine;

import com.fasterxml.jackson.databind.JsonNode;
import dev.basalt.core.block.Withdrawal;
import dev.basalt.core.engine.ExecutionPayload;
import dev.basalt.core.engine.ExecutionPayloadEnvelope;
import dev.basalt.core.engine.ForkchoiceState;
import dev.basalt.core.engine.L2BlockSelector;
import dev.basalt.core.engine.PayloadAttributes;
import dev.basalt.core.engine.PayloadId;
import dev.basalt.core.types.Bytes;
import dev.basalt.core.types.Hash32;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The server's half of {@link EngineRequests}: the {@code params} of an Engine API call back into
 * core values, so that {@code read(write(x)) == x} for everything the client sends. Fields a
 * client may leave out where op-geth tolerates it are defaulted as op-geth does ({@code
 * transactions} empty, {@code noTxPool} false); {@code gasLimit}, which an OP engine requires, is
 * not. Failures are {@link MalformedResponseException}s naming the path ({@code params[1].gasLimit}).
 */
final class EngineParamsReader {
  private static final BigInteger U64_LIMIT = BigInteger.ONE.shiftLeft(64);

  private EngineParamsReader() {}

  static JsonNode param(JsonNode params, int index) {
    if (params == null || !params.isArray() || params.size() <= index) {
      throw new MalformedResponseException("params: expected at least " + (index + 1) + " parameters, got "
          + (params == null || !params.isArray() ? "none" : params.size()));
    }
    return params.get(index);
  }

  /** {@code ForkchoiceStateV1}. */
  static ForkchoiceState forkchoiceState(JsonNode v, String path) {
    JsonFields f = new JsonFields(v, path);
    return new ForkchoiceState(f.hash("headBlockHash"), f.hash("safeBlockHash"), f.hash("finalizedBlockHash"));
  }

  /** OP {@code PayloadAttributesV1..V3}, or empty for a JSON {@code null}. */
  static Optional<PayloadAttributes> attributes(JsonNode v, String path) {
    if (v == null || v.isNull()) {
      return Optional.empty();
    }
    JsonFields f = new JsonFields(v, path);
    Optional<List<Withdrawal>> withdrawals = f.has("withdrawals") ? Optional.of(EngineResults.withdrawals(f)) : Optional.empty();
    Optional<Bytes> eip1559 = f.has("eip1559Params") ? Optional.of(f.data("eip1559Params", 8)) : Optional.empty();
    try {
      return Optional.of(new PayloadAttributes(f.u64("timestamp"), f.hash("prevRandao"), f.address("suggestedFeeRecipient"),
          withdrawals, f.optionalHash("parentBeaconBlockRoot"), transactions(f), bool(f, "noTxPool"), f.u64("gasLimit"),
          eip1559, minBaseFee(f)));
    } catch (IllegalArgumentException e) {
      throw new MalformedResponseException(path + ": " + e.getMessage());
    }
  }

  private static List<Bytes> transactions(JsonFields f) {
    if (!f.has("transactions")) {
      return List.of();
    }
    JsonNode list = f.array("transactions");
    List<Bytes> txs = new ArrayList<>(list.size());
    for (int i = 0; i < list.size(); i++) {
      txs.add(Bytes.wrapOwned(JsonFields.data(list.get(i), f.at("transactions") + "[" + i + "]")));
    }
    return txs;
  }

  private static boolean bool(JsonFields f, String name) {
    if (!f.has(name)) {
      return false;
    }
    JsonNode v = f.required(name);
    if (!v.isBoolean()) {
      throw new MalformedResponseException(f.at(name) + ": expected a boolean, got " + JsonFields.describe(v));
    }
    return v.booleanValue();
  }

  /** A plain JSON number as op-node sends it; a hex quantity is accepted too. */
  private static OptionalLong minBaseFee(JsonFields f) {
    if (!f.has("minBaseFee")) {
      return OptionalLong.empty();
    }
    JsonNode v = f.required("minBaseFee");
    if (v.isTextual()) {
      return OptionalLong.of(JsonFields.u64(v, f.at("minBaseFee")));
    }
    if (!v.isIntegralNumber() || v.bigIntegerValue().signum() < 0 || v.bigIntegerValue().compareTo(U64_LIMIT) >= 0) {
      throw new MalformedResponseException(f.at("minBaseFee") + ": expected a u64 number, got " + JsonFields.describe(v));
    }
    return OptionalLong.of(v.bigIntegerValue().longValue());
  }

  /**
   * The envelope of {@code engine_newPayloadV{version}}: V2 {@code [payload]}, V3 {@code [payload,
   * expectedBlobVersionedHashes, parentBeaconBlockRoot]}, V4 the same plus {@code executionRequests}.
   * The hash and request lists must be arrays; OP has neither blobs nor requests, so their contents
   * are not carried.
   */
  static ExecutionPayloadEnvelope newPayload(JsonNode params, int version) {
    ExecutionPayload payload = EngineResults.payload(new JsonFields(param(params, 0), "params[0]"));
    Optional<Hash32> beaconRoot = Optional.empty();
    if (version >= 3) {
      requireArray(param(params, 1), "params[1]");
      JsonNode root = param(params, 2);
      if (root.isNull()) {
        throw new MalformedResponseException("params[2]: parentBeaconBlockRoot is required from V3");
      }
      beaconRoot = Optional.of(JsonFields.hash(root, "params[2]"));
    }
    if (version >= 4) {
      requireArray(param(params, 3), "params[3]");
    }
    return new ExecutionPayloadEnvelope(payload, beaconRoot);
  }

  private static void requireArray(JsonNode v, String path) {
    if (!v.isArray()) {
      throw new MalformedResponseException(path + ": expected an array, got " + JsonFields.describe(v));
    }
  }

  static PayloadId payloadId(JsonNode params) {
    return EngineResults.payloadId(param(params, 0), "params[0]");
  }

  /** The block an {@code eth_getBlockByNumber} tag or {@code eth_getBlockByHash} hash names. */
  static L2BlockSelector blockSelector(boolean byHash, JsonNode params) {
    JsonNode block = param(params, 0);
    if (byHash) {
      return new L2BlockSelector.ByHash(JsonFields.hash(block, "params[0]"));
    }
    if (!block.isTextual()) {
      throw new MalformedResponseException("params[0]: expected a block number or tag, got " + JsonFields.describe(block));
    }
    return switch (block.textValue().toLowerCase(Locale.ROOT)) {
      case "latest", "pending" -> new L2BlockSelector.ByLabel(L2BlockSelector.Label.LATEST);
      case "safe" -> new L2BlockSelector.ByLabel(L2BlockSelector.Label.SAFE);
      case "finalized" -> new L2BlockSelector.ByLabel(L2BlockSelector.Label.FINALIZED);
      case "earliest" -> new L2BlockSelector.ByNumber(0);
      default -> byNumber(block);
    };
  }

  private static L2BlockSelector byNumber(JsonNode block) {
    long n = JsonFields.u64(block, "params[0]");
    if (n < 0) {
      throw new MalformedResponseException("params[0]: block number " + Long.toUnsignedString(n) + " out of range");
    }
    return new L2BlockSelector.ByNumber(n);
  }

  /** The {@code fullTransactions} flag of the block reads (absent means false, as in geth). */
  static boolean fullTransactions(JsonNode params) {
    if (params == null || !params.isArray() || params.size() < 2 || params.get(1).isNull()) {
      return false;
    }
    if (!params.get(1).isBoolean()) {
      throw new MalformedResponseException("params[1]: expected a boolean, got " + JsonFields.describe(params.get(1)));
    }
    return params.get(1).booleanValue();
  }
}
