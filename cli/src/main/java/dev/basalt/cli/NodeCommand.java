package dev.basalt.cli;

import dev.basalt.adapters.config.ChainConfigLoader;
import dev.basalt.adapters.config.ConfigException;
import dev.basalt.adapters.config.NodeChainConfig;
import dev.basalt.adapters.config.UnknownChainException;
import dev.basalt.adapters.engine.JsonRpcClient;
import dev.basalt.adapters.l1.L1AdapterOptions;
import dev.basalt.cli.flags.BuilderFlags;
import dev.basalt.cli.flags.ChainFlags;
import dev.basalt.cli.flags.ConductorFlags;
import dev.basalt.cli.flags.DevFlags;
import dev.basalt.cli.flags.EngineFlags;
import dev.basalt.cli.flags.EngineSettings;
import dev.basalt.cli.flags.EnvDefaults;
import dev.basalt.cli.flags.FlagException;
import dev.basalt.cli.flags.ForkOverrideFlags;
import dev.basalt.cli.flags.ForkOverrides;
import dev.basalt.cli.flags.L1Flags;
import dev.basalt.cli.flags.L1Settings;
import dev.basalt.cli.flags.LogFlags;
import dev.basalt.cli.flags.LogSettings;
import dev.basalt.cli.flags.NotYetWired;
import dev.basalt.cli.flags.P2pFlags;
import dev.basalt.cli.flags.SequencerFlags;
import dev.basalt.cli.flags.SequencerSettings;
import dev.basalt.cli.flags.SignerFlags;
import dev.basalt.cli.flags.StorageFlags;
import dev.basalt.cli.flags.StorageSettings;
import dev.basalt.cli.log.LogSetup;
import dev.basalt.adapters.sequencer.AdminStateFile;
import dev.basalt.core.CoreConfig;
import dev.basalt.core.SequencerConfig;
import dev.basalt.core.NodeMode;
import dev.basalt.core.SyncMode;
import dev.basalt.core.config.RollupConfig;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code basalt node}: runs the rollup node as a validator over its real adapters, against a
 * chain's L1 node, beacon node and execution engine, or ({@code --dev}) against the embedded
 * devnet. Flag names, aliases and environment variables are kona-node's (op-node's where kona has
 * none); every flag parsed here is used, and combinations that cannot work are refused by name.
 */
@Command(
    name = "node",
    customSynopsis = {"basalt node [OPTIONS]"},
    mixinStandardHelpOptions = true,
    sortOptions = false,
    showDefaultValues = true,
    description = "Run the rollup node (validator or sequencer).",
    footer = {
      "",
      "Examples:",
      "  basalt node --dev                       local devnet sequenced by Basalt, journal in ./data/dev",
      "  basalt node --dev --dev.mode Validator  local devnet that sequences itself; Basalt validates",
      "  basalt node --dev --datadir /tmp/dev    same, journal elsewhere",
      "  basalt node -c op-mainnet --l1-eth-rpc http://l1:8545 --l1-beacon http://cl:5052 \\",
      "      --l2-engine-rpc http://op-geth:8551 --l2-engine-jwt-secret jwt.hex --datadir data/op-mainnet",
      "  KONA_NODE_L1_ETH_RPC=http://l1:8545 KONA_NODE_L1_BEACON=http://cl:5052 \\",
      "      KONA_NODE_L2_ENGINE_RPC=http://op-geth:8551 KONA_NODE_L2_ENGINE_AUTH=jwt.hex basalt node -c base",
      "",
      "Every flag also reads the environment variable shown under it. Flags marked 'not wired yet' are",
      "accepted at their defaults and refused when set. Full reference: docs/flags.md."
    })
final class NodeCommand implements Callable<Integer> {
  private static final Logger LOG = LoggerFactory.getLogger(NodeCommand.class);

  @Spec CommandSpec spec;

  // One mixin per area (files in dev.basalt.cli.flags); the help lists them in this order.
  @Mixin DevFlags devFlags;
  @Mixin ChainFlags chainFlags;
  @Mixin L1Flags l1Flags;
  @Mixin EngineFlags engineFlags;
  @Mixin StorageFlags storageFlags;
  @Mixin ForkOverrideFlags forkFlags;
  @Mixin LogFlags logFlags;
  @Mixin SequencerFlags sequencerFlags;
  @Mixin ConductorFlags conductorFlags;
  @Mixin SignerFlags signerFlags;
  @Mixin P2pFlags p2pFlags;
  @Mixin BuilderFlags builderFlags;
  @Mixin RpcFlags rpcFlags;
  @Mixin MetricsFlags metricsFlags;

