package dev.basalt.adapters.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.basalt.adapters.config.ChainRegistry;
import dev.basalt.adapters.engine.EngineFixtures.Era;
import dev.basalt.adapters.engine.StubEngine.Reply;
import dev.basalt.adapters.ring.EventSink;
import dev.basalt.core.command.FetchL2Block;
import dev.basalt.core.command.GetPayload;
import dev.basalt.core.command.SendForkchoiceUpdate;
import dev.basalt.core.command.SendNewPayload;
import dev.basalt.core.engine.ExecutionPayload;
import dev.basalt.core.engine.ExecutionPayloadEnvelope;
import dev.basalt.core.engine.ForkchoiceState;
import dev.basalt.core.engine.L2BlockSelector;
import dev.basalt.core.engine.PayloadAttributes;
import dev.basalt.core.engine.PayloadId;
import dev.basalt.core.event.EngineResponseReceived;
import dev.basalt.core.event.InputEvent;
import dev.basalt.core.types.Bytes;
import dev.basalt.core.types.Hash32;
import dev.basalt.testdata.gen.SimRng;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Loopback round trips through the whole adapter, per method: from the port call on the test
 * thread to the event's publication on the worker (request JSON, JWT, HTTP/1.1 to the Vert.x stub,
 * which checks the JWT and parses the request, response parsing and verification). One call at a
 * time after a warm-up; prints p50/p90/p99/max and writes them to
 * {@code target/engine-latency.txt}. Measures, asserts nothing about time.
 */
@Tag("slow")
class EngineLatencyTest {
  private static final int WARMUP = 1000;
  private static final int MEASURED = 2000;

  /** Stamps each event with the moment it was published. */
  private static final class TimingSink implements EventSink {
    record Stamped(InputEvent event, long nanos) {}

    final LinkedBlockingQueue<Stamped> queue = new LinkedBlockingQueue<>();

    @Override
    public boolean publish(InputEvent event) {
      queue.add(new Stamped(event, System.nanoTime()));
      return true;
    }

    @Override
    public boolean tryPublish(InputEvent event) {
      return publish(event);
    }
  }

