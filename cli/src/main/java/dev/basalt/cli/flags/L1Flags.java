package dev.basalt.cli.flags;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The L1 execution and beacon endpoints and how they are polled. */
@Command(description = "L1")
public final class L1Flags {
  @Option(names = {"--l1-eth-rpc", "--l1"}, paramLabel = "URL", description = "L1 execution JSON-RPC endpoint (required unless --dev).")
  @Env({"KONA_NODE_L1_ETH_RPC", "OP_NODE_L1_ETH_RPC"})
  URI rpc;

  @Option(names = {"--l1-trust-rpc", "--l1.trust-rpc", "--l1.trustrpc"}, paramLabel = "BOOL", arity = "0..1", fallbackValue = "true",
      defaultValue = "true",
      description = "Trust the L1 node's block hashes and roots; false re-verifies every fetched block (kona's default true;"
          + " op-node's is false; --dev verifies unless given).")
  @Env("KONA_NODE_L1_TRUST_RPC")
  boolean trustRpc;

  @Option(names = {"--l1-beacon", "--l1.beacon"}, paramLabel = "URL", description = "Beacon API endpoint for blobs (required unless --dev).")
  @Env({"KONA_NODE_L1_BEACON", "OP_NODE_L1_BEACON"})
  URI beacon;

  @Option(names = "--l1.beacon-fallbacks", paramLabel = "URL", split = ",",
      description = "Beacon API endpoints tried in order when the primary fails, comma-separated (op-node).")
  @Env({"OP_NODE_L1_BEACON_FALLBACKS", "OP_NODE_L1_BEACON_ARCHIVER"})
  List<URI> beaconFallbacks;

  @Option(names = "--l1.beacon-header", paramLabel = "NAME: VALUE",
      description = "HTTP header for requests to the primary beacon node, e.g. an API key; repeatable (op-node).")
  @Env("OP_NODE_L1_BEACON_HEADER")
  List<String> beaconHeaders;

  @Option(names = {"--l1-slot-duration-override", "--l1.slot-duration-override"}, paramLabel = "SECONDS",
      description = "Fixed L1 slot duration instead of the beacon node's SECONDS_PER_SLOT.")
  @Env("KONA_NODE_L1_SLOT_DURATION_OVERRIDE")
  Long slotDurationOverrideSeconds;

  @Option(names = "--l1.http-poll-interval", paramLabel = "DURATION", defaultValue = "12s", converter = GoDuration.Seconds.class,
      description = "L1 head poll period (op-node; plain integers are seconds).")
  @Env("OP_NODE_L1_HTTP_POLL_INTERVAL")
  Duration httpPollInterval;

  @Option(names = "--l1.epoch-poll-interval", paramLabel = "DURATION", defaultValue = "6m24s", converter = GoDuration.Seconds.class,
      description = "L1 safe and finalized poll period (op-node; plain integers are seconds).")
  @Env("OP_NODE_L1_EPOCH_POLL_INTERVAL")
  Duration epochPollInterval;

  @Option(names = "--l1.runtime-config-reload-interval", paramLabel = "DURATION", defaultValue = "10m", converter = GoDuration.Seconds.class,
      description = "How often the unsafe-block signer (L1 SystemConfig) and protocol versions are re-read from L1; 0 reads them"
          + " only at start (op-node; plain integers are seconds).")
  @Env("OP_NODE_L1_RUNTIME_CONFIG_RELOAD_INTERVAL")
  Duration runtimeConfigReloadInterval;

  @Option(names = "--l1.rpc-max-batch-size", paramLabel = "N", defaultValue = "20", description = "Calls per JSON-RPC batch (op-node).")
  @Env("OP_NODE_L1_RPC_MAX_BATCH_SIZE")
  int rpcMaxBatchSize;

  @Option(names = "--l1.max-concurrency", paramLabel = "N", defaultValue = "10",
      description = "Requests in flight to the L1 and beacon nodes (op-node).")
  @Env("OP_NODE_L1_MAX_CONCURRENCY")
  int maxConcurrency;

  @Option(names = {"--verifier.l1-confs", "--l1-confs"}, paramLabel = "N", defaultValue = "0",
      description = "Derive only from L1 blocks at least N blocks below the L1 head (op-node).")
  @Env("OP_NODE_VERIFIER_L1_CONFS")
  long verifierL1Confs;

  /** The values, checked; {@code maxConfs} bounds {@code --verifier.l1-confs}. */
  public L1Settings settings(long maxConfs) {
    if (verifierL1Confs < 0 || verifierL1Confs > maxConfs) {
      throw new FlagException("--verifier.l1-confs must be 0.." + maxConfs + ", got " + verifierL1Confs);
    }
    if (slotDurationOverrideSeconds != null && slotDurationOverrideSeconds <= 0) {
      throw new FlagException("--l1-slot-duration-override must be a positive number of seconds");
    }
    positive(httpPollInterval, "--l1.http-poll-interval");
    positive(epochPollInterval, "--l1.epoch-poll-interval");
    if (runtimeConfigReloadInterval.isNegative()) {
      throw new FlagException("--l1.runtime-config-reload-interval must not be negative, got " + GoDuration.format(runtimeConfigReloadInterval));
    }
    if (rpcMaxBatchSize < 1 || maxConcurrency < 1) {
      throw new FlagException((rpcMaxBatchSize < 1 ? "--l1.rpc-max-batch-size" : "--l1.max-concurrency") + " must be at least 1");
    }
    return new L1Settings(rpc, trustRpc, beacon, beaconFallbacks == null ? List.of() : beaconFallbacks, headers(),
        slotDurationOverrideSeconds == null ? 0 : slotDurationOverrideSeconds, httpPollInterval, epochPollInterval, rpcMaxBatchSize,
        maxConcurrency, verifierL1Confs, runtimeConfigReloadInterval);
  }

  static void positive(Duration d, String flag) {
    if (d.isZero() || d.toMillis() < 1) {
      throw new FlagException(flag + " must be at least 1ms, got " + GoDuration.format(d));
    }
  }

  private Map<String, String> headers() {
    Map<String, String> out = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (String h : beaconHeaders == null ? List.<String>of() : beaconHeaders) {
      int colon = h.indexOf(':');
      int at = colon >= 0 ? colon : h.indexOf('=');
      String name = at > 0 ? h.substring(0, at).strip() : "";
      if (name.isEmpty() || !name.chars().allMatch(c -> c > 32 && c < 127 && c != ':')) {
        throw new FlagException("--l1.beacon-header must look like 'Name: value', got '" + h + "'");
      }
      out.put(name, h.substring(at + 1).strip());
    }
    return Map.copyOf(out);
  }
}