  /** The RPC server and metrics exporter of this run (created once the flags are checked). */
  NodeServices services;

  /** Command-line options that name the chain's own services or polling, which the devnet replaces. */
  private static final List<String> NOT_WITH_DEV = List.of("--chain", "--l2-config-file", "--l1-config-file", "--l1-eth-rpc",
      "--l1-beacon", "--l1.beacon-fallbacks", "--l1.beacon-header", "--l1-slot-duration-override", "--l1.http-poll-interval",
      "--l1.epoch-poll-interval", "--l2-engine-rpc", "--l2-engine-jwt-secret", "--l2-engine-jwt-encoded");

  @Override
  public Integer call() throws Exception {
    try {
      NodeSettings settings = settings();
      LogSetup.apply(settings.log());
      services = new NodeServices(rpcFlags, metricsFlags);
      return settings.dev() ? DevnetRun.run(settings, services) : runChain(settings);
    } catch (FlagException e) {
      spec.commandLine().getErr().println("basalt node: " + e.getMessage());
      return StartupException.USAGE;
    } catch (StartupException e) {
      spec.commandLine().getErr().println("basalt node: " + e.getMessage());
      return e.exitCode();
    }
  }

  /** The environment the options' variables came from (the process's unless a test gave its own). */
  EnvDefaults env() {
    return spec.defaultValueProvider() instanceof EnvDefaults e ? e : new EnvDefaults(Map.of());
  }

  private boolean given(String option) {
    return spec.commandLine().getParseResult().hasMatchedOption(option);
  }

  /**
   * Every flag and variable checked and resolved, without opening anything: contradictions and
   * flags that are not wired yet refuse the start by name (exit 2).
   */
  NodeSettings settings() {
    try {
      return resolve();
    } catch (FlagException e) {
      throw StartupException.usage(e.getMessage());
    }
  }

  private NodeSettings resolve() {
    NotYetWired.refusal(spec, defaultsSpec(), env()).ifPresent(m -> {
      throw new FlagException(m);
    });
    L1Settings l1 = l1Flags.settings(CoreConfig.MAX_VERIFIER_L1_CONFS);
    EngineSettings engine = engineFlags.settings();
    StorageSettings storage = storageFlags.settings();
    LogSettings log = logFlags.settings(env(), given("-v"), given("--log.level"));
    rpcFlags.check(given("--rpc.addr") || given("--rpc.port") || given("--rpc.enable-admin") || given("--rpc.ws-enabled"));
    metricsFlags.check(given("--metrics.addr") || given("--metrics.port"));
    ForkOverrides forks = forkFlags.overrides();
    boolean dev = devFlags.dev();
    boolean chainChosen = given("--chain") || env().lookup(EnvDefaults.names(spec.findOption("--chain"))).isPresent();
    if (dev) {
      checkDevFlags(forks);
    } else {
      checkChainFlags(l1, engine);
    }
    boolean trustL1 = dev && !given("--l1-trust-rpc") ? false : l1.trustRpc();
    boolean sequencing = sequencerFlags.effectiveMode() == SequencerFlags.Mode.Sequencer;
    if (dev && devFlags.mode() == DevFlags.DevMode.Validator && sequencing) {
      throw new FlagException("--mode Sequencer (--sequencer.enabled) cannot be used with --dev.mode Validator: that devnet sequences"
          + " its own chain and Basalt follows it; drop --dev.mode to have Basalt sequence the devnet");
    }
    if (dev && devFlags.mode() == DevFlags.DevMode.Sequencer) {
      if (!sequencing && (given("--mode") || env().lookup(EnvDefaults.names(spec.findOption("--mode"))).isPresent())) {
        throw new FlagException("--mode Validator cannot be used with --dev, where Basalt is the devnet's sequencer;"
            + " use --dev.mode Validator for a devnet that sequences itself");
      }
      if (devFlags.genesisAgeSeconds() != 0) {
        throw new FlagException("--dev.genesis-age needs --dev.mode Validator: a devnet Basalt sequences has no history before"
            + " Basalt starts it");
      }
      sequencing = true;
    }
    if (sequencing && engine.syncMode() == SyncMode.EXECUTION_LAYER) {
      throw new FlagException("--mode Sequencer needs --syncmode consensus-layer: a sequencer builds on the chain it derives");
    }
    SequencerSettings adapters = sequencerAdapters(sequencing);
    SequencerConfig sequencer = sequencerFlags.config().withConductor(adapters.conductor().isPresent());
    if (adapters.adminState().isPresent()) {
      sequencer = SequencerFlags.withPersistedState(sequencer, new AdminStateFile(adapters.adminState().get()));
    }
    return new NodeSettings(dev, devFlags.l1BlockSeconds(), devFlags.genesisAgeSeconds(), chainFlags.selection(chainChosen), forks, l1, trustL1, engine, storage,
        log, sequencing ? NodeMode.SEQUENCER : NodeMode.VALIDATOR, sequencer, adapters,
        p2pFlags.settings(dev, given("--p2p.listen.tcp") || env().lookup(EnvDefaults.names(spec.findOption("--p2p.listen.tcp"))).isPresent()));
  }

