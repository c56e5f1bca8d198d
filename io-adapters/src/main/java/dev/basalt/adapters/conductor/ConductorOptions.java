package dev.basalt.adapters.conductor;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Where op-conductor listens and how long one request (all its attempts) may take.
 *
 * @param url {@code --conductor.rpc} (op-node's default {@code http://127.0.0.1:8547})
 * @param timeout {@code --conductor.rpc-timeout} (default 1 s)
 */
public record ConductorOptions(URI url, Duration timeout) {
  public static final URI DEFAULT_URL = URI.create("http://127.0.0.1:8547");
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(1);

  public ConductorOptions {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(timeout, "timeout");
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("the conductor timeout must be positive, got " + timeout);
    }
  }
}
