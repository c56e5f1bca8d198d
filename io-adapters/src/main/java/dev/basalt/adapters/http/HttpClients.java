package dev.basalt.adapters.http;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;

/** Builds the OkHttp clients the adapters use. */
public final class HttpClients {
  private HttpClients() {}

  /**
   * A client pinned to HTTP/1.1 (cleartext h2c upgrades confuse some servers, and one request per
   * connection is what JSON-RPC and beacon servers expect), with {@code TCP_NODELAY}, a whole-call
   * deadline of {@code callTimeoutMillis}, and up to {@code maxIdleConnections} kept-alive
   * connections. Non-2xx answers surface as {@link HttpStatusException}.
   */
  public static OkHttpClient create(long callTimeoutMillis, int maxIdleConnections) {
    if (callTimeoutMillis <= 0) {
      throw new IllegalArgumentException("callTimeoutMillis must be positive");
    }
    return new OkHttpClient.Builder()
        .protocols(List.of(Protocol.HTTP_1_1))
        .socketFactory(new NoDelaySocketFactory())
        .callTimeout(Duration.ofMillis(callTimeoutMillis))
        .connectTimeout(Duration.ofMillis(callTimeoutMillis))
        .readTimeout(Duration.ofMillis(callTimeoutMillis))
        .writeTimeout(Duration.ofMillis(callTimeoutMillis))
        .connectionPool(new ConnectionPool(Math.max(1, maxIdleConnections), 5, TimeUnit.MINUTES))
        .addInterceptor(new StatusInterceptor())
        .build();
  }

  /** Releases the client's threads and pooled connections. */
  public static void shutdown(OkHttpClient client) {
    client.dispatcher().executorService().shutdownNow();
    client.connectionPool().evictAll();
  }
}
