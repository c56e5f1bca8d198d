package dev.basalt.adapters.engine;

import static dev.basalt.adapters.engine.EngineFixtures.q;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.basalt.adapters.config.ChainRegistry;
import dev.basalt.adapters.engine.EngineFixtures.Era;
import dev.basalt.adapters.engine.StubEngine.Reply;
import dev.basalt.core.block.Withdrawal;
import dev.basalt.core.command.GetPayload;
import dev.basalt.core.command.SendForkchoiceUpdate;
import dev.basalt.core.command.SendNewPayload;
import dev.basalt.core.engine.EngineResponse;
import dev.basalt.core.engine.ExecutionPayload;
import dev.basalt.core.engine.ExecutionPayloadEnvelope;
import dev.basalt.core.engine.ForkchoiceState;
import dev.basalt.core.engine.PayloadAttributes;
import dev.basalt.core.engine.PayloadId;
import dev.basalt.core.types.Hash32;
import dev.basalt.testdata.gen.SimRng;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every engine method and version against the stub: the request JSON is checked field by field
 * for each fork era (names present exactly when the era has them, values in the Engine API
 * encodings), and every request carries a valid JWT (the stub answers 401 otherwise).
 */
class EngineRequestShapeTest {
  private static final JwtSecret SECRET = JwtSecret.generate();
  private static StubEngine stub;
  private static RecordingSink sink;
  private static EngineAdapter adapter;

  @BeforeAll
  static void start() throws Exception {
    stub = StubEngine.start(SECRET, r -> switch (r.method().replaceAll("V\\d$", "")) {
      case "engine_forkchoiceUpdated" -> Reply.result(
          "{\"payloadStatus\":{\"status\":\"VALID\",\"latestValidHash\":null,\"validationError\":null},\"payloadId\":null}");
      case "engine_newPayload" -> Reply.result("{\"status\":\"VALID\",\"latestValidHash\":null,\"validationError\":null}");
      default -> new Reply.Error(-38001, "Unknown payload");
    });
    sink = new RecordingSink();
    adapter = EngineAdapter.open(EngineClientOptions.of(stub.url(), new JwtSource.Given(SECRET)),
        ChainRegistry.embedded().byChainId(10).orElseThrow().config(), sink);
  }

  @AfterAll
  static void stop() throws Exception {
    adapter.close();
    stub.close();
  }

  @ParameterizedTest
  @EnumSource(Era.class)
  void forkchoiceUpdatedWithAttributesHasExactlyTheErasFields(Era era) throws Exception {
    SimRng rng = new SimRng(0xfc0 + era.ordinal());
    ForkchoiceState state = new ForkchoiceState(EngineFixtures.hash(rng), EngineFixtures.hash(rng), EngineFixtures.hash(rng));
    PayloadAttributes a = EngineFixtures.attributes(rng, era);
    adapter.forkchoiceUpdate(new SendForkchoiceUpdate(7, state, Optional.of(a), era.forkchoiceVersion));
    assertInstanceOf(EngineResponse.ForkchoiceUpdated.class, sink.response(7));

    StubEngine.Received r = stub.last();
    assertEquals("engine_forkchoiceUpdatedV" + era.forkchoiceVersion, r.method());
    assertCommonEnvelope(r);
    assertEquals(2, r.params().size());
    assertState(state, r.params().get(0));

    JsonNode attrs = r.params().get(1);
    Set<String> expected = new TreeSet<>(List.of("timestamp", "prevRandao", "suggestedFeeRecipient", "transactions",
        "noTxPool", "gasLimit"));
    if (era.atLeast(Era.CANYON)) {
      expected.add("withdrawals");
    }
    if (era.atLeast(Era.ECOTONE)) {
      expected.add("parentBeaconBlockRoot");
    }
    if (era.atLeast(Era.HOLOCENE)) {
      expected.add("eip1559Params");
    }
    if (era.atLeast(Era.JOVIAN)) {
      expected.add("minBaseFee");
    }
    assertEquals(expected, names(attrs));
    assertEquals(q(a.timestamp()), attrs.get("timestamp").textValue());
    assertEquals(a.prevRandao().toHex(), attrs.get("prevRandao").textValue());
    assertEquals(a.suggestedFeeRecipient().toHex(), attrs.get("suggestedFeeRecipient").textValue());
    assertHexList(a.transactions().stream().map(b -> b.toHex()).toList(), attrs.get("transactions"));
    assertTrue(attrs.get("noTxPool").isBoolean());
    assertEquals(a.noTxPool(), attrs.get("noTxPool").booleanValue());
    assertEquals(q(a.gasLimit()), attrs.get("gasLimit").textValue());
    if (era.atLeast(Era.CANYON)) {
      assertTrue(attrs.get("withdrawals").isArray() && attrs.get("withdrawals").isEmpty());
    }
    if (era.atLeast(Era.ECOTONE)) {
      assertEquals(a.parentBeaconBlockRoot().orElseThrow().toHex(), attrs.get("parentBeaconBlockRoot").textValue());
    }
    if (era.atLeast(Era.HOLOCENE)) {
      assertEquals(a.eip1559Params().orElseThrow().toHex(), attrs.get("eip1559Params").textValue());
    }
    if (era.atLeast(Era.JOVIAN)) {
      // A JSON number, as op-node and op-alloy send it (unsigned: this value may exceed 2^63).
      JsonNode fee = attrs.get("minBaseFee");
      assertTrue(fee.isIntegralNumber(), fee.toString());
      assertEquals(Long.toUnsignedString(a.minBaseFee().getAsLong()), fee.bigIntegerValue().toString());
    }
  }

