package dev.basalt.adapters.engine;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The startup check kona does and op-node lacks: one {@code engine_exchangeCapabilities} call, so
 * a wrong JWT secret or an unreachable engine stops the node at once with a clear message instead
 * of surfacing later as failing forkchoice updates. One attempt; a caller that wants kona's
 * retry-with-backoff while the engine boots loops on {@link HandshakeResult.Unreachable}.
 */
public final class EngineHandshake {
  private EngineHandshake() {}

  /** Starts the handshake; the future completes (never exceptionally) within the client's timeout. */
  public static CompletableFuture<HandshakeResult> start(JsonRpcClient client, URI url) {
    CompletableFuture<HandshakeResult> result = new CompletableFuture<>();
    client.call("engine_exchangeCapabilities", EngineRequests.capabilitiesParams(),
        outcome -> result.complete(interpret(url, outcome)));
    return result;
  }

  /** Runs the handshake and waits for it (bounded by the client's call timeout). */
  public static HandshakeResult run(JsonRpcClient client, URI url) {
    return start(client, url).join();
  }

  static HandshakeResult interpret(URI url, RpcOutcome outcome) {
    return switch (outcome) {
      case RpcOutcome.Result r -> ready(url, r);
      case RpcOutcome.ErrorObject e -> new HandshakeResult.Rejected(url, "JSON-RPC error " + e.code() + ": " + e.message());
      case RpcOutcome.Failed f -> switch (f.kind()) {
        case UNAUTHORIZED -> new HandshakeResult.Unauthorized(url, f.detail());
        case TRANSPORT, TIMEOUT -> new HandshakeResult.Unreachable(url, f.detail());
        default -> new HandshakeResult.Rejected(url, f.detail());
      };
    };
  }

  private static HandshakeResult ready(URI url, RpcOutcome.Result r) {
    List<String> offered;
    try {
      offered = EngineResults.capabilities(r.value());
    } catch (MalformedResponseException e) {
      return new HandshakeResult.Rejected(url, e.getMessage());
    }
    List<String> missing = new ArrayList<>();
    for (String method : EngineRequests.CAPABILITIES) {
      if (!offered.contains(method)) {
        missing.add(method);
      }
    }
    return new HandshakeResult.Ready(url, offered, missing);
  }
}
