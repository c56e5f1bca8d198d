package dev.basalt.cli;

import dev.basalt.adapters.beacon.BeaconOptions;
import dev.basalt.adapters.config.ChainConfigLoader;
import dev.basalt.adapters.config.ChainSelection;
import dev.basalt.adapters.config.ConfigException;
import dev.basalt.adapters.config.NodeChainConfig;
import dev.basalt.adapters.engine.EngineClientOptions;
import dev.basalt.adapters.engine.JsonRpcClient;
import dev.basalt.adapters.engine.JwtSecretException;
import dev.basalt.adapters.engine.JwtSource;
import dev.basalt.adapters.http.RetryPolicy;
import dev.basalt.adapters.l1.L1AdapterOptions;
import dev.basalt.adapters.node.NodeRuntime;
import dev.basalt.adapters.ring.RingPolicy;
import dev.basalt.core.CoreConfig;
import dev.basalt.core.NodeMode;
import dev.basalt.core.SyncMode;
import dev.basalt.journal.JournalOptions;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code basalt node}: runs the rollup node as a validator over its real adapters, against a
 * chain's L1 node, beacon node and execution engine, or ({@code --dev}) against the embedded
 * devnet. Flag names, aliases and environment variables are kona-node's (op-node's where kona has
 * none); every flag parsed here is used, and combinations that cannot work are refused by name.
 */
@Command(
    name = "node",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = "Run the rollup node (validator).",
    footer = {
      "",
      "Examples:",
      "  basalt node --dev                       local devnet, journal in ./data/dev",
      "  basalt node --dev --datadir /tmp/dev    same, journal elsewhere",
      "  basalt node -c op-sepolia --l1-eth-rpc http://l1:8545 --l1-beacon http://cl:5052 \\",
      "      --l2-engine-rpc http://op-geth:8551 --l2-engine-jwt-secret jwt.hex --datadir data/op-sepolia"
    })
final class NodeCommand implements Callable<Integer> {
  private static final Logger LOG = LoggerFactory.getLogger(NodeCommand.class);

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  /** One week: the devnet rebuilds its whole history at start, which takes time in proportion to its age. */
  static final long MAX_DEV_GENESIS_AGE_SECONDS = 7 * 24 * 3600;

  @Option(names = "--dev", description = "Run against the embedded local devnet (no external services).")
  boolean dev;

  @Option(names = "--dev.l1-block-time", paramLabel = "SECONDS", defaultValue = "2",
      description = "Devnet L1 block time in seconds (default: ${DEFAULT-VALUE}; --dev only).")
  long devL1BlockSeconds;

  @Option(names = "--dev.genesis-age", paramLabel = "SECONDS", defaultValue = "0",
      description = "Start a new devnet with its genesis this many seconds in the past: its history is built at start and the "
          + "node catches up on it (default: ${DEFAULT-VALUE}; --dev only, new data directory only).")
  long devGenesisAgeSeconds;

  @Option(names = {"--chain", "-c", "--l2-chain-id"}, paramLabel = "ID|NAME", defaultValue = "${env:KONA_NODE_L2_CHAIN_ID:-10}",
      description = "L2 chain id or name from the embedded superchain registry (default: ${DEFAULT-VALUE}; env KONA_NODE_L2_CHAIN_ID).")
  String chain;

  @Option(names = {"--l2-config-file", "--rollup-cfg", "--rollup.config"}, paramLabel = "FILE", defaultValue = "${env:KONA_NODE_ROLLUP_CONFIG}",
      description = "rollup.json to use instead of the registry (env KONA_NODE_ROLLUP_CONFIG).")
  Path l2ConfigFile;

  @Option(names = {"--l1-config-file", "--rollup-l1-cfg"}, paramLabel = "FILE", defaultValue = "${env:KONA_NODE_L1_CHAIN_CONFIG}",
      description = "L1 chain config JSON (blob schedule) instead of the built-in one (env KONA_NODE_L1_CHAIN_CONFIG).")
  Path l1ConfigFile;

  @Option(names = {"--l1-eth-rpc", "--l1"}, paramLabel = "URL", defaultValue = "${env:KONA_NODE_L1_ETH_RPC}",
      description = "L1 execution JSON-RPC endpoint, required unless --dev (env KONA_NODE_L1_ETH_RPC).")
  URI l1Rpc;

