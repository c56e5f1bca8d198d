package dev.basalt.adapters.rpc;

/**
 * Told of every request the server answered (for metrics). Called on the server's event loop;
 * must be fast and must not throw.
 */
@FunctionalInterface
public interface RpcObserver {
  /**
   * @param method the method name when it is registered, otherwise {@code "unknown"} (so a
   *     client cannot grow the label set), or {@code "invalid"} for a malformed request
   * @param outcome {@code ok}, or the error's kind: {@code parse_error}, {@code invalid_request},
   *     {@code method_not_found}, {@code invalid_params}, {@code internal_error},
   *     {@code server_error}, {@code timeout}
   * @param elapsedNanos from parsing the request to its answer
   */
  void onRequest(String method, String outcome, long elapsedNanos);

  /** Connections and subscriptions changed (WebSocket); defaults to nothing. */
  default void onWebSocket(int connections, int subscriptions) {}

  /** A notification replaced an older one that a slow client had not taken yet. */
  default void onNotificationCoalesced() {}

  RpcObserver NONE = (method, outcome, elapsedNanos) -> {};

  /** The outcome label of an error code. */
  static String outcome(int code) {
    return switch (code) {
      case RpcError.PARSE_ERROR -> "parse_error";
      case RpcError.INVALID_REQUEST -> "invalid_request";
      case RpcError.METHOD_NOT_FOUND -> "method_not_found";
      case RpcError.INVALID_PARAMS -> "invalid_params";
      case RpcError.INTERNAL_ERROR -> "internal_error";
      case RpcError.TIMEOUT -> "timeout";
      default -> "server_error";
    };
  }
}
