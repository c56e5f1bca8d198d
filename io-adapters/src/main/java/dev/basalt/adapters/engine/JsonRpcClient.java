package dev.basalt.adapters.engine;

import dev.basalt.adapters.http.CallListener;
import dev.basalt.core.event.FailureKind;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * JSON-RPC over HTTP/1.1 to the engine's authenticated endpoint, with a fresh JWT on every request.
 *
 * <p>Why the JDK {@code HttpClient}: no new dependency in the node (Vert.x would bring Netty), it
 * sets {@code TCP_NODELAY} on every connection (the Nagle/delayed-ACK stall costs ~40 ms a call,
 * anchors-performance §3.7), and keeps connections alive. It is pinned to HTTP/1.1: engines speak
 * nothing else and the h2c upgrade attempt would cost a round trip.
 *
 * <p>Threading: {@link #call} returns at once. A fixed pool of {@code maxConcurrentCalls} worker
 * threads each runs one blocking exchange (the JDK wakes a blocked {@code send} straight from its
 * selector thread, one hand-off, where {@code sendAsync} completes through the common pool), so the
 * pool size is the concurrency bound and later calls queue in order. The callback runs on the
 * worker, exactly once, whatever happens, and never on the caller's thread.
 *
 * <p>Without a {@link JwtSigner} no {@code Authorization} header is sent (op-conductor's RPC has no
 * authentication).
 *
 * <p>Deadline: a call's timeout starts when it is accepted. Time spent queued counts; the exchange
 * gets what is left as {@code HttpRequest.timeout} (headers) plus a {@link CallDeadline} backstop
 * (body).
 */
public final class JsonRpcClient implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(JsonRpcClient.class);
  private static final AtomicInteger CLIENTS = new AtomicInteger();

  private final URI url;
  private final JwtSigner jwt;
  private final long timeoutNanos;
  private final HttpClient http;
  private final ExecutorService workers;
  private final ScheduledThreadPoolExecutor deadlines;
  private final AtomicLong ids = new AtomicLong();
  private final CallListener listener;
  private volatile boolean closed;

  public JsonRpcClient(URI url, JwtSigner jwt, Duration timeout, int maxConcurrentCalls) {
    this(url, jwt, timeout, maxConcurrentCalls, CallListener.NONE);
  }

  /**
   * @param jwt signs every request, or null for an endpoint without authentication
   * @param listener told of every call's duration and outcome (metrics); never changes them
   */
  public JsonRpcClient(URI url, JwtSigner jwt, Duration timeout, int maxConcurrentCalls, CallListener listener) {
    this.listener = listener;
    this.url = url;
    this.jwt = jwt;
    this.timeoutNanos = timeout.toNanos();
    int n = CLIENTS.incrementAndGet();
    this.http = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(timeout)
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
    ThreadPoolExecutor pool = new ThreadPoolExecutor(maxConcurrentCalls, maxConcurrentCalls, 0, TimeUnit.MILLISECONDS,
        new LinkedBlockingQueue<>(), daemon("basalt-engine-" + n + "-call-"));
    // Started now, so no first call pays for a thread start on the caller's (dispatcher's) thread.
    pool.prestartAllCoreThreads();
    this.workers = pool;
    this.deadlines = new ScheduledThreadPoolExecutor(1, daemon("basalt-engine-" + n + "-deadline-"));
    this.deadlines.setRemoveOnCancelPolicy(true);
  }

  /** The client for these options (loads the JWT secret; throws {@link JwtSecretException}). */
  public static JsonRpcClient of(EngineClientOptions options) {
    return of(options, CallListener.NONE);
  }

  /** As {@link #of(EngineClientOptions)}, telling {@code listener} of every call. */
  public static JsonRpcClient of(EngineClientOptions options, CallListener listener) {
    return new JsonRpcClient(options.url(), new JwtSigner(options.jwt().load()), options.timeout(),
        options.maxConcurrentCalls(), listener);
  }

  /**
   * Calls {@code method}; {@code done} receives the outcome exactly once on a worker thread.
   * Never blocks and never throws.
   */
  public void call(String method, ParamsWriter params, Consumer<RpcOutcome> done) {
    call(method, params, timeoutNanos, done);
  }

  /** As {@link #call(String, ParamsWriter, Consumer)}, with this call's own deadline instead of the client's. */
  public void call(String method, ParamsWriter params, Duration timeout, Consumer<RpcOutcome> done) {
    call(method, params, Math.max(1, timeout.toNanos()), done);
  }

  private void call(String method, ParamsWriter params, long callTimeoutNanos, Consumer<RpcOutcome> done) {
    long acceptedNanos = System.nanoTime();
    try {
      workers.execute(() -> deliver(method, done,
          observed(method, acceptedNanos, guardedExchange(method, params, acceptedNanos, callTimeoutNanos))));
    } catch (RejectedExecutionException e) {
      RpcOutcome rejected = new RpcOutcome.Failed(FailureKind.TRANSPORT, method + ": engine client is closed");
      // Not on the caller's thread: the caller may be the ring's dispatcher, which must not publish.
      CompletableFuture.runAsync(() -> deliver(method, done, rejected));
    }
  }

  private RpcOutcome observed(String method, long acceptedNanos, RpcOutcome outcome) {
    String label = switch (outcome) {
      case RpcOutcome.Result r -> CallListener.OK;
      case RpcOutcome.ErrorObject e -> CallListener.RPC_ERROR;
      case RpcOutcome.Failed f -> CallListener.outcome(f.kind());
    };
    CallListener.notify(listener, method, System.nanoTime() - acceptedNanos, label);
    return outcome;
  }

  private static void deliver(String method, Consumer<RpcOutcome> done, RpcOutcome outcome) {
    try {
      done.accept(outcome);
    } catch (RuntimeException e) {
      LOG.error("callback for {} failed on {}", method, outcome, e);
    }
  }

  private RpcOutcome guardedExchange(String method, ParamsWriter params, long acceptedNanos, long callTimeoutNanos) {
    if (closed) {
      return new RpcOutcome.Failed(FailureKind.TRANSPORT, method + ": engine client is closed");
    }
    try {
      return exchange(method, params, acceptedNanos, callTimeoutNanos);
    } catch (RuntimeException e) {
      // Whatever breaks, the call is still answered.
      return new RpcOutcome.Failed(FailureKind.TRANSPORT, method + ": " + describe(e));
    }
  }

  private RpcOutcome exchange(String method, ParamsWriter params, long acceptedNanos, long callTimeoutNanos) {
    long remainingNanos = callTimeoutNanos - (System.nanoTime() - acceptedNanos);
    if (remainingNanos <= 0) {
      return new RpcOutcome.Failed(FailureKind.TIMEOUT,
          method + ": timed out after " + millis(callTimeoutNanos) + " ms waiting for a free connection slot");
    }
    long id = ids.incrementAndGet();
    byte[] body;
    try {
      body = RpcEnvelope.request(id, method, params);
    } catch (IOException | RuntimeException e) {
      // Only a bug can get here (the generator writes to memory); report it rather than lose the call.
      return new RpcOutcome.Failed(FailureKind.TRANSPORT, method + ": could not encode the request: " + e);
    }
    HttpRequest.Builder builder = HttpRequest.newBuilder(url)
        .timeout(Duration.ofNanos(remainingNanos))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (jwt != null) {
      builder.header("Authorization", "Bearer " + jwt.token());
    }
    HttpRequest request = builder.build();
    HttpResponse<byte[]> response;
    CallDeadline deadline = CallDeadline.arm(deadlines, remainingNanos);
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    } catch (HttpConnectTimeoutException e) {
      return new RpcOutcome.Failed(FailureKind.TIMEOUT, method + ": could not connect to " + url + " within "
          + millis(callTimeoutNanos) + " ms");
    } catch (HttpTimeoutException e) {
      return timedOut(method, callTimeoutNanos);
    } catch (InterruptedException e) {
      if (deadline.fired()) {
        return timedOut(method, callTimeoutNanos);
      }
      Thread.currentThread().interrupt();
      return new RpcOutcome.Failed(FailureKind.TRANSPORT, method + ": engine client is closing");
    } catch (ConnectException e) {
      return new RpcOutcome.Failed(FailureKind.TRANSPORT, method + ": cannot connect to " + url + ": " + describe(e));
    } catch (IOException | RuntimeException e) {
      // A cancelled exchange may surface as an I/O error rather than as the interrupt itself.
      return deadline.fired() ? timedOut(method, callTimeoutNanos)
          : new RpcOutcome.Failed(FailureKind.TRANSPORT, method + ": " + describe(e));
    } finally {
      deadline.disarm();
    }
    return interpret(id, method, response);
  }

  private static RpcOutcome timedOut(String method, long callTimeoutNanos) {
    return new RpcOutcome.Failed(FailureKind.TIMEOUT, method + ": no answer within " + millis(callTimeoutNanos) + " ms");
  }

  private static RpcOutcome interpret(long id, String method, HttpResponse<byte[]> response) {
    int status = response.statusCode();
    if (status == 401 || status == 403) {
      return new RpcOutcome.Failed(FailureKind.UNAUTHORIZED, method + ": HTTP " + status
          + ": the engine rejected the JWT (is it configured with the same secret?) " + RpcEnvelope.snippet(response.body()));
    }
    if (status < 200 || status > 299) {
      return new RpcOutcome.Failed(FailureKind.REMOTE_ERROR, method + ": HTTP " + status + " "
          + RpcEnvelope.snippet(response.body()));
    }
    return RpcEnvelope.response(id, method, response.body());
  }

  private static String describe(Throwable e) {
    String message = e.getMessage();
    return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }

  private static long millis(long nanos) {
    return TimeUnit.NANOSECONDS.toMillis(nanos);
  }

  private static ThreadFactory daemon(String prefix) {
    AtomicInteger count = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, prefix + count.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  /** Stops the workers; calls still queued or in flight are answered {@code TRANSPORT}. */
  @Override
  public void close() {
    closed = true;
    for (Runnable pending : workers.shutdownNow()) {
      // Queued calls must still be answered: run them, they fail fast with the client closing.
      CompletableFuture.runAsync(pending);
    }
    deadlines.shutdownNow();
    http.shutdownNow();
  }
}
