package dev.basalt.adapters.rpc;

import java.time.Duration;
import java.util.Objects;

/**
 * The RPC server's settings (the CLI maps its flags onto these).
 *
 * @param host listen address; op-node's code default is {@code 127.0.0.1} (kona's {@code 0.0.0.0})
 * @param port listen port, HTTP and WebSocket alike; op-node and kona use 9545 (0 picks a free one)
 * @param enableAdmin serve the {@code admin} namespace (op-node {@code --rpc.enable-admin})
 * @param maxRequestBytes largest request body (HTTP) or message (WebSocket); go-ethereum's 5 MiB
 * @param maxBatchSize most requests in one batch; go-ethereum's 1000
 * @param maxNestingDepth deepest JSON nesting accepted in a request
 * @param requestTimeout how long a method may take before the request is answered "request timed
 *     out" (admin requests wait for the core this long at most)
 * @param readTimeout how long a client may take to send a whole request body
 * @param idleTimeout a connection with no traffic for this long is closed (go-ethereum: 120 s)
 * @param webSocketEnabled accept WebSocket upgrades on the same port
 * @param maxSubscriptionsPerConnection head subscriptions one WebSocket may hold
 * @param crossUnsafeL2 write {@code cross_unsafe_l2} (= {@code unsafe_l2} before interop) in sync statuses (default; kona and
 *     op-node before v1.19.6 have it); false gives the field set of op-node v1.19.6+, which removed it
 */
public record RpcOptions(
    String host,
    int port,
    boolean enableAdmin,
    int maxRequestBytes,
    int maxBatchSize,
    int maxNestingDepth,
    Duration requestTimeout,
    Duration readTimeout,
    Duration idleTimeout,
    boolean webSocketEnabled,
    int maxSubscriptionsPerConnection,
    boolean crossUnsafeL2) {

  public static final int DEFAULT_PORT = 9545;

  public RpcOptions {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(requestTimeout, "requestTimeout");
    Objects.requireNonNull(readTimeout, "readTimeout");
    Objects.requireNonNull(idleTimeout, "idleTimeout");
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port out of range: " + port);
    }
    if (maxRequestBytes < 1024) {
      throw new IllegalArgumentException("maxRequestBytes must be at least 1024, got " + maxRequestBytes);
    }
    if (maxBatchSize < 1 || maxNestingDepth < 4 || maxSubscriptionsPerConnection < 1) {
      throw new IllegalArgumentException("maxBatchSize, maxNestingDepth (>= 4) and maxSubscriptionsPerConnection must be positive");
    }
    for (Duration d : new Duration[] {requestTimeout, readTimeout, idleTimeout}) {
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException("timeouts must be positive, got " + d);
      }
    }
  }

  public static RpcOptions defaults() {
    return new RpcOptions("127.0.0.1", DEFAULT_PORT, false, 5 * 1024 * 1024, 1000, 64, Duration.ofSeconds(30),
        Duration.ofSeconds(30), Duration.ofSeconds(120), true, 64, true);
  }

  public RpcOptions withHost(String newHost) {
    return new RpcOptions(newHost, port, enableAdmin, maxRequestBytes, maxBatchSize, maxNestingDepth, requestTimeout,
        readTimeout, idleTimeout, webSocketEnabled, maxSubscriptionsPerConnection, crossUnsafeL2);
  }

  public RpcOptions withPort(int newPort) {
    return new RpcOptions(host, newPort, enableAdmin, maxRequestBytes, maxBatchSize, maxNestingDepth, requestTimeout,
        readTimeout, idleTimeout, webSocketEnabled, maxSubscriptionsPerConnection, crossUnsafeL2);
  }

  public RpcOptions withAdmin(boolean enabled) {
    return new RpcOptions(host, port, enabled, maxRequestBytes, maxBatchSize, maxNestingDepth, requestTimeout,
        readTimeout, idleTimeout, webSocketEnabled, maxSubscriptionsPerConnection, crossUnsafeL2);
  }

  public RpcOptions withTimeouts(Duration request, Duration read, Duration idle) {
    return new RpcOptions(host, port, enableAdmin, maxRequestBytes, maxBatchSize, maxNestingDepth, request, read, idle,
        webSocketEnabled, maxSubscriptionsPerConnection, crossUnsafeL2);
  }

  public RpcOptions withWebSocket(boolean enabled) {
    return new RpcOptions(host, port, enableAdmin, maxRequestBytes, maxBatchSize, maxNestingDepth, requestTimeout,
        readTimeout, idleTimeout, enabled, maxSubscriptionsPerConnection, crossUnsafeL2);
  }

  public RpcOptions withCrossUnsafeL2(boolean include) {
    return new RpcOptions(host, port, enableAdmin, maxRequestBytes, maxBatchSize, maxNestingDepth, requestTimeout,
        readTimeout, idleTimeout, webSocketEnabled, maxSubscriptionsPerConnection, include);
  }
}
