package dev.basalt.cli;

import dev.basalt.adapters.node.NodeRuntime;
import dev.basalt.adapters.ring.RingPolicy;
import dev.basalt.core.CoreConfig;
import dev.basalt.core.SyncMode;
import dev.basalt.testdata.world.DevWorld;
import dev.basalt.journal.Journal;
import dev.basalt.journal.JournalHeader;
import dev.basalt.journal.JournalOptions;
import dev.basalt.journal.Journals;
import dev.basalt.journal.SnapshotStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code basalt node}: runs the rollup node. */
@Command(
    name = "node",
    mixinStandardHelpOptions = true,
    description = "Run the rollup node.",
    footer = {
      "",
      "Examples:",
      "  basalt node --dev                       local devnet, journal in ./data/dev",
      "  basalt node --dev --datadir /tmp/dev    same, journal elsewhere"
    })
final class NodeCommand implements Callable<Integer> {
  private static final Logger LOG = LoggerFactory.getLogger(NodeCommand.class);
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--dev", description = "Run the embedded local devnet (no external services).")
  boolean dev;

  @Option(
      names = "--datadir",
      paramLabel = "DIR",
      description = "Where the journal and snapshots live (default: ./data/dev with --dev).")
  Path dataDir;

  @Option(
      names = "--dev.l1-block-time",
      paramLabel = "SECONDS",
      defaultValue = "2",
      description = "Devnet L1 block time in seconds (default: ${DEFAULT-VALUE}).")
  long devL1BlockSeconds;

  @Option(
      names = "--journal.roll-cycle",
      paramLabel = "CYCLE",
      defaultValue = "DAILY",
      description = "Start a new journal file HOURLY or DAILY (default: ${DEFAULT-VALUE}).")
  JournalOptions.RollCycle rollCycle;

  @Option(
      names = "--journal.retain-cycles",
      paramLabel = "N",
      defaultValue = "0",
      description = "Keep only the newest N journal files, deleting older ones behind a snapshot (0 keeps all).")
  int retainCycles;

  @Option(
      names = "--journal.strict-durability",
      description = "Sync the journal to disk at every batch end (survives power loss, costs latency).")
  boolean strictDurability;

  @Option(
      names = "--journal.snapshot-interval",
      paramLabel = "EVENTS",
      defaultValue = "100000",
      description = "Write a core snapshot every EVENTS events (default: ${DEFAULT-VALUE}).")
  long snapshotEveryEvents;

  @Option(
      names = "--syncmode",
      paramLabel = "MODE",
      defaultValue = "consensus-layer",
      description = "consensus-layer (derive every block from L1) or execution-layer (the engine syncs itself first, "
          + "while it has nothing finalized) (default: ${DEFAULT-VALUE}).")
  String syncMode;

  @Option(
      names = "--verifier.l1-confs",
      paramLabel = "N",
      defaultValue = "0",
      description = "Derive only from L1 blocks at least N blocks below the L1 head (default: ${DEFAULT-VALUE}).")
  long verifierL1Confs;

  private SyncMode parseSyncMode() {
    return switch (syncMode) {
      case "consensus-layer" -> SyncMode.CONSENSUS_LAYER;
      case "execution-layer" -> SyncMode.EXECUTION_LAYER;
      default -> throw new picocli.CommandLine.ParameterException(
          spec.commandLine(), "--syncmode must be consensus-layer or execution-layer, not " + syncMode);
    };
  }

  @Override
  public Integer call() throws Exception {
    if (!dev) {
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(),
          "basalt node currently runs only the embedded devnet: pass --dev. Following a real chain "
              + "(--l1-eth-rpc, --l2-engine-rpc, --chain, ...) arrives with the validator issue.");
    }
    if (devL1BlockSeconds < 1) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--dev.l1-block-time must be at least 1 second");
    }
    Path dir = dataDir != null ? dataDir : Path.of("data", "dev");
    Files.createDirectories(dir);
    long genesis = DevnetGenesis.load(dir).orElse(System.currentTimeMillis() / 1000);
    if (verifierL1Confs < 0 || verifierL1Confs > CoreConfig.MAX_VERIFIER_L1_CONFS) {
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(), "--verifier.l1-confs must be 0.." + CoreConfig.MAX_VERIFIER_L1_CONFS);
    }
    CoreConfig devnet = DevWorld.coreConfig(DevWorld.L2_CHAIN_ID, genesis, devL1BlockSeconds);
    CoreConfig config = new CoreConfig(devnet.rollup(), devnet.l1(), devnet.mode(), parseSyncMode(), verifierL1Confs);
    JournalOptions journalOptions = new JournalOptions(rollCycle, retainCycles, strictDurability);
    JournalHeader header =
        new JournalHeader(1, Version.current(), config.l2ChainId(), ConfigHash.of(config), System.currentTimeMillis());
    Journal journal = Journals.openOrCreate(dir, journalOptions, header);
    if (journal.header().l2ChainId() != config.l2ChainId()) {
      journal.close();
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(),
          "journal in " + dir + " belongs to chain " + journal.header().l2ChainId() + ", not " + config.l2ChainId()
              + "; use another --datadir");
    }
    DevnetGenesis.save(dir, genesis);
    SnapshotStore snapshots = Journals.snapshots(dir);
    NodeRuntime.Options options =
        new NodeRuntime.Options(
            new RingPolicy(1 << 14, 1_000, snapshotEveryEvents, strictDurability), 500);
    DevWorldAdapters.Factory world = new DevWorldAdapters.Factory(genesis, devL1BlockSeconds);
    NodeRuntime node = NodeRuntime.start(options, config, journal, snapshots, world, new ExitingHalter());
    LOG.info(
        "devnet running: L2 chain {}, journal in {} (starting at input {}); Ctrl-C to stop",
        config.l2ChainId(),
        dir.toAbsolutePath(),
        journal.nextInputSeq());
    StatusPrinter printer = new StatusPrinter(node, 5_000);
    printer.start();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  printer.close();
                  node.close();
                  LOG.info("stopped; verify the run with: ./basalt replay verify {}", dir);
                  stopped.countDown();
                },
                "basalt-shutdown"));
    stopped.await();
    return 0;
  }
}
