package dev.basalt.adapters.engine;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * How to reach the execution engine's authenticated RPC.
 *
 * @param url the engine's {@code authrpc} endpoint, {@code http} or {@code https} (op-node
 *     {@code --l2}, kona {@code --l2-engine-rpc})
 * @param jwt where the shared JWT secret comes from
 * @param timeout the deadline of one call, from the moment the adapter accepts it (time spent
 *     waiting for a free connection slot counts); op-node's default is 10 s, kona's 30 s
 * @param maxConcurrentCalls how many HTTP requests may be in flight at once; further calls wait
 *     in order
 */
public record EngineClientOptions(URI url, JwtSource jwt, Duration timeout, int maxConcurrentCalls) {
  /** op-node's {@code --l2.engine-rpc-timeout} default. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

  /** A fetch of the three heads takes three slots; the core rarely has more than a few calls out. */
  public static final int DEFAULT_MAX_CONCURRENT_CALLS = 8;

  public EngineClientOptions {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(jwt, "jwt");
    Objects.requireNonNull(timeout, "timeout");
    String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new IllegalArgumentException("engine URL must be http:// or https://, got " + url);
    }
    if (url.getHost() == null) {
      throw new IllegalArgumentException("engine URL has no host: " + url);
    }
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("engine timeout must be positive, got " + timeout);
    }
    if (maxConcurrentCalls < 1) {
      throw new IllegalArgumentException("maxConcurrentCalls must be at least 1, got " + maxConcurrentCalls);
    }
  }

  /** Defaults for everything but the endpoint and the secret. */
  public static EngineClientOptions of(URI url, JwtSource jwt) {
    return new EngineClientOptions(url, jwt, DEFAULT_TIMEOUT, DEFAULT_MAX_CONCURRENT_CALLS);
  }

  public EngineClientOptions withTimeout(Duration newTimeout) {
    return new EngineClientOptions(url, jwt, newTimeout, maxConcurrentCalls);
  }

  public EngineClientOptions withMaxConcurrentCalls(int newMax) {
    return new EngineClientOptions(url, jwt, timeout, newMax);
  }
}
