package dev.basalt.adapters.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.basalt.adapters.engine.EngineFixtures.Era;
import dev.basalt.core.command.Command;
import dev.basalt.core.command.FetchL2Block;
import dev.basalt.core.command.GetPayload;
import dev.basalt.core.command.SendForkchoiceUpdate;
import dev.basalt.core.command.SendNewPayload;
import dev.basalt.core.engine.EngineResponse;
import dev.basalt.core.engine.ExecutionPayloadEnvelope;
import dev.basalt.core.engine.ExecutionStatus;
import dev.basalt.core.engine.ForkchoiceState;
import dev.basalt.core.engine.L2BlockSelector;
import dev.basalt.core.engine.PayloadId;
import dev.basalt.core.engine.PayloadStatus;
import dev.basalt.testdata.gen.SimRng;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The server side of the Engine API codec against the client side: every call the client can
 * send decodes back into the command it came from, and every result the server writes parses
 * back, through the client's parser, into the response it came from, for every fork era.
 */
class EngineServerCodecTest {
  private static final int ROUNDS = 20;

  /** The {@code params} array the client puts on the wire for {@code call}. */
  private static JsonNode params(String method, ParamsWriter writer) throws IOException {
    return RpcEnvelope.MAPPER.readTree(RpcEnvelope.request(1, method, writer)).get("params");
  }

  private static Command roundTrip(long id, String method, ParamsWriter writer) throws IOException {
    return EngineServerCodec.decode(id, method, params(method, writer));
  }