  /** With {@code --dev} the devnet runs its own chain, L1 and engine: flags that choose them are refused by name. */
  private void checkDevFlags(ForkOverrides forks) {
    for (String option : NOT_WITH_DEV) {
      if (given(option)) {
        throw new FlagException(option + " cannot be used with --dev: the devnet runs its own chain, L1 and engine");
      }
    }
    if (!forks.isEmpty()) {
      throw new FlagException("fork overrides cannot be used with --dev: the devnet's L1, batcher and engine run its own schedule");
    }
    if (devFlags.l1BlockSeconds() < 1) {
      throw new FlagException("--dev.l1-block-time must be at least 1 second");
    }
    if (devFlags.genesisAgeSeconds() < 0 || devFlags.genesisAgeSeconds() > DevFlags.MAX_GENESIS_AGE_SECONDS) {
      throw new FlagException("--dev.genesis-age must be 0.." + DevFlags.MAX_GENESIS_AGE_SECONDS + " seconds, got "
          + devFlags.genesisAgeSeconds());
    }
  }

  /** Without {@code --dev}: the {@code --dev.*} flags are refused, and the L1 and engine endpoints are required. */
  private void checkChainFlags(L1Settings l1, EngineSettings engine) {
    for (String option : List.of("--dev.l1-block-time", "--dev.genesis-age", "--dev.mode")) {
      if (given(option)) {
        throw new FlagException(option + " only applies with --dev");
      }
    }
    require(l1.rpc(), "--l1-eth-rpc", "KONA_NODE_L1_ETH_RPC");
    require(l1.beacon(), "--l1-beacon", "KONA_NODE_L1_BEACON");
    require(engine.rpc(), "--l2-engine-rpc", "KONA_NODE_L2_ENGINE_RPC");
    checkHttp(l1.rpc(), "--l1-eth-rpc");
    checkHttp(l1.beacon(), "--l1-beacon");
    checkHttp(engine.rpc(), "--l2-engine-rpc");
    l1.beaconFallbacks().forEach(u -> checkHttp(u, "--l1.beacon-fallbacks"));
  }

  /** The key, conductor and admin-state file; each refused by name unless the node sequences. */
  private SequencerSettings sequencerAdapters(boolean sequencing) {
    var key = signerFlags.key();
    var remoteSigner = signerFlags.remote();
    var conductor = conductorFlags.options();
    var adminState = java.util.Optional.ofNullable(rpcFlags.adminState);
    if (!sequencing) {
      String flag = signerFlags.given().orElse(conductor.isPresent() ? (given("--conductor.rpc") ? "--conductor.rpc" : "--conductor.enabled")
          : adminState.isPresent() ? "--rpc.admin-state" : null);
      if (flag != null) {
        throw new FlagException(flag + " only applies to a sequencer (--mode Sequencer or --sequencer.enabled)");
      }
    }
    return new SequencerSettings(key, remoteSigner, conductor, adminState);
  }

