package dev.basalt.adapters.l1;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.basalt.adapters.http.CallFailure;
import dev.basalt.adapters.http.CallListener;
import dev.basalt.adapters.http.HttpFailures;
import dev.basalt.adapters.http.Retrying;
import dev.basalt.core.event.FailureKind;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.web3j.protocol.Web3jService;
import org.web3j.protocol.core.BatchRequest;
import org.web3j.protocol.core.BatchResponse;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.Response;

/**
 * JSON-RPC over Web3j's {@link Web3jService} (an {@code HttpService} in production), with raw
 * results, retries and a concurrency bound. Batches are paired with their answers by id, not by
 * position: JSON-RPC lets a server answer a batch in any order, while Web3j pairs by position.
 */
final class JsonRpcClient {
  private final Web3jService service;
  private final Retrying retrying;
  private final int maxBatchSize;
  private final CallListener listener;

  JsonRpcClient(Web3jService service, Retrying retrying, int maxBatchSize) {
    this(service, retrying, maxBatchSize, CallListener.NONE);
  }

  /** @param listener told of every attempt's duration and outcome (metrics); never changes them */
  JsonRpcClient(Web3jService service, Retrying retrying, int maxBatchSize, CallListener listener) {
    this.listener = listener;
    if (maxBatchSize < 1) {
      throw new IllegalArgumentException("maxBatchSize must be at least 1");
    }
    this.service = service;
    this.retrying = retrying;
    this.maxBatchSize = maxBatchSize;
  }

  int maxBatchSize() {
    return maxBatchSize;
  }

  /** Calls {@code method}; the result may be JSON null (a missing block, say). */
  JsonNode call(String method, List<?> params) throws CallFailure {
    String what = method + params;
    return retrying.run(what, () -> observe(method, () -> resultOf(what, send(what, request(method, params)))));
  }

  /**
   * Calls {@code method} once per parameter list in batches of at most {@code maxBatchSize}, each
   * batch retried as a whole; results in the order of {@code paramLists}.
   */
  List<JsonNode> batch(String method, List<List<?>> paramLists) throws CallFailure {
    List<JsonNode> out = new ArrayList<>(paramLists.size());
    for (int from = 0; from < paramLists.size(); from += maxBatchSize) {
      List<List<?>> chunk = paramLists.subList(from, Math.min(paramLists.size(), from + maxBatchSize));
      String what = method + " batch of " + chunk.size();
      out.addAll(retrying.run(what, () -> observe(method, () -> sendBatch(what, method, chunk))));
    }
    return out;
  }

  /** One attempt, timed and labelled for the listener. */
  private <T> T observe(String method, Attempt<T> attempt) throws CallFailure {
    long start = System.nanoTime();
    try {
      T result = attempt.run();
      CallListener.notify(listener, method, System.nanoTime() - start, CallListener.OK);
      return result;
    } catch (CallFailure f) {
      String label = f.kind() == FailureKind.REMOTE_ERROR && f.httpStatus() == 0 ? CallListener.RPC_ERROR : CallListener.outcome(f.kind());
      CallListener.notify(listener, method, System.nanoTime() - start, label);
      throw f;
    }
  }

  @FunctionalInterface
  private interface Attempt<T> {
    T run() throws CallFailure;
  }

  private Request<Object, RawResponse> request(String method, List<?> params) {
    return new Request<>(method, new ArrayList<Object>(params), service, RawResponse.class);
  }

  private RawResponse send(String what, Request<Object, RawResponse> request) throws CallFailure {
    try {
      RawResponse r = service.send(request, RawResponse.class);
      if (r == null) {
        throw CallFailure.invalid(what + ": empty HTTP body");
      }
      return r;
    } catch (IOException e) {
      throw failureOf(what, e);
    } catch (RuntimeException e) {
      // Web3j's Jackson mapping fails with unchecked exceptions on some malformed bodies.
      throw CallFailure.invalid(what + ": malformed JSON-RPC response (" + e.getMessage() + ")");
    }
  }

  private List<JsonNode> sendBatch(String what, String method, List<List<?>> chunk) throws CallFailure {
    BatchRequest batch = new BatchRequest(service);
    List<Long> ids = new ArrayList<>(chunk.size());
    for (List<?> params : chunk) {
      Request<Object, RawResponse> r = request(method, params);
      ids.add(r.getId());
      batch.add(r);
    }
    BatchResponse answer;
    try {
      answer = service.sendBatch(batch);
    } catch (IOException e) {
      throw failureOf(what, e);
    } catch (RuntimeException e) {
      // A server that rejects a batch often answers one error object instead of an array.
      throw CallFailure.of(FailureKind.REMOTE_ERROR, what + ": not a JSON-RPC batch answer (" + e.getMessage() + ")");
    }
    if (answer == null || answer.getResponses().size() != chunk.size()) {
      int got = answer == null ? 0 : answer.getResponses().size();
      throw CallFailure.invalid(what + ": expected " + chunk.size() + " answers, got " + got);
    }
    Map<Long, Response<?>> byId = new HashMap<>();
    for (Response<?> r : answer.getResponses()) {
      byId.put(r.getId(), r);
    }
    List<JsonNode> out = new ArrayList<>(chunk.size());
    for (int i = 0; i < chunk.size(); i++) {
      Response<?> r = byId.get(ids.get(i));
      if (!(r instanceof RawResponse raw)) {
        throw CallFailure.invalid(what + ": no answer with id " + ids.get(i));
      }
      out.add(resultOf(method + chunk.get(i), raw));
    }
    return out;
  }

  private static JsonNode resultOf(String what, RawResponse r) throws CallFailure {
    if (r.hasError()) {
      throw JsonRpcErrors.failure(what, r.getError());
    }
    return r.getResult();
  }

  private static CallFailure failureOf(String what, IOException e) {
    if (e instanceof JsonProcessingException j) {
      return CallFailure.invalid(what + ": malformed JSON (" + j.getOriginalMessage() + ")");
    }
    return HttpFailures.ofIo(what, e);
  }
}
