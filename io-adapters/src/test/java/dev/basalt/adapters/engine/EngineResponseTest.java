package dev.basalt.adapters.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.basalt.adapters.config.ChainRegistry;
import dev.basalt.adapters.engine.EngineFixtures.Era;
import dev.basalt.adapters.engine.StubEngine.Reply;
import dev.basalt.core.command.GetPayload;
import dev.basalt.core.command.SendForkchoiceUpdate;
import dev.basalt.core.command.SendNewPayload;
import dev.basalt.core.engine.EngineResponse;
import dev.basalt.core.engine.ExecutionPayload;
import dev.basalt.core.engine.ExecutionPayloadEnvelope;
import dev.basalt.core.engine.ExecutionStatus;
import dev.basalt.core.engine.ForkchoiceState;
import dev.basalt.core.engine.PayloadId;
import dev.basalt.core.engine.PayloadStatus;
import dev.basalt.core.event.EngineResponseReceived;
import dev.basalt.core.event.FailureKind;
import dev.basalt.core.event.InputEvent;
import dev.basalt.core.event.RequestFailed;
import dev.basalt.core.types.Hash32;
import dev.basalt.testdata.gen.SimRng;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Engine answers, as the stub gives them, parsed into the right {@code EngineResponse}: every
 * payload status with its latest valid hash and validation error, payload ids, getPayload V2..V5
 * envelopes (extra members ignored, payload fields exact), JSON-RPC errors, and every kind of
 * malformed answer becoming {@code INVALID_RESPONSE}.
 */
class EngineResponseTest {
  private static final JwtSecret SECRET = JwtSecret.generate();
  private static final AtomicReference<Function<StubEngine.Received, Reply>> NEXT = new AtomicReference<>();
  private static StubEngine stub;
  private static RecordingSink sink;
  private static EngineAdapter adapter;
  private static final ForkchoiceState STATE = new ForkchoiceState(Hash32.ZERO, Hash32.ZERO, Hash32.ZERO);

  @BeforeAll
  static void start() throws Exception {
    stub = StubEngine.start(SECRET, r -> NEXT.get().apply(r));
    sink = new RecordingSink();
    adapter = EngineAdapter.open(EngineClientOptions.of(stub.url(), new JwtSource.Given(SECRET)),
        ChainRegistry.embedded().byChainId(10).orElseThrow().config(), sink);
  }

  @AfterAll
  static void stop() throws Exception {
    adapter.close();
    stub.close();
  }

  private static void answer(String rawResult) {
    NEXT.set(r -> Reply.result(rawResult));
  }

  @ParameterizedTest
  @EnumSource(ExecutionStatus.class)
  void everyStatusWithAndWithoutItsDetails(ExecutionStatus status) throws Exception {
    Hash32 lvh = Hash32.fromHex("0x" + "ab".repeat(32));
    answer("{\"payloadStatus\":{\"status\":\"" + status + "\",\"latestValidHash\":\"" + lvh
        + "\",\"validationError\":\"bad block: gas used 7 != 8\"},\"payloadId\":\"0x000000000000002a\"}");
    adapter.forkchoiceUpdate(new SendForkchoiceUpdate(1, STATE));
    EngineResponse.ForkchoiceUpdated fcu = assertInstanceOf(EngineResponse.ForkchoiceUpdated.class, sink.response(1));
    assertEquals(new PayloadStatus(status, Optional.of(lvh), Optional.of("bad block: gas used 7 != 8")), fcu.status());
    assertEquals(Optional.of(new PayloadId(42)), fcu.payloadId());

    answer("{\"status\":\"" + status + "\",\"latestValidHash\":null,\"validationError\":null}");
    adapter.newPayload(newPayload(2));
    assertEquals(new EngineResponse.NewPayloadResult(PayloadStatus.of(status)), sink.response(2));

    // Members may also be absent altogether (omitempty encoders).
    answer("{\"status\":\"" + status + "\"}");
    adapter.newPayload(newPayload(3));
    assertEquals(new EngineResponse.NewPayloadResult(PayloadStatus.of(status)), sink.response(3));
  }

  @Test
  void payloadIdNullOrAbsentIsEmptyAndLargeIdsAreUnsigned() throws Exception {
    answer("{\"payloadStatus\":{\"status\":\"VALID\"},\"payloadId\":null}");
    adapter.forkchoiceUpdate(new SendForkchoiceUpdate(4, STATE));
    assertEquals(Optional.empty(), ((EngineResponse.ForkchoiceUpdated) sink.response(4)).payloadId());
    answer("{\"payloadStatus\":{\"status\":\"SYNCING\"}}");
    adapter.forkchoiceUpdate(new SendForkchoiceUpdate(5, STATE));
    assertEquals(Optional.empty(), ((EngineResponse.ForkchoiceUpdated) sink.response(5)).payloadId());
    answer("{\"payloadStatus\":{\"status\":\"VALID\"},\"payloadId\":\"0xFFEEDDCCBBAA9988\"}");
    adapter.forkchoiceUpdate(new SendForkchoiceUpdate(6, STATE));
    assertEquals(Optional.of(new PayloadId(0xffeeddccbbaa9988L)), ((EngineResponse.ForkchoiceUpdated) sink.response(6)).payloadId());
  }

