package dev.basalt.adapters.beacon;

import dev.basalt.adapters.http.RetryPolicy;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How to reach the beacon API.
 *
 * @param url the primary beacon node ({@code --l1-beacon})
 * @param fallbackUrls tried in order when the primary fails ({@code --l1.beacon-fallbacks})
 * @param headers extra HTTP headers for the primary only ({@code --l1.beacon-header}, e.g. an
 *     API key)
 * @param slotDurationOverrideSeconds fixed seconds per slot instead of the node's {@code
 *     SECONDS_PER_SLOT} ({@code --l1-slot-duration-override}); 0 when not overridden
 * @param callTimeoutMillis deadline of one HTTP exchange
 * @param retry retries per endpoint for timeouts, transport errors and HTTP 429/5xx
 * @param maxConcurrency beacon requests in flight at once
 */
public record BeaconOptions(
    URI url,
    List<URI> fallbackUrls,
    Map<String, String> headers,
    long slotDurationOverrideSeconds,
    long callTimeoutMillis,
    RetryPolicy retry,
    int maxConcurrency) {

  public BeaconOptions {
    Objects.requireNonNull(url, "url");
    fallbackUrls = List.copyOf(fallbackUrls);
    headers = Map.copyOf(headers);
    Objects.requireNonNull(retry, "retry");
    if (slotDurationOverrideSeconds < 0) {
      throw new IllegalArgumentException("slotDurationOverrideSeconds must be 0 (none) or positive");
    }
    if (callTimeoutMillis <= 0 || maxConcurrency < 1) {
      throw new IllegalArgumentException("callTimeoutMillis and maxConcurrency must be positive");
    }
  }

  /** One endpoint, no fallbacks, no headers, slot duration from the node, 30 s calls, default retries. */
  public static BeaconOptions of(URI url) {
    return new BeaconOptions(url, List.of(), Map.of(), 0, 30_000, RetryPolicy.DEFAULT, 10);
  }
}
