package dev.basalt.adapters.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.basalt.adapters.config.ChainRegistry;
import dev.basalt.adapters.engine.StubEngine.Reply;
import dev.basalt.core.command.FetchEngineHeads;
import dev.basalt.core.command.FetchL2Block;
import dev.basalt.core.config.ChainGenesis;
import dev.basalt.core.config.RollupConfig;
import dev.basalt.core.engine.EngineResponse;
import dev.basalt.core.engine.L2BlockSelector;
import dev.basalt.core.event.FailureKind;
import dev.basalt.core.types.BlockId;
import dev.basalt.core.types.Hash32;
import dev.basalt.core.types.L2BlockRef;
import java.net.ServerSocket;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The L2 reads through the adapter: {@code FetchL2Block} by number, hash and label (request shape,
 * verified conversion, {@code null} as an empty answer, errors), {@code FetchEngineHeads} decoded
 * into refs with the genesis fallback, and the startup handshake.
 */
class EngineReadsTest {
  private static final RollupConfig OP_MAINNET = ChainRegistry.embedded().byChainId(10).orElseThrow().config();

  private interface Body {
    void run(StubEngine stub, EngineAdapter adapter, RecordingSink sink) throws Exception;
  }

  private static void withStub(RollupConfig rollup, Function<StubEngine.Received, Reply> responder, Body body) throws Exception {
    JwtSecret secret = JwtSecret.generate();
    try (StubEngine stub = StubEngine.start(secret, responder)) {
      RecordingSink sink = new RecordingSink();
      try (EngineAdapter adapter = EngineAdapter.open(EngineClientOptions.of(stub.url(), new JwtSource.Given(secret)), rollup, sink)) {
        body.run(stub, adapter, sink);
      }
    }
  }

  /** Serves real blocks by number, hash and label; unknown blocks are {@code null}. */
  private static Reply serve(StubEngine.Received r, Map<String, JsonNode> byKey) {
    JsonNode block = byKey.get(r.params().get(0).textValue());
    return block == null ? Reply.result("null") : Reply.result(block);
  }

  private static Map<String, JsonNode> blocks(long... numbers) {
    Map<String, JsonNode> out = new ConcurrentHashMap<>();
    for (long n : numbers) {
      JsonNode b = L2BlockJsonTest.opMainnetBlock(n);
      out.put("0x" + Long.toHexString(n), b);
      out.put(b.get("hash").textValue(), b);
    }
    return out;
  }

  @Test
  void blocksByNumberHashAndLabel() throws Exception {
    Map<String, JsonNode> known = blocks(109279680, 109279681);
    known.put("safe", known.get("0x" + Long.toHexString(109279681)));
    withStub(OP_MAINNET, r -> serve(r, known), (stub, adapter, sink) -> {
      adapter.fetchBlock(new FetchL2Block(1, new L2BlockSelector.ByNumber(109279680)));
      EngineResponse.L2Block byNumber = assertInstanceOf(EngineResponse.L2Block.class, sink.response(1));
      assertEquals(109279680, byNumber.block().orElseThrow().payload().blockNumber());
      assertEquals("eth_getBlockByNumber", stub.last().method());
      assertEquals("[\"0x" + Long.toHexString(109279680) + "\",true]", stub.last().params().toString());

      Hash32 hash = byNumber.block().orElseThrow().payload().blockHash();
      adapter.fetchBlock(new FetchL2Block(2, new L2BlockSelector.ByHash(hash)));
      assertEquals(byNumber, sink.response(2));
      assertEquals("eth_getBlockByHash", stub.last().method());
      assertEquals("[\"" + hash.toHex() + "\",true]", stub.last().params().toString());

      adapter.fetchBlock(new FetchL2Block(3, new L2BlockSelector.ByLabel(L2BlockSelector.Label.SAFE)));
      assertEquals(109279681, ((EngineResponse.L2Block) sink.response(3)).block().orElseThrow().payload().blockNumber());
      assertEquals("[\"safe\",true]", stub.last().params().toString());

      adapter.fetchBlock(new FetchL2Block(4, new L2BlockSelector.ByLabel(L2BlockSelector.Label.FINALIZED)));
      assertEquals(new EngineResponse.L2Block(Optional.empty()), sink.response(4));
      assertEquals("[\"finalized\",true]", stub.last().params().toString());
      adapter.fetchBlock(new FetchL2Block(5, new L2BlockSelector.ByLabel(L2BlockSelector.Label.LATEST)));
      sink.response(5);
      assertEquals("[\"latest\",true]", stub.last().params().toString());
    });
  }

