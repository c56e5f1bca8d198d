package dev.basalt.adapters.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.basalt.adapters.config.RollupJsonParser;
import dev.basalt.adapters.ring.EventSink;
import dev.basalt.adapters.safedb.SafeHeadAtL1;
import dev.basalt.adapters.status.StatusBoard;
import dev.basalt.core.command.RespondRpc;
import dev.basalt.core.config.RollupConfig;
import dev.basalt.core.engine.ExecutionPayload;
import dev.basalt.core.engine.ExecutionPayloadEnvelope;
import dev.basalt.core.event.AdminRequestReceived;
import dev.basalt.core.event.InputEvent;
import dev.basalt.core.heads.SyncStatus;
import dev.basalt.core.rpc.RpcOutcome;
import dev.basalt.core.types.Address;
import dev.basalt.core.types.BlockId;
import dev.basalt.core.types.Bytes;
import dev.basalt.core.types.Hash32;
import dev.basalt.core.types.L1BlockRef;
import dev.basalt.core.types.L2BlockRef;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A server over fake backends: a status board holding {@link #STATUS}, OP Mainnet's rollup config
 * (optionally with every fork through Isthmus at genesis), an engine that knows blocks by number,
 * a safe-head table and a "core" that answers admin requests at once (recording them).
 */
final class RpcHarness implements AutoCloseable {
  static final ObjectMapper JSON = new ObjectMapper();

  static final SyncStatus STATUS = new SyncStatus(
      l1(100), l1(120), l1(110), l1(90),
      l2(1010, 99), l2(1005, 98), l2(1004, 98), l2(1003, 97), l2(1000, 90));

  final StatusBoard board = new StatusBoard();
  final RollupConfig rollup;
  final List<ExecutionPayloadEnvelope> engineBlocks = new CopyOnWriteArrayList<>();
  final List<Long> proofsAsked = new CopyOnWriteArrayList<>();
  final List<InputEvent> coreInputs = new CopyOnWriteArrayList<>();
  final List<String> logLevels = new CopyOnWriteArrayList<>();
  volatile Function<AdminRequestReceived, RpcOutcome> core = r -> new RpcOutcome.Success("null");
  volatile Hash32 proofAnswer = Hash32.fromHex("0x" + "ab".repeat(32));
  final CoreBridge bridge = new CoreBridge();
  final RpcServer server;
  final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  RpcHarness(boolean admin) {
    this(RpcOptions.defaults().withPort(0).withAdmin(admin).withCrossUnsafeL2(true), false);
  }

  RpcHarness(RpcOptions options, boolean isthmusAtGenesis) {
    board.publish(STATUS);
    rollup = opMainnet(isthmusAtGenesis);
    bridge.attach(new EventSink() {
      @Override
      public boolean publish(InputEvent event) {
        return tryPublish(event);
      }

      @Override
      public boolean tryPublish(InputEvent event) {
        coreInputs.add(event);
        if (event instanceof AdminRequestReceived r) {
          RpcOutcome outcome = core.apply(r);
          CompletableFuture.runAsync(() -> bridge.respond(new RespondRpc(r.requestId(), outcome)));
        }
        return true;
      }
    });
    L2Reader l2 = new L2Reader() {
      @Override
      public CompletableFuture<Optional<ExecutionPayloadEnvelope>> payloadByNumber(long number) {
        return CompletableFuture.supplyAsync(() -> engineBlocks.stream()
            .filter(b -> b.payload().blockNumber() == number).findFirst());
      }

      @Override
      public CompletableFuture<Hash32> messagePasserStorageRoot(Hash32 blockHash, Hash32 stateRoot) {
        proofsAsked.add(1L);
        return CompletableFuture.completedFuture(proofAnswer);
      }
    };
    SafeHeadReader safeHeads = l1Number -> l1Number < 50 ? Optional.empty()
        : Optional.of(new SafeHeadAtL1(new BlockId(hash(l1Number), l1Number), l2(2 * l1Number, l1Number)));
    RpcBackends backends = new RpcBackends(board, rollup, "v1.2.3-test", Optional.of(safeHeads), l2, bridge,
        level -> {
          if (!List.of("trace", "debug", "info", "warn", "error", "crit").contains(level)) {
            throw new IllegalArgumentException("unknown level " + level);
          }
          logLevels.add(level);
        });
    server = RpcServer.start(options, backends, RpcObserver.NONE);
  }

  static RollupConfig opMainnet(boolean isthmusAtGenesis) {
    try (InputStream in = RpcHarness.class.getResourceAsStream("/vectors/chain-configs/op-succinct-10-rollup.json")) {
      ObjectNode tree = (ObjectNode) JSON.readTree(in);
      if (isthmusAtGenesis) {
        for (String f : List.of("regolith", "canyon", "delta", "ecotone", "fjord", "granite", "holocene", "isthmus")) {
          tree.put(f + "_time", 0);
        }
      }
      return RollupJsonParser.parse(JSON.writeValueAsString(tree), "op-succinct-10", id -> Optional.empty()).config();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Hash32 hash(long n) {
    byte[] b = new byte[32];
    for (int i = 0; i < 8; i++) {
      b[31 - i] = (byte) (n >>> (8 * i));
    }
    b[0] = 0x11;
    return Hash32.wrap(b);
  }

  static L1BlockRef l1(long n) {
    return new L1BlockRef(hash(n), n, hash(n - 1), 1_700_000_000L + 12 * n);
  }

  static L2BlockRef l2(long n, long origin) {
    return new L2BlockRef(hash(1_000_000 + n), n, hash(1_000_000 + n - 1), 1_700_000_000L + 2 * n,
        new BlockId(hash(origin), origin), n % 6);
  }

  /** The L2 genesis block as the engine would return it (decodes back to the rollup genesis). */
  ExecutionPayloadEnvelope genesisBlock(Optional<Hash32> withdrawalsRoot) {
    BlockId g = rollup.genesis().l2();
    ExecutionPayload p = new ExecutionPayload(Hash32.ZERO, Address.ZERO, Hash32.fromHex("0x" + "5e".repeat(32)),
        Hash32.ZERO, Bytes.of(new byte[256]), Hash32.ZERO, g.number(), 30_000_000, 0, rollup.genesis().l2Time(),
        Bytes.of(new byte[0]), BigInteger.valueOf(1_000_000_000), g.hash(), List.of(), Optional.empty(),
        OptionalLong.empty(), OptionalLong.empty(), withdrawalsRoot);
    return new ExecutionPayloadEnvelope(p, Optional.empty());
  }

  URI url() {
    return URI.create("http://127.0.0.1:" + server.port() + "/");
  }

  HttpResponse<String> post(String body) {
    return send(HttpRequest.newBuilder(url()).header("content-type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).timeout(Duration.ofSeconds(20)).build());
  }

  HttpResponse<String> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Calls {@code method} with {@code paramsJson} (a JSON array text) and returns the response object. */
  JsonNode call(String method, String paramsJson) {
    HttpResponse<String> r = post("{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"" + method + "\",\"params\":" + paramsJson + "}");
    if (r.statusCode() != 200) {
      throw new AssertionError("HTTP " + r.statusCode() + ": " + r.body());
    }
    return tree(r.body());
  }

  static JsonNode tree(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<String> fieldNames(JsonNode object) {
    List<String> out = new ArrayList<>();
    object.fieldNames().forEachRemaining(out::add);
    return out;
  }

  @Override
  public void close() {
    server.close();
  }
}
