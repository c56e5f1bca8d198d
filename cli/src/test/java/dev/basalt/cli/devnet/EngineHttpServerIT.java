package dev.basalt.cli.devnet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.basalt.adapters.engine.EngineAdapter;
import dev.basalt.adapters.engine.EngineClientOptions;
import dev.basalt.adapters.engine.EngineHandshake;
import dev.basalt.adapters.engine.EngineServerCodec;
import dev.basalt.adapters.engine.HandshakeResult;
import dev.basalt.adapters.engine.JsonRpcClient;
import dev.basalt.adapters.engine.JwtSecret;
import dev.basalt.adapters.engine.JwtSigner;
import dev.basalt.adapters.engine.JwtSource;
import dev.basalt.core.command.Command;
import dev.basalt.core.command.FetchL2Block;
import dev.basalt.core.command.GetPayload;
import dev.basalt.core.command.SendForkchoiceUpdate;
import dev.basalt.core.command.SendNewPayload;
import dev.basalt.core.config.Fork;
import dev.basalt.core.config.RollupConfig;
import dev.basalt.core.engine.EngineResponse;
import dev.basalt.core.engine.EngineVersions;
import dev.basalt.core.engine.ExecutionPayload;
import dev.basalt.core.engine.ExecutionPayloadEnvelope;
import dev.basalt.core.engine.ExecutionStatus;
import dev.basalt.core.engine.ForkchoiceState;
import dev.basalt.core.engine.L2BlockSelector;
import dev.basalt.core.engine.PayloadAttributes;
import dev.basalt.core.engine.PayloadId;
import dev.basalt.core.event.EngineResponseReceived;
import dev.basalt.core.event.FailureKind;
import dev.basalt.core.event.InputEvent;
import dev.basalt.core.event.RequestFailed;
import dev.basalt.core.types.Bytes;
import dev.basalt.core.types.Hash32;
import dev.basalt.testdata.world.SimWorld;
import dev.basalt.testdata.world.SimWorldConfig;
import dev.basalt.testdata.world.fault.Fault;
import dev.basalt.testdata.world.rollup.TrueBlock;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The real Engine API client against the world's engine over HTTP, beside a twin world answering
 * the same commands in-process: every forkchoice update, build, seal, insert and block read of a
 * chain from Bedrock through Karst gets the same answer both ways (so the server decodes and
 * encodes exactly what the client writes and parses), errors and faults included; the JWT check
 * refuses wrong secrets, missing tokens and stale ones.
 */
class EngineHttpServerIT {
  private static final long GENESIS = 1_700_000_000L;
  private static final JwtSecret SECRET = JwtSecret.generate();

  private SimWorld overHttp;
  private SimWorld inProcess;
  private EngineHttpServer server;
  private Sink sink;
  private EngineAdapter adapter;
  private final AtomicLong ids = new AtomicLong(100);

  static SimWorldConfig config() {
    return SimWorldConfig.defaults(23).withForks(SimWorldConfig.successive(GENESIS, 20)).withActivity(2, 50, 20, 1);
  }

  @BeforeEach
  void start() throws Exception {
    overHttp = SimWorld.create(config());
    inProcess = SimWorld.create(config());
    long end = GENESIS + 20L * Fork.values().length + 30;
    overHttp.advanceTo(end);
    inProcess.advanceTo(end);
    server = EngineHttpServer.start(overHttp, SECRET, 0);
    sink = new Sink();
    adapter = EngineAdapter.open(EngineClientOptions.of(server.url(), new JwtSource.Given(SECRET)), overHttp.rollupConfig(), sink);
  }

  @AfterEach
  void stop() {
    adapter.close();
    server.close();
  }

  /** Sends {@code command} both ways and checks the answers agree; returns the answer. */
  private InputEvent both(Command command) {
    switch (command) {
      case SendForkchoiceUpdate c -> adapter.forkchoiceUpdate(c);
      case SendNewPayload c -> adapter.newPayload(c);
      case GetPayload c -> adapter.getPayload(c);
      case FetchL2Block c -> adapter.fetchBlock(c);
      default -> throw new IllegalArgumentException(command.toString());
    }
    InputEvent http = sink.take();
    List<InputEvent> local = inProcess.handle(command);
    assertEquals(local.stream().map(EngineHttpServerIT::comparable).toList(), List.of(comparable(http)), () -> "answers to " + command);
    return http;
  }

  /**
   * The answer as compared: invalid-params errors by code only, because over HTTP the server's
   * decoder words them (naming the JSON path) where in-process the fake engine does.
   */
  private static InputEvent comparable(InputEvent e) {
    if (e instanceof EngineResponseReceived r && r.response() instanceof EngineResponse.RpcError err && err.code() == -32602) {
      return new EngineResponseReceived(r.correlationId(), new EngineResponse.RpcError(err.code(), ""));
    }
    return e;
  }

  private EngineResponse response(Command command) {
    return assertInstanceOf(EngineResponseReceived.class, both(command)).response();
  }

  private long id() {
    return ids.incrementAndGet();
  }