  @Option(names = {"--l1-trust-rpc", "--l1.trust-rpc"}, paramLabel = "BOOL", arity = "0..1", fallbackValue = "true",
      defaultValue = "${env:KONA_NODE_L1_TRUST_RPC:-true}",
      description = "Trust the L1 node's block hashes and roots; false re-verifies every fetched block (default: true, as kona;"
          + " --dev verifies unless given; env KONA_NODE_L1_TRUST_RPC).")
  boolean l1TrustRpc;

  @Option(names = {"--l1-beacon", "--l1.beacon"}, paramLabel = "URL", defaultValue = "${env:KONA_NODE_L1_BEACON}",
      description = "Beacon API endpoint for blobs, required unless --dev (env KONA_NODE_L1_BEACON).")
  URI l1Beacon;

  @Option(names = "--l1.beacon-fallbacks", paramLabel = "URL", split = ",", defaultValue = "${env:OP_NODE_L1_BEACON_FALLBACKS}",
      description = "Beacon API endpoints tried in order when the primary fails, comma-separated (env OP_NODE_L1_BEACON_FALLBACKS).")
  List<URI> beaconFallbacks;

  @Option(names = {"--l1-slot-duration-override", "--l1.slot-duration-override"}, paramLabel = "SECONDS",
      defaultValue = "${env:KONA_NODE_L1_SLOT_DURATION_OVERRIDE}",
      description = "Fixed L1 slot duration instead of the beacon node's SECONDS_PER_SLOT (env KONA_NODE_L1_SLOT_DURATION_OVERRIDE).")
  Long slotDurationOverrideSeconds;

  @Option(names = {"--l2-engine-rpc", "--l2"}, paramLabel = "URL", defaultValue = "${env:KONA_NODE_L2_ENGINE_RPC}",
      description = "Execution engine authrpc endpoint, required unless --dev (env KONA_NODE_L2_ENGINE_RPC).")
  URI engineRpc;

  @Option(names = {"--l2-engine-jwt-secret", "--l2.jwt-secret"}, paramLabel = "FILE", defaultValue = "${env:KONA_NODE_L2_ENGINE_AUTH}",
      description = "Hex JWT secret file shared with the engine; without it or --l2-engine-jwt-encoded, ./l2_jwt.hex is read or"
          + " created, as kona does (env KONA_NODE_L2_ENGINE_AUTH).")
  Path jwtFile;

  @Option(names = {"--l2-engine-jwt-encoded", "--l2.jwt-secret-encoded"}, paramLabel = "HEX",
      defaultValue = "${env:KONA_NODE_L2_ENGINE_AUTH_ENCODED}",
      description = "The JWT secret as hex, instead of a file (env KONA_NODE_L2_ENGINE_AUTH_ENCODED).")
  String jwtHex;

  @Option(names = {"--l2-engine-timeout", "--l2.timeout"}, paramLabel = "MILLIS", defaultValue = "${env:KONA_NODE_L2_ENGINE_TIMEOUT:-30000}",
      description = "Deadline of one engine call in milliseconds (default: ${DEFAULT-VALUE}; env KONA_NODE_L2_ENGINE_TIMEOUT).")
  long engineTimeoutMillis;

  @Option(names = {"--syncmode", "--l2.syncmode"}, paramLabel = "MODE", defaultValue = "${env:OP_NODE_SYNCMODE:-consensus-layer}",
      description = "consensus-layer (derive every block from L1; default) or execution-layer (the engine syncs itself first,"
          + " while it has nothing finalized) (env OP_NODE_SYNCMODE).")
  String syncMode;

  @Option(names = {"--verifier.l1-confs", "--l1-confs"}, paramLabel = "N", defaultValue = "${env:OP_NODE_VERIFIER_L1_CONFS:-0}",
      description = "Derive only from L1 blocks at least N blocks below the L1 head (default: ${DEFAULT-VALUE};"
          + " env OP_NODE_VERIFIER_L1_CONFS).")
  long verifierL1Confs;

  @Option(names = "--datadir", paramLabel = "DIR",
      description = "Where the journal, snapshots and safe-head database live (default: ./data/dev with --dev, else ./data/<chain id>).")
  Path dataDir;

  @Option(names = "--journal.roll-cycle", paramLabel = "CYCLE", defaultValue = "DAILY",
      description = "Start a new journal file HOURLY or DAILY (default: ${DEFAULT-VALUE}).")
  JournalOptions.RollCycle rollCycle;

  @Option(names = "--journal.retain-cycles", paramLabel = "N", defaultValue = "0",
      description = "Keep only the newest N journal files, deleting older ones behind a snapshot (0 keeps all).")
  int retainCycles;