  @Test
  void aBlockThatDoesNotVerifyOrAnErrorIsAFailure() throws Exception {
    ObjectNode bad = L2BlockJsonTest.opMainnetBlock(109279682).deepCopy();
    bad.put("stateRoot", Hash32.ZERO.toHex());
    withStub(OP_MAINNET, r -> r.params().get(0).textValue().equals("latest")
        ? Reply.result(bad) : new Reply.Error(-32000, "header not found"), (stub, adapter, sink) -> {
          adapter.fetchBlock(new FetchL2Block(1, new L2BlockSelector.ByLabel(L2BlockSelector.Label.LATEST)));
          assertTrue(sink.failure(1, FailureKind.INVALID_RESPONSE).detail().startsWith("eth_getBlockByNumber: result.hash"));
          adapter.fetchBlock(new FetchL2Block(2, new L2BlockSelector.ByNumber(5)));
          assertTrue(sink.failure(2, FailureKind.REMOTE_ERROR).detail().contains("header not found"));
        });
  }

  @Test
  void headsAreDecodedIntoRefs() throws Exception {
    Map<String, JsonNode> known = blocks(109279689, 109279681, 109279675);
    known.put("latest", known.get("0x" + Long.toHexString(109279689)));
    known.put("safe", known.get("0x" + Long.toHexString(109279681)));
    known.put("finalized", known.get("0x" + Long.toHexString(109279675)));
    withStub(OP_MAINNET, r -> serve(r, known), (stub, adapter, sink) -> {
      adapter.fetchHeads(new FetchEngineHeads(9));
      EngineResponse.Heads heads = assertInstanceOf(EngineResponse.Heads.class, sink.response(9));
      JsonNode expected = EngineFixtures.vector("j-real-derivation/op-mainnet-l1-18090205-18090218/expected.json")
          .get("expected_l2_blocks");
      assertRef(expected, 109279689, heads.unsafe());
      assertRef(expected, 109279681, heads.safe());
      assertRef(expected, 109279675, heads.finalized());
      assertEquals(3, stub.received().size());
      assertEquals(1, sink.answersFor(9));
    });
  }

  @Test
  void unsetSafeAndFinalizedFallBackToGenesis() throws Exception {
    // A chain whose genesis is the fixture's start block, so the fallback block exists.
    JsonNode start = L2BlockJsonTest.opMainnetBlock(109279674);
    BlockId l2Genesis = new BlockId(Hash32.fromHex(start.get("hash").textValue()), 109279674);
    ChainGenesis g = OP_MAINNET.genesis();
    RollupConfig rollup = withGenesis(OP_MAINNET, new ChainGenesis(g.l1(), l2Genesis, 1694158125, g.systemConfig()));
    Map<String, JsonNode> known = blocks(109279674, 109279689);
    known.put("latest", known.get("0x" + Long.toHexString(109279689)));
    withStub(rollup, r -> serve(r, known), (stub, adapter, sink) -> {
      adapter.fetchHeads(new FetchEngineHeads(1));
      EngineResponse.Heads heads = assertInstanceOf(EngineResponse.Heads.class, sink.response(1));
      L2BlockRef genesisRef = new L2BlockRef(l2Genesis.hash(), l2Genesis.number(),
          Hash32.fromHex(start.get("parentHash").textValue()), 1694158125, g.l1(), 0);
      assertEquals(genesisRef, heads.safe());
      assertEquals(genesisRef, heads.finalized());
      assertEquals(5, stub.received().size(), "three labels, two genesis reads by hash");
    });
  }