  @Test
  void measureRoundTrips() throws Exception {
    SimRng rng = new SimRng(0x1a7);
    JsonNode realBlock = L2BlockJsonTest.opMainnetBlock(109279676);
    ExecutionPayload opSized = L2BlockJson.envelope(realBlock).payload();
    ExecutionPayload baseSized = withTxBytes(EngineFixtures.payload(rng, Era.ISTHMUS), rng, 130_000);
    String opGetPayload = getPayloadResult(opSized);
    String baseGetPayload = getPayloadResult(baseSized);
    String fcuResult = "{\"payloadStatus\":{\"status\":\"VALID\",\"latestValidHash\":\"" + Hash32.ZERO
        + "\",\"validationError\":null},\"payloadId\":\"0x0000000000000001\"}";
    JwtSecret secret = JwtSecret.generate();
    try (StubEngine stub = StubEngine.start(secret, r -> switch (r.method()) {
      case "engine_forkchoiceUpdatedV3" -> Reply.result(fcuResult);
      case "engine_newPayloadV4" -> Reply.result("{\"status\":\"VALID\",\"latestValidHash\":\"" + Hash32.ZERO + "\"}");
      case "engine_getPayloadV4" -> Reply.result(r.params().get(0).textValue().endsWith("1") ? opGetPayload : baseGetPayload);
      default -> Reply.result(realBlock);
    })) {
      TimingSink sink = new TimingSink();
      try (EngineAdapter adapter = EngineAdapter.open(EngineClientOptions.of(stub.url(), new JwtSource.Given(secret)),
          ChainRegistry.embedded().byChainId(10).orElseThrow().config(), sink)) {
        ForkchoiceState state = new ForkchoiceState(Hash32.ZERO, Hash32.ZERO, Hash32.ZERO);
        Optional<PayloadAttributes> attrs = Optional.of(EngineFixtures.attributes(rng, Era.JOVIAN));
        Hash32 root = Hash32.ZERO;
        List<String> lines = new ArrayList<>();
        lines.add(String.format("%-44s %8s %8s %8s %8s  (us, %d calls after %d warm-up)", "method", "p50", "p90", "p99",
            "max", MEASURED, WARMUP));
        lines.addAll(transports(stub, secret));
        lines.add(measure("engine_forkchoiceUpdatedV3 (no attributes)", sink, id -> adapter.forkchoiceUpdate(
            new SendForkchoiceUpdate(id, state))));
        lines.add(measure("engine_forkchoiceUpdatedV3 (Jovian attributes)", sink, id -> adapter.forkchoiceUpdate(
            new SendForkchoiceUpdate(id, state, attrs, 3))));
        lines.add(measure("engine_newPayloadV4 (OP-size, " + txBytes(opSized) / 1000 + " KB txs)", sink, id -> adapter.newPayload(
            new SendNewPayload(id, new ExecutionPayloadEnvelope(withIsthmusFields(opSized), Optional.of(root)), 4))));
        lines.add(measure("engine_newPayloadV4 (Base-size, " + txBytes(baseSized) / 1000 + " KB txs)", sink, id -> adapter.newPayload(
            new SendNewPayload(id, new ExecutionPayloadEnvelope(baseSized, Optional.of(root)), 4))));
        lines.add(measure("engine_getPayloadV4 (OP-size)", sink, id -> adapter.getPayload(
            new GetPayload(id, new PayloadId(1), 4))));
        lines.add(measure("engine_getPayloadV4 (Base-size)", sink, id -> adapter.getPayload(
            new GetPayload(id, new PayloadId(2), 4))));
        lines.add(measure("eth_getBlockByNumber (real OP block, verified)", sink, id -> adapter.fetchBlock(
            new FetchL2Block(id, new L2BlockSelector.ByNumber(109279676)))));
        lines.forEach(System.out::println);
        Path out = Path.of("target", "engine-latency.txt");
        Files.createDirectories(out.getParent());
        Files.write(out, lines);
      }
    }
  }