  @Option(names = "--journal.strict-durability",
      description = "Sync the journal to disk at every batch end (survives power loss, costs latency).")
  boolean strictDurability;

  @Option(names = "--journal.snapshot-interval", paramLabel = "EVENTS", defaultValue = "100000",
      description = "Write a core snapshot every EVENTS events (default: ${DEFAULT-VALUE}).")
  long snapshotEveryEvents;

  /** Command-line options that name the chain's own services, which the devnet replaces. */
  private static final List<String> NOT_WITH_DEV = List.of("--chain", "--l2-config-file", "--l1-config-file", "--l1-eth-rpc",
      "--l1-beacon", "--l1.beacon-fallbacks", "--l1-slot-duration-override", "--l2-engine-rpc", "--l2-engine-jwt-secret",
      "--l2-engine-jwt-encoded");

  @Override
  public Integer call() throws Exception {
    try {
      checkFlags();
      return dev ? DevnetRun.run(this) : runChain();
    } catch (StartupException e) {
      spec.commandLine().getErr().println("basalt node: " + e.getMessage());
      return e.exitCode();
    }
  }

  private boolean given(String option) {
    return spec.commandLine().getParseResult().hasMatchedOption(option);
  }

  private void checkFlags() {
    parseSyncMode();
    if (verifierL1Confs < 0 || verifierL1Confs > CoreConfig.MAX_VERIFIER_L1_CONFS) {
      throw StartupException.usage("--verifier.l1-confs must be 0.." + CoreConfig.MAX_VERIFIER_L1_CONFS + ", got " + verifierL1Confs);
    }
    if (engineTimeoutMillis <= 0) {
      throw StartupException.usage("--l2-engine-timeout must be a positive number of milliseconds, got " + engineTimeoutMillis);
    }
    if (slotDurationOverrideSeconds != null && slotDurationOverrideSeconds <= 0) {
      throw StartupException.usage("--l1-slot-duration-override must be a positive number of seconds");
    }
    if (jwtFile != null && jwtHex != null) {
      throw StartupException.usage("give the JWT secret once: --l2-engine-jwt-secret (a file) or --l2-engine-jwt-encoded (hex), not both");
    }
    if (dev) {
      for (String option : NOT_WITH_DEV) {
        if (given(option)) {
          throw StartupException.usage(option + " cannot be used with --dev: the devnet runs its own chain, L1 and engine");
        }
      }
      if (devL1BlockSeconds < 1) {
        throw StartupException.usage("--dev.l1-block-time must be at least 1 second");
      }
      if (devGenesisAgeSeconds < 0 || devGenesisAgeSeconds > MAX_DEV_GENESIS_AGE_SECONDS) {
        throw StartupException.usage("--dev.genesis-age must be 0.." + MAX_DEV_GENESIS_AGE_SECONDS + " seconds, got " + devGenesisAgeSeconds);
      }
      return;
    }
    for (String option : List.of("--dev.l1-block-time", "--dev.genesis-age")) {
      if (given(option)) {
        throw StartupException.usage(option + " only applies with --dev");
      }
    }
    require(l1Rpc, "--l1-eth-rpc", "KONA_NODE_L1_ETH_RPC");
    require(l1Beacon, "--l1-beacon", "KONA_NODE_L1_BEACON");
    require(engineRpc, "--l2-engine-rpc", "KONA_NODE_L2_ENGINE_RPC");
    for (URI u : List.of(l1Rpc, l1Beacon, engineRpc)) {
      checkHttp(u);
    }
    if (beaconFallbacks != null) {
      beaconFallbacks.forEach(NodeCommand::checkHttp);
    }
  }

  private SyncMode parseSyncMode() {
    return switch (syncMode.strip().toLowerCase(Locale.ROOT)) {
      case "consensus-layer" -> SyncMode.CONSENSUS_LAYER;
      case "execution-layer" -> SyncMode.EXECUTION_LAYER;
      default -> throw StartupException.usage("--syncmode must be consensus-layer or execution-layer, got '" + syncMode + "'");
    };
  }

  /** The chain's config with this command's sync choices (sync mode, verifier confirmations). */
  CoreConfig withSyncOptions(CoreConfig chain) {
    return new CoreConfig(chain.rollup(), chain.l1(), chain.mode(), parseSyncMode(), verifierL1Confs);
  }