  @Test
  void headsFailOnceWhenAnythingFails() throws Exception {
    Map<String, JsonNode> known = blocks(109279689);
    known.put("safe", known.get("0x" + Long.toHexString(109279689)));
    withStub(OP_MAINNET, r -> serve(r, known), (stub, adapter, sink) -> {
      adapter.fetchHeads(new FetchEngineHeads(1));
      String detail = sink.failure(1, FailureKind.NOT_FOUND).detail();
      // Reads run concurrently: the missing latest block or the missing genesis (read by hash for the
      // absent finalized label) may be the one reported; either way the whole fetch fails once.
      assertTrue(detail.contains("latest block") || detail.contains("genesis block (finalized fallback)"), detail);
    });
    withStub(OP_MAINNET, r -> new Reply.Raw(500, "oops"), (stub, adapter, sink) -> {
      adapter.fetchHeads(new FetchEngineHeads(2));
      sink.failure(2, FailureKind.REMOTE_ERROR);
      while (stub.received().size() < 3) {
        Thread.sleep(5);
      }
      Thread.sleep(100);
      assertEquals(1, sink.answersFor(2), "three failures, one answer");
    });
  }

  @Test
  void handshakeReportsReadinessAndMissingMethods() throws Exception {
    withStub(OP_MAINNET, r -> Reply.result("[\"engine_forkchoiceUpdatedV3\",\"engine_newPayloadV4\",\"engine_getPayloadV4\"]"),
        (stub, adapter, sink) -> {
          HandshakeResult.Ready ready = assertInstanceOf(HandshakeResult.Ready.class, adapter.handshake());
          assertTrue(ready.ok());
          assertTrue(ready.missing().contains("engine_getPayloadV5"));
          assertTrue(ready.describe().contains("lacks"), ready.describe());
          assertEquals("engine_exchangeCapabilities", stub.last().method());
          assertEquals(EngineRequests.CAPABILITIES.size(), stub.last().params().get(0).size());
        });
    withStub(OP_MAINNET, r -> new Reply.Error(-32601, "the method does not exist"), (stub, adapter, sink) ->
        assertInstanceOf(HandshakeResult.Rejected.class, adapter.handshake()));
  }

  @Test
  void handshakeNamesAWrongSecretAndAMissingEngine() throws Exception {
    try (StubEngine stub = StubEngine.start(JwtSecret.generate(), r -> Reply.result("[]"));
        EngineAdapter adapter = EngineAdapter.open(EngineClientOptions.of(stub.url(), new JwtSource.Given(JwtSecret.generate())),
            OP_MAINNET, new RecordingSink())) {
      HandshakeResult result = adapter.handshake();
      assertInstanceOf(HandshakeResult.Unauthorized.class, result);
      assertTrue(result.describe().contains("same secret"), result.describe());
    }
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    try (EngineAdapter adapter = EngineAdapter.open(EngineClientOptions.of(URI.create("http://127.0.0.1:" + port),
        new JwtSource.Given(JwtSecret.generate())), OP_MAINNET, new RecordingSink())) {
      HandshakeResult result = adapter.handshake();
      assertInstanceOf(HandshakeResult.Unreachable.class, result);
      assertTrue(!result.ok() && result.describe().contains("unreachable"), result.describe());
    }
  }

  private static void assertRef(JsonNode expected, long number, L2BlockRef ref) {
    for (JsonNode e : expected) {
      if (e.get("number").longValue() == number) {
        assertEquals(e.get("hash").textValue(), ref.hash().toHex());
        assertEquals(number, ref.number());
        assertEquals(e.get("parentHash").textValue(), ref.parentHash().toHex());
        assertEquals(e.get("timestamp").longValue(), ref.timestamp());
        assertEquals(e.get("l1_origin").get("number").longValue(), ref.l1Origin().number());
        assertEquals(e.get("l1_origin").get("hash").textValue(), ref.l1Origin().hash().toHex());
        assertEquals(e.get("sequence_number").longValue(), ref.sequenceNumber());
        return;
      }
    }
    throw new AssertionError("no expected block " + number);
  }

  private static RollupConfig withGenesis(RollupConfig c, ChainGenesis genesis) {
    return new RollupConfig(c.l1ChainId(), c.l2ChainId(), genesis, c.blockTimeSeconds(), c.maxSequencerDriftSeconds(),
        c.seqWindowSize(), c.channelTimeoutBedrock(), c.batchInboxAddress(), c.depositContractAddress(),
        c.l1SystemConfigAddress(), c.forks(), c.pectraBlobScheduleTime(), c.eip1559(), c.keepKarstUpgradeGas(),
        c.protocolVersionsAddress(), c.unsupportedFeatures());
  }
}
