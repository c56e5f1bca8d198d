package dev.basalt.adapters.engine;

import com.fasterxml.jackson.databind.JsonNode;
import dev.basalt.adapters.http.CallListener;
import dev.basalt.adapters.node.EnginePort;
import dev.basalt.adapters.ring.EventSink;
import dev.basalt.core.command.FetchEngineHeads;
import dev.basalt.core.command.FetchL2Block;
import dev.basalt.core.command.GetPayload;
import dev.basalt.core.command.SendForkchoiceUpdate;
import dev.basalt.core.command.SendNewPayload;
import dev.basalt.core.config.RollupConfig;
import dev.basalt.core.engine.EngineResponse;
import dev.basalt.core.engine.L2BlockSelector;
import dev.basalt.core.event.EngineResponseReceived;
import dev.basalt.core.event.FailureKind;
import dev.basalt.core.event.InputEvent;
import dev.basalt.core.event.RequestFailed;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link EnginePort} over the Engine API: each command becomes one JSON-RPC call (three for
 * the heads) on {@link JsonRpcClient}'s workers, and each is answered exactly once with
 * {@code EngineResponseReceived} or {@code RequestFailed}:
 *
 * <ul>
 *   <li>an engine method's JSON-RPC error object is an answer, {@code EngineResponse.RpcError};
 *       for the L2 reads it is {@code RequestFailed(REMOTE_ERROR)} (their answers have no error
 *       variant);
 *   <li>transport trouble, timeouts and HTTP 401/403 are {@code TRANSPORT}, {@code TIMEOUT} and
 *       {@code UNAUTHORIZED}; any result that does not parse or verify is {@code INVALID_RESPONSE}.
 * </ul>
 */
public final class EngineAdapter implements EnginePort, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(EngineAdapter.class);

  private final JsonRpcClient client;
  private final URI url;
  private final RollupConfig rollup;
  private final EventSink sink;

  public EngineAdapter(JsonRpcClient client, URI url, RollupConfig rollup, EventSink sink) {
    this.client = Objects.requireNonNull(client, "client");
    this.url = Objects.requireNonNull(url, "url");
    this.rollup = Objects.requireNonNull(rollup, "rollup");
    this.sink = Objects.requireNonNull(sink, "sink");
  }

  /** Opens a client for {@code options} (loads the JWT secret; throws {@link JwtSecretException}). */
  public static EngineAdapter open(EngineClientOptions options, RollupConfig rollup, EventSink sink) {
    return open(options, rollup, sink, CallListener.NONE);
  }

  /** As {@link #open(EngineClientOptions, RollupConfig, EventSink)}, telling {@code listener} of every call. */
  public static EngineAdapter open(EngineClientOptions options, RollupConfig rollup, EventSink sink, CallListener listener) {
    return new EngineAdapter(JsonRpcClient.of(options, listener), options.url(), rollup, sink);
  }

  /** {@code engine_exchangeCapabilities}, waited for: call once before starting the node. */
  public HandshakeResult handshake() {
    return EngineHandshake.run(client, url);
  }

  @Override
  public void forkchoiceUpdate(SendForkchoiceUpdate c) {
    EngineRequests.shapeProblem(c).ifPresent(p -> LOG.warn("correlation {}: {}", c.correlationId(), p));
    engineCall(c.correlationId(), EngineRequests.method(c), EngineRequests.params(c), EngineResults::forkchoiceUpdated);
  }

  @Override
  public void newPayload(SendNewPayload c) {
    EngineRequests.shapeProblem(c).ifPresent(p -> LOG.warn("correlation {}: {}", c.correlationId(), p));
    engineCall(c.correlationId(), EngineRequests.method(c), EngineRequests.params(c), EngineResults::newPayload);
  }

  @Override
  public void getPayload(GetPayload c) {
    engineCall(c.correlationId(), EngineRequests.method(c), EngineRequests.params(c),
        result -> EngineResults.payloadBuilt(result, c.version()));
  }

  @Override
  public void fetchBlock(FetchL2Block c) {
    readBlock(c.selector(), outcome -> publish(switch (outcome) {
      case BlockOutcome.Found f -> new EngineResponseReceived(c.correlationId(), new EngineResponse.L2Block(Optional.of(f.block())));
      case BlockOutcome.Missing m -> new EngineResponseReceived(c.correlationId(), new EngineResponse.L2Block(Optional.empty()));
      case BlockOutcome.Failed f -> new RequestFailed(c.correlationId(), f.kind(), f.detail());
    }));
  }

  @Override
  public void fetchHeads(FetchEngineHeads c) {
    new HeadsFetch(c.correlationId(), rollup, this::readBlock, this::publish).start();
  }

  private void engineCall(long correlationId, String method, ParamsWriter params, Function<JsonNode, EngineResponse> parse) {
    client.call(method, params, outcome -> publish(switch (outcome) {
      case RpcOutcome.Result r -> parsed(correlationId, method, r.value(), parse);
      case RpcOutcome.ErrorObject e -> new EngineResponseReceived(correlationId, new EngineResponse.RpcError(e.code(), e.message()));
      case RpcOutcome.Failed f -> new RequestFailed(correlationId, f.kind(), f.detail());
    }));
  }

  private static InputEvent parsed(long correlationId, String method, JsonNode result, Function<JsonNode, EngineResponse> parse) {
    try {
      return new EngineResponseReceived(correlationId, parse.apply(result));
    } catch (RuntimeException e) {
      // MalformedResponseException, or a core value rejecting a field (e.g. a 255-byte bloom).
      return new RequestFailed(correlationId, FailureKind.INVALID_RESPONSE, method + ": " + e.getMessage());
    }
  }

  /** Reads and verifies one L2 block; {@code done} runs on a client worker. */
  private void readBlock(L2BlockSelector selector, Consumer<BlockOutcome> done) {
    String method = EngineRequests.blockMethod(selector);
    client.call(method, EngineRequests.blockParams(selector), outcome -> done.accept(switch (outcome) {
      case RpcOutcome.Result r -> block(method, r.value());
      case RpcOutcome.ErrorObject e -> new BlockOutcome.Failed(FailureKind.REMOTE_ERROR,
          method + ": JSON-RPC error " + e.code() + ": " + e.message());
      case RpcOutcome.Failed f -> new BlockOutcome.Failed(f.kind(), f.detail());
    }));
  }

  private static BlockOutcome block(String method, JsonNode result) {
    if (result.isNull()) {
      return new BlockOutcome.Missing();
    }
    try {
      return new BlockOutcome.Found(L2BlockJson.envelope(result));
    } catch (RuntimeException e) {
      return new BlockOutcome.Failed(FailureKind.INVALID_RESPONSE, method + ": " + e.getMessage());
    }
  }

  private void publish(InputEvent event) {
    if (!sink.publish(event)) {
      LOG.debug("event dropped, the node is stopping: {}", event);
    }
  }

  @Override
  public void close() {
    client.close();
  }
}