  /** Attributes that rebuild {@code block} on its parent (the rollup fields read back from the payload). */
  static PayloadAttributes attributesOf(RollupConfig rollup, ExecutionPayloadEnvelope block) {
    ExecutionPayload p = block.payload();
    long t = p.timestamp();
    Optional<Bytes> eip1559 = rollup.isActive(Fork.HOLOCENE, t) ? Optional.of(p.extraData().slice(1, 8)) : Optional.empty();
    OptionalLong minBaseFee = OptionalLong.empty();
    if (rollup.isActive(Fork.JOVIAN, t)) {
      minBaseFee = OptionalLong.of(new java.math.BigInteger(1, p.extraData().slice(9, 8).toArray()).longValue());
    }
    return new PayloadAttributes(t, p.prevRandao(), p.feeRecipient(), p.withdrawals(), block.parentBeaconBlockRoot(),
        p.transactions(), true, p.gasLimit(), eip1559, minBaseFee);
  }

  @Test
  void buildSealInsertAndReadTheWholeChainTheSameWayOverHttpAsInProcess() {
    RollupConfig rollup = overHttp.rollupConfig();
    List<TrueBlock> chain = overHttp.trueChain().blocks();
    Hash32 genesis = chain.get(0).envelope().payload().blockHash();
    response(new FetchL2Block(id(), new L2BlockSelector.ByLabel(L2BlockSelector.Label.LATEST)));
    for (int i = 1; i < chain.size(); i++) {
      int n = i;
      ExecutionPayloadEnvelope truth = chain.get(i).envelope();
      long t = truth.payload().timestamp();
      Hash32 parent = truth.payload().parentHash();
      if (i % 2 == 0) {
        // Build and seal on the same parent; the sibling is inserted too, the chain follows the truth.
        var started = (EngineResponse.ForkchoiceUpdated) response(new SendForkchoiceUpdate(id(),
            new ForkchoiceState(parent, genesis, genesis), Optional.of(attributesOf(rollup, truth)),
            EngineVersions.forkchoiceUpdated(rollup, t, true)));
        assertEquals(ExecutionStatus.VALID, started.status().status(), "block " + i);
        var built = (EngineResponse.PayloadBuilt) response(new GetPayload(id(), started.payloadId().orElseThrow(),
            EngineVersions.getPayload(rollup, t)));
        var sealed = (EngineResponse.NewPayloadResult) response(new SendNewPayload(id(), built.envelope(),
            EngineVersions.newPayload(rollup, t)));
        assertEquals(ExecutionStatus.VALID, sealed.status().status(), () -> "built block " + n + ": " + sealed);
      }
      ExecutionPayloadEnvelope block = truth;
      var inserted = (EngineResponse.NewPayloadResult) response(new SendNewPayload(id(), block, EngineVersions.newPayload(rollup, t)));
      assertEquals(ExecutionStatus.VALID, inserted.status().status(), () -> "block " + truth.payload().blockNumber() + ": " + inserted);
      Hash32 head = block.payload().blockHash();
      var fcu = (EngineResponse.ForkchoiceUpdated) response(new SendForkchoiceUpdate(id(), new ForkchoiceState(head, parent, genesis)));
      assertEquals(ExecutionStatus.VALID, fcu.status().status());
      var read = (EngineResponse.L2Block) response(new FetchL2Block(id(), new L2BlockSelector.ByHash(head)));
      assertEquals(Optional.of(block), read.block(), "the block reads back byte for byte");
    }
    for (L2BlockSelector s : List.of(new L2BlockSelector.ByLabel(L2BlockSelector.Label.LATEST),
        new L2BlockSelector.ByLabel(L2BlockSelector.Label.SAFE), new L2BlockSelector.ByLabel(L2BlockSelector.Label.FINALIZED),
        new L2BlockSelector.ByNumber(chain.size() / 2), new L2BlockSelector.ByNumber(chain.size() + 100))) {
      response(new FetchL2Block(id(), s));
    }
    assertTrue(server.calls() > 4L * chain.size(), "every call went over HTTP: " + server.calls());
  }

