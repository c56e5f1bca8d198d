package dev.basalt.adapters.conductor;

import com.fasterxml.jackson.databind.JsonNode;
import dev.basalt.adapters.engine.JsonRpcClient;
import dev.basalt.adapters.engine.ParamsWriter;
import dev.basalt.adapters.engine.PayloadEnvelopeJson;
import dev.basalt.adapters.engine.RpcOutcome;
import dev.basalt.adapters.http.CallListener;
import dev.basalt.adapters.node.ConductorPort;
import dev.basalt.adapters.ring.EventSink;
import dev.basalt.core.command.CheckConductorLeader;
import dev.basalt.core.command.CommitUnsafePayload;
import dev.basalt.core.event.ConductorLeaderChecked;
import dev.basalt.core.event.ConductorPayloadCommitted;
import dev.basalt.core.event.FailureKind;
import dev.basalt.core.event.InputEvent;
import dev.basalt.core.event.RequestFailed;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link ConductorPort} over op-conductor's JSON-RPC: {@code conductor_commitUnsafePayload}
 * (the envelope as op-node writes it, result {@code null}) and {@code conductor_leader} (result a
 * boolean). A failed attempt (transport, timeout, HTTP or JSON-RPC error) is tried once more 50 ms
 * later if the request's deadline leaves room; the last failure answers the request.
 */
public final class ConductorAdapter implements ConductorPort, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ConductorAdapter.class);
  static final int MAX_ATTEMPTS = 2;
  static final long RETRY_DELAY_MILLIS = 50;

  private final JsonRpcClient client;
  private final Duration timeout;
  private final EventSink sink;
  private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "basalt-conductor-retry");
    t.setDaemon(true);
    return t;
  });

  public ConductorAdapter(ConductorOptions options, EventSink sink, CallListener listener) {
    this.timeout = options.timeout();
    this.sink = Objects.requireNonNull(sink, "sink");
    // No JWT: op-conductor's RPC is unauthenticated. Two calls at once at most (a commit and a leader check).
    this.client = new JsonRpcClient(options.url(), null, options.timeout(), 2, listener);
  }

  @Override
  public void commit(CommitUnsafePayload c) {
    String envelope = PayloadEnvelopeJson.write(c.envelope());
    ParamsWriter params = gen -> gen.writeRawValue(envelope);
    attempt("conductor_commitUnsafePayload", params, c.correlationId(), System.nanoTime(), 1,
        result -> new ConductorPayloadCommitted(c.correlationId()));
  }

  @Override
  public void checkLeader(CheckConductorLeader c) {
    attempt("conductor_leader", ParamsWriter.NONE, c.correlationId(), System.nanoTime(), 1, result -> {
      if (!result.isBoolean()) {
        return new RequestFailed(c.correlationId(), FailureKind.INVALID_RESPONSE, "conductor_leader: not a boolean: " + result);
      }
      return new ConductorLeaderChecked(c.correlationId(), result.booleanValue());
    });
  }

  private void attempt(String method, ParamsWriter params, long correlationId, long startNanos, int attempt,
      Function<JsonNode, InputEvent> answer) {
    long remainingNanos = timeout.toNanos() - (System.nanoTime() - startNanos);
    client.call(method, params, Duration.ofNanos(Math.max(1, remainingNanos)), outcome -> {
      RequestFailed failed = switch (outcome) {
        case RpcOutcome.Result r -> null;
        case RpcOutcome.ErrorObject e -> new RequestFailed(correlationId, FailureKind.REMOTE_ERROR,
            method + ": JSON-RPC error " + e.code() + ": " + e.message());
        case RpcOutcome.Failed f -> new RequestFailed(correlationId, f.kind(), f.detail());
      };
      if (failed == null) {
        publish(answer.apply(((RpcOutcome.Result) outcome).value()));
        return;
      }
      long left = timeout.toNanos() - (System.nanoTime() - startNanos);
      if (attempt < MAX_ATTEMPTS && left > TimeUnit.MILLISECONDS.toNanos(RETRY_DELAY_MILLIS)) {
        LOG.debug("{} attempt {} failed, retrying: {}", method, attempt, failed.detail());
        try {
          retries.schedule(() -> attempt(method, params, correlationId, startNanos, attempt + 1, answer), RETRY_DELAY_MILLIS,
              TimeUnit.MILLISECONDS);
          return;
        } catch (java.util.concurrent.RejectedExecutionException e) {
          // Closing: answer with this failure.
        }
      }
      LOG.warn("{} failed: {}", method, failed.detail());
      publish(failed);
    });
  }

  private void publish(InputEvent event) {
    if (!sink.publish(event)) {
      LOG.debug("event dropped, the node is stopping: {}", event);
    }
  }

  @Override
  public void close() {
    retries.shutdownNow();
    client.close();
  }
}
