package dev.basalt.bench;

import dev.basalt.adapters.rpc.CoreBridge;
import dev.basalt.adapters.rpc.L2Reader;
import dev.basalt.adapters.rpc.LogLevelHook;
import dev.basalt.adapters.rpc.RpcBackends;
import dev.basalt.adapters.rpc.RpcObserver;
import dev.basalt.adapters.rpc.RpcOptions;
import dev.basalt.adapters.rpc.RpcServer;
import dev.basalt.adapters.status.StatusBoard;
import dev.basalt.core.heads.SyncStatus;
import dev.basalt.core.types.BlockId;
import dev.basalt.core.types.Hash32;
import dev.basalt.core.types.L1BlockRef;
import dev.basalt.core.types.L2BlockRef;
import dev.basalt.testdata.world.DevWorld;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * {@code optimism_syncStatus} over loopback HTTP/1.1 keep-alive against the real RPC server with a
 * static status board: N clients (one connection each) send a request as soon as their previous
 * answer arrived, for a fixed time; prints throughput and per-request latency p50/p99. Client and
 * server share the machine's cores (the client runs one Vert.x event loop).
 */
final class RpcBench {
  private static final String BODY = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"optimism_syncStatus\",\"params\":[]}";

  private RpcBench() {}

  static List<String> run(int[] clients, long warmupMillis, long measureMillis) throws Exception {
    StatusBoard board = new StatusBoard();
    board.publish(status());
    RpcBackends backends = new RpcBackends(board, DevWorld.coreConfig(DevWorld.L2_CHAIN_ID, 1_700_000_000L, 2).rollup(),
        "bench", Optional.empty(), failingReader(), new CoreBridge(), LogLevelHook.UNSUPPORTED);
    List<String> lines = new ArrayList<>();
    Vertx clientVertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
    try (RpcServer server = RpcServer.start(RpcOptions.defaults().withPort(0), backends, RpcObserver.NONE)) {
      for (int n : clients) {
        HttpClient http = clientVertx.createHttpClient(new HttpClientOptions().setKeepAlive(true).setTcpNoDelay(true),
            new PoolOptions().setHttp1MaxSize(n));
        drive(http, server.port(), n, warmupMillis);
        long[][] lat = drive(http, server.port(), n, measureMillis);
        long total = Arrays.stream(lat).mapToLong(a -> a.length).sum();
        long[] all = new long[(int) total];
        int at = 0;
        for (long[] a : lat) {
          System.arraycopy(a, 0, all, at, a.length);
          at += a.length;
        }
        Arrays.sort(all);
        lines.add(String.format(Locale.ROOT,
            "rpc optimism_syncStatus  clients=%-3d %,10.0f req/s   p50 %7.1f us   p99 %7.1f us   (%,d requests in %d ms)",
            n, total * 1000.0 / measureMillis, all[all.length / 2] / 1e3, all[(int) (all.length * 0.99)] / 1e3, total,
            measureMillis));
        http.close().toCompletionStage().toCompletableFuture().join();
      }
    } finally {
      clientVertx.close().toCompletionStage().toCompletableFuture().join();
    }
    return lines;
  }

  /** Runs {@code n} closed-loop clients for {@code millis}; returns each client's latencies in ns. */
  private static long[][] drive(HttpClient http, int port, int n, long millis) throws InterruptedException {
    long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
    long[][] out = new long[n][];
    CountDownLatch done = new CountDownLatch(n);
    Buffer body = Buffer.buffer(BODY);
    RequestOptions req = new RequestOptions().setMethod(HttpMethod.POST).setHost("127.0.0.1").setPort(port).setURI("/")
        .putHeader("content-type", "application/json");
    for (int c = 0; c < n; c++) {
      int client = c;
      LongList lat = new LongList();
      Runnable[] next = new Runnable[1];
      next[0] = () -> {
        if (System.nanoTime() >= end) {
          out[client] = lat.toArray();
          done.countDown();
          return;
        }
        long start = System.nanoTime();
        http.request(req).compose(r -> r.send(body)).compose(r -> r.body()).onComplete(ar -> {
          if (ar.failed()) {
            throw new IllegalStateException("request failed", ar.cause());
          }
          lat.add(System.nanoTime() - start);
          next[0].run();
        });
      };
      CompletableFuture.runAsync(next[0]);
    }
    if (!done.await(millis + 30_000, TimeUnit.MILLISECONDS)) {
      throw new IllegalStateException("clients did not finish");
    }
    return out;
  }

  private static SyncStatus status() {
    L1BlockRef l1 = new L1BlockRef(Hash32.fromHex("0x" + "11".repeat(32)), 20_000_000, Hash32.fromHex("0x" + "12".repeat(32)),
        1_700_000_000L);
    L2BlockRef l2 = new L2BlockRef(Hash32.fromHex("0x" + "21".repeat(32)), 130_000_000, Hash32.fromHex("0x" + "22".repeat(32)),
        1_700_000_100L, new BlockId(l1.hash(), l1.number()), 3);
    return new SyncStatus(l1, l1, l1, l1, l2, l2, l2, l2, l2);
  }

  private static L2Reader failingReader() {
    return new L2Reader() {
      @Override
      public CompletableFuture<Optional<dev.basalt.core.engine.ExecutionPayloadEnvelope>> payloadByNumber(long number) {
        return CompletableFuture.failedFuture(new IllegalStateException("no engine in this benchmark"));
      }

      @Override
      public CompletableFuture<Hash32> messagePasserStorageRoot(Hash32 blockHash, Hash32 stateRoot) {
        return CompletableFuture.failedFuture(new IllegalStateException("no engine in this benchmark"));
      }
    };
  }

  /** A growable primitive list (latencies), touched by one client on the event loop. */
  private static final class LongList {
    private long[] a = new long[1 << 14];
    private int n;

    void add(long v) {
      if (n == a.length) {
        a = Arrays.copyOf(a, n * 2);
      }
      a[n++] = v;
    }

    long[] toArray() {
      return Arrays.copyOf(a, n);
    }
  }
}