  private static void require(URI value, String flag, String env) {
    if (value == null) {
      throw StartupException.usage(flag + " (or " + env + ") is required unless --dev");
    }
  }

  private static void checkHttp(URI u) {
    String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
    if (!(scheme.equals("http") || scheme.equals("https")) || u.getHost() == null) {
      throw StartupException.usage("not an http(s) URL: " + u);
    }
  }

  JournalOptions journalOptions() {
    return new JournalOptions(rollCycle, retainCycles, strictDurability);
  }

  NodeRuntime.Options runtimeOptions() {
    return new NodeRuntime.Options(new RingPolicy(1 << 14, 1_000, snapshotEveryEvents, strictDurability), 500);
  }

  /** The engine client (loads the secret: an unreadable or malformed one stops the start). */
  JsonRpcClient engineClient(URI url, JwtSource jwt) {
    try {
      return JsonRpcClient.of(new EngineClientOptions(url, jwt, Duration.ofMillis(engineTimeoutMillis),
          EngineClientOptions.DEFAULT_MAX_CONCURRENT_CALLS));
    } catch (JwtSecretException e) {
      throw StartupException.failed(e.getMessage());
    }
  }

  /** Whether the L1 adapter trusts the RPC: the flag, except that --dev verifies unless told otherwise. */
  boolean trustL1Rpc() {
    return dev && !given("--l1-trust-rpc") ? false : l1TrustRpc;
  }

  private int runChain() throws Exception {
    NodeChainConfig chainConfig = loadChain();
    chainConfig.warnings().forEach(w -> LOG.warn("chain config: {}", w));
    CoreConfig config = withSyncOptions(new CoreConfig(chainConfig.rollup(), chainConfig.l1(), NodeMode.VALIDATOR));
    LOG.info("chain {} from {}", config.l2ChainId(), chainConfig.source());
    JwtSource jwt = jwtHex != null ? new JwtSource.Encoded(jwtHex)
        : jwtFile != null ? new JwtSource.File(jwtFile)
        : new JwtSource.File(Path.of("l2_jwt.hex"), true);
    if (jwtHex == null && jwtFile == null) {
      LOG.warn("no JWT secret given: using ./l2_jwt.hex (created if missing); the engine must be started with the same file");
    }
    JsonRpcClient client = engineClient(engineRpc, jwt);
    Path dir = dataDir != null ? dataDir : Path.of("data", Long.toString(config.l2ChainId()));
    var journal = startJournal(client, dir, config);
    BeaconOptions beacon = new BeaconOptions(l1Beacon, beaconFallbacks == null ? List.of() : beaconFallbacks, Map.of(),
        slotDurationOverrideSeconds == null ? 0 : slotDurationOverrideSeconds, 30_000, RetryPolicy.DEFAULT, 10);
    L1AdapterOptions l1 = new L1AdapterOptions(l1Rpc, trustL1Rpc(), 12_000, 384_000, 20, 10, 30_000, RetryPolicy.DEFAULT, beacon);
    var adapters = new NodeAdapters.Factory(l1, client, engineRpc, config.rollup(), NodeRun.openSafeHeads(dir));
    return NodeRun.runUntilStopped(runtimeOptions(), config, dir, journal, adapters, null, null);
  }

  /** Handshake first (a wrong secret or an absent engine must not touch the journal), then the journal. */
  private dev.basalt.journal.Journal startJournal(JsonRpcClient client, Path dir, CoreConfig config) {
    try {
      NodeRun.handshake(client, engineRpc);
      var journal = NodeRun.openJournal(dir, config, journalOptions());
      LOG.info("journal in {}", dir.toAbsolutePath());
      return journal;
    } catch (StartupException e) {
      client.close();
      throw e;
    }
  }

  /**
   * The registry chain by {@code --chain}, or a rollup file; with both, the loader checks that the
   * file is that chain's config (so the default chain must not count as a choice next to a file).
   */
  private NodeChainConfig loadChain() {
    boolean chainChosen = given("--chain") || System.getenv("KONA_NODE_L2_CHAIN_ID") != null;
    Optional<String> selector = l2ConfigFile == null || chainChosen ? Optional.of(chain) : Optional.empty();
    ChainSelection selection = new ChainSelection(selector, Optional.ofNullable(l2ConfigFile), Optional.ofNullable(l1ConfigFile));
    try {
      return ChainConfigLoader.load(selection);
    } catch (ConfigException e) {
      throw StartupException.failed(e.getMessage());
    }
  }
}
