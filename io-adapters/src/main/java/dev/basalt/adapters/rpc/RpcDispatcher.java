package dev.basalt.adapters.rpc;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs parsed messages against the registry and produces the bytes to send back. Everything here
 * runs on the server's event loop: a method's late answer is moved back onto it before it is
 * written, and a request that outlives the timeout is answered "request timed out" (its stage is
 * cancelled, which tells the core bridge to forget it).
 *
 * <p>Batches follow go-ethereum: an empty batch is one error object "empty batch"; a batch over
 * the size limit is a one-element array "batch too large" carrying the first call's id; answers
 * keep the batch's order and leave out notifications; a batch of notifications sends nothing.
 */
final class RpcDispatcher {
  private static final Logger LOG = LoggerFactory.getLogger(RpcDispatcher.class);

  private final MethodRegistry registry;
  private final Vertx vertx;
  private final Context context;
  private final Thread loopThread;
  private final long timeoutMillis;
  private final int maxBatchSize;
  private final RpcObserver observer;

  /**
   * @param context the server's event-loop context (the server runs one event loop, so every
   *     connection's handlers run on {@code loopThread})
   */
  RpcDispatcher(MethodRegistry registry, Vertx vertx, Context context, Thread loopThread, RpcOptions options,
      RpcObserver observer) {
    this.registry = registry;
    this.vertx = vertx;
    this.context = context;
    this.loopThread = loopThread;
    this.timeoutMillis = options.requestTimeout().toMillis();
    this.maxBatchSize = options.maxBatchSize();
    this.observer = observer;
  }

  /** The answer to {@code message}; completes with null when nothing is to be sent. */
  CompletableFuture<byte[]> dispatch(ParsedMessage message, Optional<Subscriber> connection) {
    long start = System.nanoTime();
    return switch (message) {
      case ParsedMessage.Unparseable u -> {
        observe("invalid", u.error().code(), start);
        yield CompletableFuture.completedFuture(ResponseWriter.error(null, u.error()));
      }
      case ParsedMessage.Single s -> answer(s.entry(), connection, start);
      case ParsedMessage.Batch b -> batch(b.entries(), connection, start);
    };
  }

  private CompletableFuture<byte[]> batch(List<ParsedMessage.Entry> entries, Optional<Subscriber> connection, long start) {
    if (entries.isEmpty()) {
      observe("invalid", RpcError.INVALID_REQUEST, start);
      return CompletableFuture.completedFuture(ResponseWriter.error(null, RpcError.invalidRequest("empty batch")));
    }
    if (entries.size() > maxBatchSize) {
      observe("invalid", RpcError.INVALID_REQUEST, start);
      JsonNode firstId = null;
      for (ParsedMessage.Entry e : entries) {
        if (e instanceof ParsedMessage.Call c && !c.request().isNotification()) {
          firstId = c.request().id();
          break;
        }
      }
      byte[] tooLarge = ResponseWriter.error(firstId, RpcError.invalidRequest("batch too large"));
      return CompletableFuture.completedFuture(ResponseWriter.array(List.of(tooLarge)));
    }
    List<CompletableFuture<byte[]>> answers = new ArrayList<>(entries.size());
    for (ParsedMessage.Entry e : entries) {
      answers.add(answer(e, connection, start));
    }
    return CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).thenApply(v -> {
      List<byte[]> out = new ArrayList<>(answers.size());
      for (CompletableFuture<byte[]> a : answers) {
        byte[] bytes = a.join();
        if (bytes != null) {
          out.add(bytes);
        }
      }
      return out.isEmpty() ? null : ResponseWriter.array(out);
    });
  }

  private CompletableFuture<byte[]> answer(ParsedMessage.Entry entry, Optional<Subscriber> connection, long start) {
    return switch (entry) {
      case ParsedMessage.Invalid i -> {
        observe("invalid", i.error().code(), start);
        yield CompletableFuture.completedFuture(ResponseWriter.error(i.id(), i.error()));
      }
      case ParsedMessage.Call c -> run(c.request(), connection, start);
    };
  }

  private CompletableFuture<byte[]> run(RpcRequest request, Optional<Subscriber> connection, long start) {
    RpcMethod method = registry.lookup(request.method());
    String label = method == null ? "unknown" : request.method();
    CompletableFuture<String> stage;
    if (method == null) {
      stage = CompletableFuture.failedFuture(RpcError.methodNotFound(request.method()));
    } else {
      stage = invoke(method, request, connection);
    }
    CompletableFuture<byte[]> out = new CompletableFuture<>();
    if (stage.isDone()) {
      finish(request, label, stage, out, start);
      return out;
    }
    long timer = vertx.setTimer(timeoutMillis, t -> stage.cancel(false));
    stage.whenComplete((result, error) -> onLoop(() -> {
      vertx.cancelTimer(timer);
      finish(request, label, stage, out, start);
    }));
    return out;
  }

  private static CompletableFuture<String> invoke(RpcMethod method, RpcRequest request, Optional<Subscriber> connection) {
    try {
      CompletionStage<String> s = method.call(new RpcCall(request.method(), RpcParams.of(request.params()), connection));
      return s == null ? CompletableFuture.failedFuture(RpcError.internal("method returned no result")) : s.toCompletableFuture();
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  private void finish(RpcRequest request, String label, CompletableFuture<String> stage, CompletableFuture<byte[]> out, long start) {
    String result = null;
    RpcError error = null;
    try {
      result = stage.join();
    } catch (CancellationException e) {
      error = RpcError.timeout();
    } catch (CompletionException e) {
      error = asRpcError(request.method(), e.getCause());
    } catch (RuntimeException e) {
      error = asRpcError(request.method(), e);
    }
    observe(label, error == null ? 0 : error.code(), start);
    if (request.isNotification()) {
      out.complete(null);
    } else if (error != null) {
      out.complete(ResponseWriter.error(request.id(), error));
    } else {
      out.complete(ResponseWriter.success(request.id(), result == null ? "null" : result));
    }
  }

  private static RpcError asRpcError(String method, Throwable t) {
    if (t instanceof RpcError e) {
      return e;
    }
    if (t instanceof CancellationException) {
      return RpcError.timeout();
    }
    LOG.warn("RPC method {} failed", method, t);
    return RpcError.internal("method handler crashed: " + t);
  }

  private void observe(String label, int code, long start) {
    try {
      observer.onRequest(label, code == 0 ? "ok" : RpcObserver.outcome(code), System.nanoTime() - start);
    } catch (RuntimeException e) {
      LOG.debug("RPC observer failed", e);
    }
  }

  /** Runs {@code task} on the server's event loop (at once when already there). */
  void onLoop(Runnable task) {
    if (Thread.currentThread() == loopThread) {
      task.run();
    } else {
      context.runOnContext(v -> task.run());
    }
  }
}