  private static JsonNode result(Command call, EngineResponse response, boolean full) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonGenerator gen = RpcEnvelope.MAPPER.getFactory().createGenerator(out)) {
      EngineServerCodec.writeResult(gen, call, response, full);
    }
    return RpcEnvelope.MAPPER.readTree(out.toByteArray());
  }

  private static Set<String> names(JsonNode object) {
    Set<String> out = new TreeSet<>();
    object.fieldNames().forEachRemaining(out::add);
    return out;
  }

  @ParameterizedTest
  @EnumSource(Era.class)
  void everyForkchoiceUpdateDecodesBackToItsCommand(Era era) throws IOException {
    SimRng rng = new SimRng(0x5e1 + era.ordinal());
    for (int i = 0; i < ROUNDS; i++) {
      ForkchoiceState state = new ForkchoiceState(EngineFixtures.hash(rng), EngineFixtures.hash(rng), EngineFixtures.hash(rng));
      SendForkchoiceUpdate withAttributes =
          new SendForkchoiceUpdate(i, state, Optional.of(EngineFixtures.attributes(rng, era)), era.forkchoiceVersion);
      assertEquals(withAttributes, roundTrip(i, EngineRequests.method(withAttributes), EngineRequests.params(withAttributes)));
      SendForkchoiceUpdate plain = new SendForkchoiceUpdate(i, state);
      assertEquals(plain, roundTrip(i, EngineRequests.method(plain), EngineRequests.params(plain)));
    }
  }

  @ParameterizedTest
  @EnumSource(Era.class)
  void everyNewPayloadAndGetPayloadDecodesBackToItsCommand(Era era) throws IOException {
    SimRng rng = new SimRng(0x5e2 + era.ordinal());
    for (int i = 0; i < ROUNDS; i++) {
      Optional<dev.basalt.core.types.Hash32> root = era.newPayloadVersion >= 3 ? Optional.of(EngineFixtures.hash(rng)) : Optional.empty();
      SendNewPayload np = new SendNewPayload(i, new ExecutionPayloadEnvelope(EngineFixtures.payload(rng, era), root), era.newPayloadVersion);
      assertEquals(np, roundTrip(i, EngineRequests.method(np), EngineRequests.params(np)));
      GetPayload gp = new GetPayload(i, new PayloadId(rng.nextLong()), era.getPayloadVersion);
      assertEquals(gp, roundTrip(i, EngineRequests.method(gp), EngineRequests.params(gp)));
    }
  }

  @Test
  void blockReadsDecodeToTheirSelectorAndTheFullTransactionsFlag() throws IOException {
    SimRng rng = new SimRng(0x5e3);
    List<L2BlockSelector> selectors = List.of(new L2BlockSelector.ByNumber(0), new L2BlockSelector.ByNumber(Long.MAX_VALUE),
        new L2BlockSelector.ByHash(EngineFixtures.hash(rng)), new L2BlockSelector.ByLabel(L2BlockSelector.Label.LATEST),
        new L2BlockSelector.ByLabel(L2BlockSelector.Label.SAFE), new L2BlockSelector.ByLabel(L2BlockSelector.Label.FINALIZED));
    for (L2BlockSelector s : selectors) {
      String method = EngineRequests.blockMethod(s);
      JsonNode params = params(method, EngineRequests.blockParams(s));
      assertEquals(new FetchL2Block(3, s), EngineServerCodec.decode(3, method, params));
      assertTrue(EngineServerCodec.fullTransactions(params));
    }
    JsonNode earliest = RpcEnvelope.MAPPER.readTree("[\"earliest\"]");
    assertEquals(new FetchL2Block(1, new L2BlockSelector.ByNumber(0)), EngineServerCodec.decode(1, "eth_getBlockByNumber", earliest));
    assertEquals(false, EngineServerCodec.fullTransactions(earliest), "absent means hashes only");
  }

  @Test
  void statusesAndForkchoiceResultsParseBackThroughTheClient() throws IOException {
    SimRng rng = new SimRng(0x5e4);
    SendForkchoiceUpdate call = new SendForkchoiceUpdate(1, new ForkchoiceState(EngineFixtures.hash(rng), EngineFixtures.hash(rng),
        EngineFixtures.hash(rng)));
    for (ExecutionStatus status : ExecutionStatus.values()) {
      for (PayloadStatus s : List.of(PayloadStatus.of(status),
          new PayloadStatus(status, Optional.of(EngineFixtures.hash(rng)), Optional.of("why: " + status)))) {
        EngineResponse.ForkchoiceUpdated fcu = new EngineResponse.ForkchoiceUpdated(s, Optional.of(new PayloadId(rng.nextLong())));
        assertEquals(fcu, EngineResults.forkchoiceUpdated(result(call, fcu, false)));
        EngineResponse.ForkchoiceUpdated noId = new EngineResponse.ForkchoiceUpdated(s, Optional.empty());
        JsonNode json = result(call, noId, false);
        assertEquals(noId, EngineResults.forkchoiceUpdated(json));
        assertEquals(Set.of("payloadStatus", "payloadId"), names(json));
        assertEquals(Set.of("status", "latestValidHash", "validationError"), names(json.get("payloadStatus")),
            "geth's PayloadStatusV1 writes all three, null when absent");
        EngineResponse.NewPayloadResult np = new EngineResponse.NewPayloadResult(s);
        assertEquals(np, EngineResults.newPayload(result(call, np, false)));
      }
    }
  }

  @ParameterizedTest
  @EnumSource(Era.class)
  void builtPayloadsParseBackWithTheShapeOfTheirVersion(Era era) throws IOException {
    SimRng rng = new SimRng(0x5e5 + era.ordinal());
    int version = era.getPayloadVersion;
    Optional<dev.basalt.core.types.Hash32> root = version >= 3 ? Optional.of(EngineFixtures.hash(rng)) : Optional.empty();
    EngineResponse.PayloadBuilt built = new EngineResponse.PayloadBuilt(new ExecutionPayloadEnvelope(EngineFixtures.payload(rng, era), root));
    JsonNode json = result(new GetPayload(1, new PayloadId(5), version), built, false);
    assertEquals(built, EngineResults.payloadBuilt(json, version));
    Set<String> expected = new TreeSet<>(Set.of("executionPayload", "blockValue"));
    if (version >= 3) {
      expected.addAll(Set.of("blobsBundle", "shouldOverrideBuilder", "parentBeaconBlockRoot"));
    }
    if (version >= 4) {
      expected.add("executionRequests");
    }
    assertEquals(expected, names(json), "getPayloadV" + version);
    assertEquals(names(EngineFixtures.payloadJson(built.envelope().payload())), names(json.get("executionPayload")),
        "the payload has exactly the fields op-geth prints for this fork");
  }

  @Test
  void attributesDefaultWhatOpGethLetsAClientOmitButNotTheGasLimit() throws IOException {
    SimRng rng = new SimRng(0x5e6);
    SendForkchoiceUpdate full = new SendForkchoiceUpdate(1, new ForkchoiceState(EngineFixtures.hash(rng), EngineFixtures.hash(rng),
        EngineFixtures.hash(rng)), Optional.of(EngineFixtures.attributes(rng, Era.BEDROCK)), 1);
    JsonNode params = params(EngineRequests.method(full), EngineRequests.params(full));
    ObjectNode attributes = (ObjectNode) params.get(1);
    attributes.remove("transactions");
    attributes.remove("noTxPool");
    SendForkchoiceUpdate decoded = (SendForkchoiceUpdate) EngineServerCodec.decode(1, "engine_forkchoiceUpdatedV1", params);
    assertEquals(List.of(), decoded.attributes().orElseThrow().transactions());
    assertEquals(false, decoded.attributes().orElseThrow().noTxPool());

    attributes.remove("gasLimit");
    EngineCallException e = assertThrows(EngineCallException.class,
        () -> EngineServerCodec.decode(1, "engine_forkchoiceUpdatedV1", params));
    assertEquals(EngineCallException.INVALID_PARAMS, e.code());
    assertTrue(e.getMessage().contains("params[1].gasLimit"), e.getMessage());
  }

  @Test
  void unknownMethodsAndBadParamsAreJsonRpcErrorsNamingTheProblem() throws IOException {
    JsonNode none = RpcEnvelope.MAPPER.readTree("[]");
    for (String m : List.of("engine_getPayloadV1", "engine_newPayloadV1", "engine_forkchoiceUpdatedV4", "eth_sendRawTransaction")) {
      assertEquals(EngineCallException.METHOD_NOT_FOUND,
          assertThrows(EngineCallException.class, () -> EngineServerCodec.decode(1, m, none)).code(), m);
    }
    EngineCallException missing = assertThrows(EngineCallException.class, () -> EngineServerCodec.decode(1, "engine_getPayloadV3", none));
    assertEquals(EngineCallException.INVALID_PARAMS, missing.code());
    JsonNode shortId = RpcEnvelope.MAPPER.readTree("[\"0x0102\"]");
    EngineCallException bad = assertThrows(EngineCallException.class, () -> EngineServerCodec.decode(1, "engine_getPayloadV3", shortId));
    assertTrue(bad.getMessage().contains("params[0]: expected 8 bytes"), bad.getMessage());
    JsonNode nullRoot = RpcEnvelope.MAPPER.readTree("[" + EngineFixtures.payloadJson(EngineFixtures.payload(new SimRng(1), Era.ECOTONE))
        + ", [], null]");
    EngineCallException noRoot = assertThrows(EngineCallException.class, () -> EngineServerCodec.decode(1, "engine_newPayloadV3", nullRoot));
    assertTrue(noRoot.getMessage().contains("params[2]"), noRoot.getMessage());
  }
}