  @Test
  void forkchoiceUpdatedWithoutAttributesSendsNull() throws Exception {
    SimRng rng = new SimRng(0xfc1);
    for (int version = 1; version <= 3; version++) {
      ForkchoiceState state = new ForkchoiceState(EngineFixtures.hash(rng), EngineFixtures.hash(rng), Hash32.ZERO);
      adapter.forkchoiceUpdate(new SendForkchoiceUpdate(10 + version, state, Optional.empty(), version));
      sink.response(10 + version);
      StubEngine.Received r = stub.last();
      assertEquals("engine_forkchoiceUpdatedV" + version, r.method());
      assertEquals(2, r.params().size());
      assertState(state, r.params().get(0));
      assertTrue(r.params().get(1).isNull());
    }
  }

  @ParameterizedTest
  @EnumSource(Era.class)
  void newPayloadHasTheVersionsParamsAndTheErasPayloadFields(Era era) throws Exception {
    SimRng rng = new SimRng(0x4e0 + era.ordinal());
    ExecutionPayload p = EngineFixtures.payload(rng, era);
    Optional<Hash32> beaconRoot = era.atLeast(Era.ECOTONE) ? Optional.of(EngineFixtures.hash(rng)) : Optional.empty();
    adapter.newPayload(new SendNewPayload(20, new ExecutionPayloadEnvelope(p, beaconRoot), era.newPayloadVersion));
    assertInstanceOf(EngineResponse.NewPayloadResult.class, sink.response(20));

    StubEngine.Received r = stub.last();
    assertEquals("engine_newPayloadV" + era.newPayloadVersion, r.method());
    assertCommonEnvelope(r);
    JsonNode params = r.params();
    assertEquals(switch (era.newPayloadVersion) {
      case 2 -> 1;
      case 3 -> 3;
      default -> 4;
    }, params.size());
    // The adapter's JSON must equal an independent field-by-field rendering (names and values).
    assertEquals(EngineFixtures.payloadJson(p), params.get(0));
    Set<String> forkFields = new TreeSet<>(names(params.get(0)));
    forkFields.retainAll(Set.of("withdrawals", "blobGasUsed", "excessBlobGas", "withdrawalsRoot"));
    Set<String> expected = new TreeSet<>();
    if (era.atLeast(Era.CANYON)) {
      expected.add("withdrawals");
    }
    if (era.atLeast(Era.ECOTONE)) {
      expected.addAll(List.of("blobGasUsed", "excessBlobGas"));
    }
    if (era.atLeast(Era.ISTHMUS)) {
      expected.add("withdrawalsRoot");
    }
    assertEquals(expected, forkFields);
    if (era.newPayloadVersion >= 3) {
      assertTrue(params.get(1).isArray() && params.get(1).isEmpty(), "expectedBlobVersionedHashes = []");
      assertEquals(beaconRoot.orElseThrow().toHex(), params.get(2).textValue());
    }
    if (era.newPayloadVersion >= 4) {
      assertTrue(params.get(3).isArray() && params.get(3).isEmpty(), "executionRequests = []");
    }
  }