  @ParameterizedTest
  @EnumSource(Era.class)
  void getPayloadEnvelopesParseExactlyAndIgnoreTheRest(Era era) throws Exception {
    SimRng rng = new SimRng(0x9e7 + era.ordinal());
    ExecutionPayload p = EngineFixtures.payload(rng, era);
    Hash32 beaconRoot = EngineFixtures.hash(rng);
    ObjectNode result = StubEngine.JSON.createObjectNode();
    result.set("executionPayload", EngineFixtures.payloadJson(p));
    result.put("blockValue", "0x1bc16d674ec80000");
    if (era.getPayloadVersion >= 3) {
      result.putObject("blobsBundle").putArray("commitments");
      ((ObjectNode) result.get("blobsBundle")).putArray("proofs");
      ((ObjectNode) result.get("blobsBundle")).putArray("blobs");
      result.put("shouldOverrideBuilder", false);
    }
    // OP's envelope member; getPayloadV2 must not take it even if an engine sends one.
    result.put("parentBeaconBlockRoot", beaconRoot.toHex());
    if (era.getPayloadVersion >= 4) {
      result.putArray("executionRequests");
    }
    answer(result.toString());
    adapter.getPayload(new GetPayload(7, new PayloadId(1), era.getPayloadVersion));
    EngineResponse.PayloadBuilt built = assertInstanceOf(EngineResponse.PayloadBuilt.class, sink.response(7));
    Optional<Hash32> expectedRoot = era.getPayloadVersion >= 3 ? Optional.of(beaconRoot) : Optional.empty();
    assertEquals(new ExecutionPayloadEnvelope(p, expectedRoot), built.envelope());
  }

  @Test
  void nullForkFieldsReadAsAbsent() throws Exception {
    ExecutionPayload p = EngineFixtures.payload(new SimRng(0x11), Era.BEDROCK);
    ObjectNode json = EngineFixtures.payloadJson(p);
    json.putNull("withdrawals");
    json.putNull("blobGasUsed");
    json.putNull("excessBlobGas");
    json.putNull("withdrawalsRoot");
    answer("{\"executionPayload\":" + json + ",\"blockValue\":\"0x0\"}");
    adapter.getPayload(new GetPayload(8, new PayloadId(1), 2));
    assertEquals(p, ((EngineResponse.PayloadBuilt) sink.response(8)).envelope().payload());
  }

  @Test
  void jsonRpcErrorObjectsAreEngineAnswers() throws Exception {
    NEXT.set(r -> new Reply.Error(-38002, "Invalid forkchoice state"));
    adapter.forkchoiceUpdate(new SendForkchoiceUpdate(9, STATE));
    assertEquals(new EngineResponse.RpcError(-38002, "Invalid forkchoice state"), sink.response(9));
    NEXT.set(r -> new Reply.Error(-38003, "Invalid payload attributes"));
    adapter.newPayload(newPayload(10));
    assertEquals(new EngineResponse.RpcError(-38003, "Invalid payload attributes"), sink.response(10));
    NEXT.set(r -> new Reply.Error(-38005, "Unsupported fork"));
    adapter.getPayload(new GetPayload(11, new PayloadId(3), 5));
    assertEquals(new EngineResponse.RpcError(-38005, "Unsupported fork"), sink.response(11));
    // An error without a message is still an answer.
    NEXT.set(r -> new Reply.Raw(200, "{\"jsonrpc\":\"2.0\",\"id\":" + r.id() + ",\"error\":{\"code\":-32000}}"));
    adapter.forkchoiceUpdate(new SendForkchoiceUpdate(12, STATE));
    assertEquals(new EngineResponse.RpcError(-32000, ""), sink.response(12));
  }

  @Test
  void malformedAnswersAreInvalidResponses() throws Exception {
    String[] envelopes = {
      "not json at all", "[1,2,3]", "{\"jsonrpc\":\"2.0\",\"id\":%d}", "{\"id\":%d,\"result\":{}}",
      "{\"jsonrpc\":\"1.0\",\"id\":%d,\"result\":{}}", "{\"jsonrpc\":\"2.0\",\"id\":999999,\"result\":{}}",
      "{\"jsonrpc\":\"2.0\",\"id\":\"%d\",\"result\":{}}", "{\"jsonrpc\":\"2.0\",\"id\":%d,\"error\":\"boom\"}", "",
    };
    long correlation = 100;
    for (String envelope : envelopes) {
      NEXT.set(r -> new Reply.Raw(200, envelope.contains("%d") ? envelope.formatted(r.id()) : envelope));
      adapter.forkchoiceUpdate(new SendForkchoiceUpdate(correlation, STATE));
      sink.failure(correlation++, FailureKind.INVALID_RESPONSE);
    }
    String[] fcuResults = {
      "null", "{}", "{\"payloadStatus\":{\"status\":\"MAYBE\"}}", "{\"payloadStatus\":{\"status\":7}}",
      "{\"payloadStatus\":{\"status\":\"VALID\",\"latestValidHash\":\"0x1234\"}}",
      "{\"payloadStatus\":{\"status\":\"VALID\",\"latestValidHash\":\"" + "ab".repeat(32) + "\"}}",
      "{\"payloadStatus\":{\"status\":\"VALID\"},\"payloadId\":\"0x01\"}",
      "{\"payloadStatus\":{\"status\":\"VALID\",\"validationError\":5}}",
    };
    for (String result : fcuResults) {
      answer(result);
      adapter.forkchoiceUpdate(new SendForkchoiceUpdate(correlation, STATE));
      RequestFailed f = sink.failure(correlation++, FailureKind.INVALID_RESPONSE);
      assertTrue(f.detail().startsWith("engine_forkchoiceUpdatedV3: "), f.detail());
    }
  }