  /** This command parsed with no arguments and no environment: every option at its default. */
  private static CommandSpec defaultsSpec() {
    CommandLine cl = new CommandLine(new NodeCommand());
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    cl.setDefaultValueProvider(new EnvDefaults(Map.of()));
    cl.parseArgs();
    return cl.getCommandSpec();
  }

  private static void require(URI value, String flag, String env) {
    if (value == null) {
      throw new FlagException(flag + " (or " + env + ") is required unless --dev");
    }
  }

  private static void checkHttp(URI u, String flag) {
    String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
    if (!(scheme.equals("http") || scheme.equals("https")) || u.getHost() == null) {
      throw new FlagException(flag + ": not an http(s) URL: " + u);
    }
  }

  private int runChain(NodeSettings s) throws Exception {
    NodeChainConfig chainConfig = loadChain(s);
    chainConfig.warnings().forEach(w -> LOG.warn("chain config: {}", w));
    RollupConfig rollup = s.forks().apply(chainConfig.rollup());
    if (!s.forks().isEmpty()) {
      LOG.warn("fork overrides applied: {} (chain config had {})", rollup.forks(), chainConfig.rollup().forks());
    }
    CoreConfig config = s.withSyncOptions(new CoreConfig(rollup, chainConfig.l1(), NodeMode.VALIDATOR));
    if (config.sequencing()) {
      SequencerSettings seq = s.sequencerAdapters();
      LOG.info("sequencer mode: {}; {}; run op-batcher against this node's engine to post the blocks", seq.signerDescription()
          .map(k -> "blocks signed by " + k + (s.p2p().enabled() ? " and gossiped" : " (not gossiped: --p2p.disable)"))
          .orElse("no --p2p.sequencer.key or --p2p.signer.endpoint: blocks are not signed or published"), seq.conductor()
          .map(c -> "op-conductor at " + c.url() + " (timeout " + c.timeout().toMillis() + " ms)").orElse("no op-conductor"));
    }
    LOG.info("chain {} from {}", config.l2ChainId(), chainConfig.source());
    if (s.engine().jwtDefaulted()) {
      LOG.warn("no JWT secret given: using ./l2_jwt.hex (created if missing); the engine must be started with the same file");
    }
    JsonRpcClient client = s.engineClient(s.engine().rpc(), s.engine().jwt(), services.engineListener());
    Path dir = s.storage().dataDirFor(Long.toString(config.l2ChainId()));
    var journal = startJournal(client, s, dir, config);
    L1AdapterOptions l1 = s.l1().adapterOptions(s.l1().rpc(), s.l1().beacon(), s.trustL1Rpc(), s.l1().httpPollInterval(),
        s.l1().epochPollInterval());
    var safeHeads = NodeRun.openSafeHeadsFile(s.storage().safeDbFor(dir));
    services.prepare(config.rollup(), safeHeads, s.engineClient(s.engine().rpc(), s.engine().jwt(), services.engineListener()));
    var p2p = NodeRun.p2p(s, config, dir, true);
    services.p2p(p2p);
    var adapters = new NodeAdapters.Factory(l1, client, s.engine().rpc(), config.rollup(), safeHeads, services,
        s.sequencerAdapters(), p2p);
    return NodeRun.runUntilStopped(s.runtimeOptions(), config, dir, journal, adapters, null, null, services);
  }

  /** Handshake first (a wrong secret or an absent engine must not touch the journal), then the journal. */
  private static dev.basalt.journal.Journal startJournal(JsonRpcClient client, NodeSettings s, Path dir, CoreConfig config) {
    try {
      NodeRun.handshake(client, s.engine().rpc());
      var journal = NodeRun.openJournal(dir, config, s.storage().journal());
      LOG.info("journal in {}", dir.toAbsolutePath());
      return journal;
    } catch (StartupException e) {
      client.close();
      throw e;
    }
  }

  private static NodeChainConfig loadChain(NodeSettings s) {
    try {
      return ChainConfigLoader.load(s.chain());
    } catch (UnknownChainException e) {
      throw StartupException.failed("--chain (KONA_NODE_L2_CHAIN_ID): " + e.getMessage());
    } catch (ConfigException e) {
      throw StartupException.failed(e.getMessage());
    }
  }
}