  /**
   * The transports alone, interleaved call by call so they share the machine's load: the same
   * small FCU request over a raw blocking socket (the floor), the JDK HttpClient the adapter uses,
   * and Vert.x's HttpClient (the alternative the adapter did not take). No JSON work, one token.
   */
  private static List<String> transports(StubEngine stub, JwtSecret secret) throws Exception {
    byte[] body = RpcEnvelope.request(1, "engine_forkchoiceUpdatedV3", EngineRequests.params(
        new SendForkchoiceUpdate(1, new ForkchoiceState(Hash32.ZERO, Hash32.ZERO, Hash32.ZERO))));
    String bearer = "Bearer " + new JwtSigner(secret).token();
    HttpClient jdk = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    HttpRequest request = HttpRequest.newBuilder(stub.url()).header("Content-Type", "application/json")
        .header("Authorization", bearer).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
    Vertx vertx = Vertx.vertx();
    io.vertx.core.http.HttpClient vx = vertx.createHttpClient(new HttpClientOptions().setTcpNoDelay(true).setKeepAlive(true));
    RequestOptions vxRequest = new RequestOptions().setMethod(HttpMethod.POST).setAbsoluteURI(stub.url().toString())
        .putHeader("Content-Type", "application/json").putHeader("Authorization", bearer);
    long[][] micros = new long[3][MEASURED];
    try (RawHttpBaseline raw = new RawHttpBaseline(stub.url(), bearer)) {
      for (int i = 0; i < WARMUP + MEASURED; i++) {
        long t0 = System.nanoTime();
        raw.call(body);
        long t1 = System.nanoTime();
        jdk.send(request, HttpResponse.BodyHandlers.ofByteArray());
        long t2 = System.nanoTime();
        CompletableFuture<Buffer> answer = new CompletableFuture<>();
        vx.request(vxRequest).compose(r -> r.send(Buffer.buffer(body))).compose(r -> r.body())
            .onComplete(ar -> answer.complete(ar.result()));
        answer.get(10, TimeUnit.SECONDS);
        long t3 = System.nanoTime();
        if (i >= WARMUP) {
          micros[0][i - WARMUP] = (t1 - t0) / 1000;
          micros[1][i - WARMUP] = (t2 - t1) / 1000;
          micros[2][i - WARMUP] = (t3 - t2) / 1000;
        }
      }
    } finally {
      jdk.shutdownNow();
      vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
    return List.of(row("transport: raw blocking socket (floor)", micros[0]),
        row("transport: JDK HttpClient.send alone", micros[1]),
        row("transport: Vert.x HttpClient alone", micros[2]));
  }

  private static String row(String name, long[] micros) {
    Arrays.sort(micros);
    return String.format("%-44s %8d %8d %8d %8d", name, micros[MEASURED / 2], micros[MEASURED * 9 / 10],
        micros[MEASURED * 99 / 100], micros[MEASURED - 1]);
  }

  private static String measure(String name, TimingSink sink, LongConsumer call) throws InterruptedException {
    long[] micros = new long[MEASURED];
    for (int i = 0; i < WARMUP + MEASURED; i++) {
      long start = System.nanoTime();
      call.accept(i);
      TimingSink.Stamped s = sink.queue.poll(10, TimeUnit.SECONDS);
      if (!(s != null && s.event() instanceof EngineResponseReceived r && r.correlationId() == i)) {
        throw new AssertionError(name + ": unexpected answer " + (s == null ? null : s.event()));
      }
      if (i >= WARMUP) {
        micros[i - WARMUP] = (s.nanos() - start) / 1000;
      }
    }
    return row(name, micros);
  }

  private static String getPayloadResult(ExecutionPayload p) {
    ObjectNode result = StubEngine.JSON.createObjectNode();
    result.set("executionPayload", EngineFixtures.payloadJson(withIsthmusFields(p)));
    result.put("blockValue", "0x0");
    ObjectNode bundle = result.putObject("blobsBundle");
    bundle.putArray("commitments");
    bundle.putArray("proofs");
    bundle.putArray("blobs");
    result.put("shouldOverrideBuilder", false);
    result.put("parentBeaconBlockRoot", Hash32.ZERO.toHex());
    result.putArray("executionRequests");
    return result.toString();
  }

  private static ExecutionPayload withIsthmusFields(ExecutionPayload p) {
    return new ExecutionPayload(p.parentHash(), p.feeRecipient(), p.stateRoot(), p.receiptsRoot(), p.logsBloom(),
        p.prevRandao(), p.blockNumber(), p.gasLimit(), p.gasUsed(), p.timestamp(), p.extraData(), p.baseFeePerGas(),
        p.blockHash(), p.transactions(), Optional.of(List.of()), OptionalLong.of(0), OptionalLong.of(0),
        Optional.of(Hash32.ZERO));
  }

  private static ExecutionPayload withTxBytes(ExecutionPayload p, SimRng rng, int totalBytes) {
    List<Bytes> txs = new ArrayList<>();
    int left = totalBytes;
    while (left > 0) {
      int n = Math.min(left, 150 + rng.nextInt(400));
      txs.add(Bytes.wrapOwned(rng.bytes(n)));
      left -= n;
    }
    return new ExecutionPayload(p.parentHash(), p.feeRecipient(), p.stateRoot(), p.receiptsRoot(), p.logsBloom(),
        p.prevRandao(), p.blockNumber(), p.gasLimit(), p.gasUsed(), p.timestamp(), p.extraData(), p.baseFeePerGas(),
        p.blockHash(), txs, p.withdrawals(), p.blobGasUsed(), p.excessBlobGas(), p.withdrawalsRoot());
  }

  private static int txBytes(ExecutionPayload p) {
    return p.transactions().stream().mapToInt(Bytes::length).sum();
  }
}