  @Test
  void malformedPayloadFieldsAreNamedInTheFailure() throws Exception {
    ExecutionPayload p = EngineFixtures.payload(new SimRng(0x22), Era.ECOTONE);
    String[][] corruptions = {
      {"gasUsed", "12"}, {"gasUsed", "\"0x\""}, {"gasUsed", "\"0x1ffffffffffffffff\""}, {"gasUsed", "\"0xg\""},
      {"logsBloom", "\"0x00\""}, {"extraData", "\"0x123\""}, {"extraData", "\"abcd\""}, {"blockHash", "null"},
      {"baseFeePerGas", "\"0x1" + "0".repeat(64) + "\""}, {"transactions", "[\"0xzz\"]"}, {"transactions", "{}"},
      {"withdrawals", "[{\"index\":\"0x0\"}]"}, {"feeRecipient", "\"0x" + "00".repeat(19) + "\""},
    };
    long correlation = 200;
    for (String[] c : corruptions) {
      ObjectNode json = EngineFixtures.payloadJson(p);
      json.set(c[0], StubEngine.JSON.readTree(c[1]));
      answer("{\"executionPayload\":" + json + ",\"parentBeaconBlockRoot\":\"" + Hash32.ZERO + "\"}");
      adapter.getPayload(new GetPayload(correlation, new PayloadId(1), 3));
      RequestFailed f = sink.failure(correlation++, FailureKind.INVALID_RESPONSE);
      assertTrue(f.detail().contains("executionPayload." + c[0]), c[0] + " -> " + f.detail());
    }
    // getPayloadV3+ must carry OP's parentBeaconBlockRoot.
    answer("{\"executionPayload\":" + EngineFixtures.payloadJson(p) + "}");
    adapter.getPayload(new GetPayload(correlation, new PayloadId(1), 3));
    assertTrue(sink.failure(correlation, FailureKind.INVALID_RESPONSE).detail().contains("parentBeaconBlockRoot"));
  }

  /** Seeded corruption of valid answers: whatever comes back, exactly one answer, never a crash. */
  @Test
  void corruptedAnswersAlwaysGetExactlyOneAnswer() throws Exception {
    SimRng rng = new SimRng(0xc0ffee);
    ExecutionPayload p = EngineFixtures.payload(rng, Era.ISTHMUS);
    String valid = "{\"jsonrpc\":\"2.0\",\"id\":%d,\"result\":{\"executionPayload\":" + EngineFixtures.payloadJson(p)
        + ",\"parentBeaconBlockRoot\":\"" + Hash32.ZERO + "\",\"blockValue\":\"0x0\"}}";
    int valids = 0;
    for (long correlation = 1000; correlation < 1300; correlation++) {
      String corrupt = corrupt(rng, valid);
      NEXT.set(r -> new Reply.Raw(200, corrupt.replace("%d", Long.toString(r.id()))));
      adapter.getPayload(new GetPayload(correlation, new PayloadId(1), 4));
      InputEvent e = sink.next().event();
      if (e instanceof RequestFailed f) {
        assertEquals(correlation, f.correlationId());
        assertEquals(FailureKind.INVALID_RESPONSE, f.kind(), f.detail());
      } else {
        assertEquals(correlation, ((EngineResponseReceived) e).correlationId());
        valids++;
      }
    }
    assertTrue(valids < 300, "most corruptions must be caught");
  }

  private static String corrupt(SimRng rng, String s) {
    StringBuilder b = new StringBuilder(s);
    switch (rng.nextInt(3)) {
      case 0 -> b.setLength(rng.nextInt(b.length()));
      case 1 -> {
        int at = rng.nextInt(b.length());
        b.setCharAt(at, "0x\"{}[],:g1 ".charAt(rng.nextInt(12)));
      }
      default -> b.deleteCharAt(rng.nextInt(b.length()));
    }
    return b.toString();
  }

  private static SendNewPayload newPayload(long correlation) {
    return new SendNewPayload(correlation,
        new ExecutionPayloadEnvelope(EngineFixtures.payload(new SimRng(correlation), Era.CANYON), Optional.empty()), 2);
  }
}