  @Test
  void engineErrorsAndFaultsAnswerTheSameBothWays() {
    RollupConfig rollup = overHttp.rollupConfig();
    ExecutionPayloadEnvelope first = overHttp.trueChain().blocks().get(1).envelope();
    long t = first.payload().timestamp();
    var unknown = (EngineResponse.RpcError) response(new GetPayload(id(), new PayloadId(42), EngineVersions.getPayload(rollup, t)));
    assertEquals(-38001, unknown.code());
    var wrongFork = (EngineResponse.RpcError) response(new SendNewPayload(id(), first, EngineVersions.newPayload(rollup, t) == 2 ? 4 : 2));
    assertEquals(-32602, wrongFork.code(), "a V3+ call without a beacon root is invalid params, as op-geth answers it");
    var ecotoneFirst = overHttp.trueChain().blocks().stream().map(TrueBlock::envelope)
        .filter(e -> e.parentBeaconBlockRoot().isPresent() && EngineVersions.newPayload(rollup, e.payload().timestamp()) == 3)
        .findFirst().orElseThrow();
    var tooNew = (EngineResponse.RpcError) response(new SendNewPayload(id(), ecotoneFirst, 4));
    assertEquals(-38005, tooNew.code(), "a V4 call for an Ecotone payload is an unsupported fork");
    Hash32 nowhere = Hash32.wrap(new byte[32]);
    var syncing = (EngineResponse.ForkchoiceUpdated) response(new SendForkchoiceUpdate(id(), new ForkchoiceState(
        Hash32.fromHex("0x" + "ab".repeat(32)), nowhere, nowhere)));
    assertEquals(ExecutionStatus.SYNCING, syncing.status().status());

    for (SimWorld w : List.of(overHttp, inProcess)) {
      w.engineResponder().faults().add(c -> c instanceof GetPayload, Fault.Fail.rpcError(-32000, "engine busy"), 1);
      w.engineResponder().faults().add(c -> c instanceof SendNewPayload, new Fault.Delay(300), 1);
    }
    var busy = (EngineResponse.RpcError) response(new GetPayload(id(), new PayloadId(1), EngineVersions.getPayload(rollup, t)));
    assertEquals(-32000, busy.code());
    long before = System.nanoTime();
    adapter.newPayload(new SendNewPayload(id(), first, EngineVersions.newPayload(rollup, t)));
    assertInstanceOf(EngineResponseReceived.class, sink.take());
    assertTrue(System.nanoTime() - before >= 290_000_000L, "the delay is real latency on the wire");
  }

  @Test
  void droppedAndTimedOutCallsFailAsTransportAndTimeoutAndADropStillTakesEffect() throws Exception {
    ExecutionPayloadEnvelope first = overHttp.trueChain().blocks().get(1).envelope();
    RollupConfig rollup = overHttp.rollupConfig();
    Sink quickSink = new Sink();
    try (EngineAdapter quick = EngineAdapter.open(EngineClientOptions.of(server.url(), new JwtSource.Given(SECRET))
        .withTimeout(Duration.ofMillis(400)), rollup, quickSink)) {
      overHttp.engineResponder().faults().add(c -> c instanceof SendNewPayload, new Fault.Drop(), 1);
      quick.newPayload(new SendNewPayload(id(), first, EngineVersions.newPayload(rollup, first.payload().timestamp())));
      assertEquals(FailureKind.TRANSPORT, assertInstanceOf(RequestFailed.class, quickSink.take()).kind());
      quick.fetchBlock(new FetchL2Block(id(), new L2BlockSelector.ByHash(first.payload().blockHash())));
      var read = (EngineResponse.L2Block) assertInstanceOf(EngineResponseReceived.class, quickSink.take()).response();
      assertEquals(Optional.of(first), read.block(), "the dropped newPayload was applied");

      overHttp.engineResponder().faults().add(c -> c instanceof FetchL2Block, new Fault.Timeout(), 1);
      quick.fetchBlock(new FetchL2Block(id(), new L2BlockSelector.ByNumber(0)));
      assertEquals(FailureKind.TIMEOUT, assertInstanceOf(RequestFailed.class, quickSink.take()).kind());
    }
  }

  @Test
  void theJwtCheckAcceptsTheSharedSecretOnlyAndTheHandshakeSaysWhy() throws Exception {
    HandshakeResult ready = adapter.handshake();
    var r = assertInstanceOf(HandshakeResult.Ready.class, ready, ready::describe);
    assertEquals(EngineServerCodec.ENGINE_METHODS, r.engineCapabilities());
    assertEquals(List.of(), r.missing());

    try (JsonRpcClient wrong = JsonRpcClient.of(EngineClientOptions.of(server.url(), new JwtSource.Given(JwtSecret.generate())))) {
      assertInstanceOf(HandshakeResult.Unauthorized.class, EngineHandshake.run(wrong, server.url()));
    }
    InstantSource twoMinutesSlow = InstantSource.fixed(Instant.now().minusSeconds(120));
    try (JsonRpcClient stale = new JsonRpcClient(server.url(), new JwtSigner(SECRET, twoMinutesSlow), Duration.ofSeconds(5), 1)) {
      assertInstanceOf(HandshakeResult.Unauthorized.class, EngineHandshake.run(stale, server.url()));
    }
    HttpResponse<String> noToken = HttpClient.newHttpClient().send(HttpRequest.newBuilder(server.url())
        .POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_chainId\",\"params\":[]}")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertEquals(401, noToken.statusCode());
    assertEquals("missing token", noToken.body());
    assertEquals(3, server.rejected());
  }

  /** Records what the adapter publishes. */
  static final class Sink implements dev.basalt.adapters.ring.EventSink {
    private final java.util.concurrent.LinkedBlockingQueue<InputEvent> events = new java.util.concurrent.LinkedBlockingQueue<>();

    @Override
    public boolean publish(InputEvent event) {
      return events.add(event);
    }

    @Override
    public boolean tryPublish(InputEvent event) {
      return publish(event);
    }

    InputEvent take() {
      try {
        InputEvent e = events.poll(20, java.util.concurrent.TimeUnit.SECONDS);
        if (e == null) {
          throw new AssertionError("no answer within 20 s");
        }
        return e;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }
}
