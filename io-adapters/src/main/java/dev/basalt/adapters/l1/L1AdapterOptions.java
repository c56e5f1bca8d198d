package dev.basalt.adapters.l1;

import dev.basalt.adapters.beacon.BeaconOptions;
import dev.basalt.adapters.http.RetryPolicy;
import java.net.URI;
import java.util.Objects;

/**
 * Everything the L1 adapter is configured by; each field maps to one kona/op-node flag.
 *
 * @param rpcUrl L1 execution JSON-RPC endpoint ({@code --l1-eth-rpc})
 * @param trustRpc skip recomputing block hashes and transaction/receipt roots ({@code
 *     --l1-trust-rpc}; kona defaults to true, op-node to false)
 * @param httpPollIntervalMillis head poll period ({@code --l1.http-poll-interval}, 12 s)
 * @param epochPollIntervalMillis safe/finalized poll period ({@code --l1.epoch-poll-interval},
 *     6 min 24 s: one epoch)
 * @param rpcMaxBatchSize calls per JSON-RPC batch ({@code --l1.rpc-max-batch-size}, 20)
 * @param maxConcurrency HTTP requests in flight to the L1 node ({@code --l1.max-concurrency}, 10)
 * @param callTimeoutMillis deadline of one HTTP exchange
 * @param retry retries of a request for timeouts, transport errors, HTTP 429/5xx
 * @param beacon the beacon API endpoints ({@code --l1-beacon}, {@code --l1.beacon-fallbacks},
 *     {@code --l1.beacon-header}, {@code --l1-slot-duration-override})
 * @param runtimeConfigReloadMillis period of the runtime-config reload (unsafe-block signer,
 *     protocol versions; {@code --l1.runtime-config-reload-interval}, 10 min; 0 loads only at start)
 */
public record L1AdapterOptions(
    URI rpcUrl,
    boolean trustRpc,
    long httpPollIntervalMillis,
    long epochPollIntervalMillis,
    int rpcMaxBatchSize,
    int maxConcurrency,
    long callTimeoutMillis,
    RetryPolicy retry,
    BeaconOptions beacon,
    long runtimeConfigReloadMillis) {

  /** op-node's default runtime-config reload period, 10 minutes. */
  public static final long DEFAULT_RUNTIME_CONFIG_RELOAD_MILLIS = 600_000;

  /** As the canonical constructor, with the default runtime-config reload period. */
  public L1AdapterOptions(URI rpcUrl, boolean trustRpc, long httpPollIntervalMillis, long epochPollIntervalMillis, int rpcMaxBatchSize,
      int maxConcurrency, long callTimeoutMillis, RetryPolicy retry, BeaconOptions beacon) {
    this(rpcUrl, trustRpc, httpPollIntervalMillis, epochPollIntervalMillis, rpcMaxBatchSize, maxConcurrency, callTimeoutMillis, retry,
        beacon, DEFAULT_RUNTIME_CONFIG_RELOAD_MILLIS);
  }

  public L1AdapterOptions {
    Objects.requireNonNull(rpcUrl, "rpcUrl");
    Objects.requireNonNull(retry, "retry");
    Objects.requireNonNull(beacon, "beacon");
    if (httpPollIntervalMillis <= 0 || epochPollIntervalMillis <= 0 || callTimeoutMillis <= 0) {
      throw new IllegalArgumentException("intervals and timeouts must be positive");
    }
    if (runtimeConfigReloadMillis < 0) {
      throw new IllegalArgumentException("runtimeConfigReloadMillis must not be negative");
    }
    if (rpcMaxBatchSize < 1 || maxConcurrency < 1) {
      throw new IllegalArgumentException("rpcMaxBatchSize and maxConcurrency must be at least 1");
    }
  }

  /**
   * op-node's defaults: verify everything ({@code trustRpc} false), 12 s head polls, 384 s epoch
   * polls, batches of 20, 10 requests in flight, 30 s calls, default retries.
   */
  public static L1AdapterOptions defaults(URI rpcUrl, URI beaconUrl) {
    return new L1AdapterOptions(rpcUrl, false, 12_000, 384_000, 20, 10, 30_000, RetryPolicy.DEFAULT,
        BeaconOptions.of(beaconUrl));
  }
}
