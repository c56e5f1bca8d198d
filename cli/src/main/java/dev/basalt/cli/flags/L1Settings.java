package dev.basalt.cli.flags;

import dev.basalt.adapters.beacon.BeaconOptions;
import dev.basalt.adapters.http.RetryPolicy;
import dev.basalt.adapters.l1.L1AdapterOptions;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What the L1 flags say, before the devnet may replace the endpoints.
 *
 * @param rpc {@code --l1-eth-rpc}, null when not given
 * @param trustRpc {@code --l1-trust-rpc} as given or defaulted (kona: true)
 * @param beacon {@code --l1-beacon}, null when not given
 * @param slotDurationOverrideSeconds 0 when not overridden
 * @param runtimeConfigReloadInterval {@code --l1.runtime-config-reload-interval}; zero reads only at start
 */
public record L1Settings(URI rpc, boolean trustRpc, URI beacon, List<URI> beaconFallbacks, Map<String, String> beaconHeaders,
    long slotDurationOverrideSeconds, Duration httpPollInterval, Duration epochPollInterval, int rpcMaxBatchSize,
    int maxConcurrency, long verifierL1Confs, Duration runtimeConfigReloadInterval) {

  /** One HTTP exchange's deadline, as before these flags existed (no kona or op-node flag sets it). */
  public static final long CALL_TIMEOUT_MILLIS = 30_000;

  /** The adapter's options for these endpoints (the flags', or the devnet's) and polling. */
  public L1AdapterOptions adapterOptions(URI rpcUrl, URI beaconUrl, boolean trust, Duration headPoll, Duration epochPoll) {
    BeaconOptions b = new BeaconOptions(beaconUrl, beaconFallbacks, beaconHeaders, slotDurationOverrideSeconds, CALL_TIMEOUT_MILLIS,
        RetryPolicy.DEFAULT, maxConcurrency);
    return new L1AdapterOptions(rpcUrl, trust, headPoll.toMillis(), epochPoll.toMillis(), rpcMaxBatchSize, maxConcurrency,
        CALL_TIMEOUT_MILLIS, RetryPolicy.DEFAULT, b, runtimeConfigReloadInterval.toMillis());
  }
}