  @Test
  void getPayloadSendsThePayloadIdForEveryVersion() throws Exception {
    long[] ids = {0, 1, 0x0123456789abcdefL, -1L};
    for (int version = 2; version <= 5; version++) {
      long id = ids[version - 2];
      adapter.getPayload(new GetPayload(30 + version, new PayloadId(id), version));
      EngineResponse.RpcError err = assertInstanceOf(EngineResponse.RpcError.class, sink.response(30 + version));
      assertEquals(-38001, err.code());
      StubEngine.Received r = stub.last();
      assertEquals("engine_getPayloadV" + version, r.method());
      assertCommonEnvelope(r);
      assertEquals(1, r.params().size());
      String hex = r.params().get(0).textValue();
      assertTrue(hex.matches("0x[0-9a-f]{16}"), hex);
      assertEquals(id, Long.parseUnsignedLong(hex.substring(2), 16));
    }
  }

  @Test
  void withdrawalsAreWrittenFieldByField() throws Exception {
    SimRng rng = new SimRng(0x3d);
    ExecutionPayload base = EngineFixtures.payload(rng, Era.CANYON);
    List<Withdrawal> ws = List.of(new Withdrawal(1, 2, EngineFixtures.address(rng), 3), new Withdrawal(-1, 0, EngineFixtures.address(rng), -2));
    ExecutionPayload p = new ExecutionPayload(base.parentHash(), base.feeRecipient(), base.stateRoot(), base.receiptsRoot(),
        base.logsBloom(), base.prevRandao(), base.blockNumber(), base.gasLimit(), base.gasUsed(), base.timestamp(),
        base.extraData(), base.baseFeePerGas(), base.blockHash(), base.transactions(), Optional.of(ws),
        base.blobGasUsed(), base.excessBlobGas(), base.withdrawalsRoot());
    adapter.newPayload(new SendNewPayload(40, new ExecutionPayloadEnvelope(p, Optional.empty()), 2));
    sink.response(40);
    JsonNode written = stub.last().params().get(0).get("withdrawals");
    assertEquals(2, written.size());
    assertEquals("0xffffffffffffffff", written.get(1).get("index").textValue());
    assertEquals("0xfffffffffffffffe", written.get(1).get("amount").textValue());
    assertEquals(Set.of("index", "validatorIndex", "address", "amount"), names(written.get(0)));
  }

  private static void assertCommonEnvelope(StubEngine.Received r) {
    assertEquals("2.0", r.body().get("jsonrpc").textValue());
    assertTrue(r.body().get("id").isIntegralNumber());
    assertEquals(Set.of("jsonrpc", "id", "method", "params"), names(r.body()));
    assertTrue(r.authorization().startsWith("Bearer "), r.authorization());
    assertEquals("application/json", r.contentType());
  }

  private static void assertState(ForkchoiceState state, JsonNode json) {
    assertEquals(Set.of("headBlockHash", "safeBlockHash", "finalizedBlockHash"), names(json));
    assertEquals(state.headBlockHash().toHex(), json.get("headBlockHash").textValue());
    assertEquals(state.safeBlockHash().toHex(), json.get("safeBlockHash").textValue());
    assertEquals(state.finalizedBlockHash().toHex(), json.get("finalizedBlockHash").textValue());
  }

  private static void assertHexList(List<String> expected, JsonNode json) {
    List<String> actual = new ArrayList<>();
    json.forEach(n -> actual.add(n.textValue()));
    assertEquals(expected, actual);
  }

  static Set<String> names(JsonNode object) {
    Set<String> out = new TreeSet<>();
    Iterator<String> it = object.fieldNames();
    it.forEachRemaining(out::add);
    return out;
  }
}
