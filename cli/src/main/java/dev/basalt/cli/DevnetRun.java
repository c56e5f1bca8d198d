package dev.basalt.cli;

import dev.basalt.adapters.engine.JsonRpcClient;
import dev.basalt.adapters.engine.JwtSource;
import dev.basalt.adapters.l1.L1AdapterOptions;
import dev.basalt.adapters.safedb.FileSafeHeadStore;
import dev.basalt.cli.devnet.Devnet;
import dev.basalt.core.CoreConfig;
import dev.basalt.journal.Journal;
import dev.basalt.testdata.world.DevWorld;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code basalt node --dev}: the devnet's services start in this process on loopback and the node
 * runs over its real adapters against them, exactly as against a real chain: as the devnet's
 * sequencer (the default; the devnet's embedded batcher posts what it builds), or with {@code
 * --dev.mode Validator} as a validator of a chain the devnet sequences itself. The devnet's genesis
 * time, JWT secret and (as sequencer) its L2 chain live beside the journal, so a restart continues
 * the same chains (the world rebuilds its history up to now before the node starts).
 */
final class DevnetRun {
  private static final Logger LOG = LoggerFactory.getLogger(DevnetRun.class);

  private DevnetRun() {}

  static int run(NodeSettings options, NodeServices rpc) throws Exception {
    Path dir = options.storage().dataDirFor("dev");
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw StartupException.failed("cannot create the data directory " + dir + ": " + e);
    }
    long l1BlockSeconds = options.devL1BlockSeconds();
    long genesis;
    java.util.OptionalLong stored;
    java.util.Optional<String> storedMode;
    try {
      stored = DevnetGenesis.load(dir);
      storedMode = DevnetGenesis.mode(dir);
    } catch (IOException | RuntimeException e) {
      throw StartupException.failed("cannot read the devnet's genesis time in " + dir + ": " + e.getMessage());
    }
    String mode = options.mode() == dev.basalt.core.NodeMode.SEQUENCER ? "Sequencer" : "Validator";
    if (storedMode.isPresent() && !storedMode.get().equalsIgnoreCase(mode)) {
      throw StartupException.usage(dir + " holds a devnet where Basalt is the " + storedMode.get() + ", not the " + mode
          + ": pass --dev.mode " + storedMode.get() + " or use a new --datadir");
    }
    if (stored.isPresent() && options.devGenesisAgeSeconds() != 0) {
      throw StartupException.usage("--dev.genesis-age applies only to a new devnet: " + dir + " already holds one (genesis "
          + stored.getAsLong() + "); drop the option or use a new --datadir");
    }
    genesis = stored.orElse(System.currentTimeMillis() / 1000 - options.devGenesisAgeSeconds());
    CoreConfig config = options.withSyncOptions(DevWorld.coreConfig(DevWorld.L2_CHAIN_ID, genesis, l1BlockSeconds));
    // The journal first: it refuses to start in a directory that already holds anything else.
    Journal journal = NodeRun.openJournal(dir, config, options.storage().journal());
    Devnet devnet = null;
    JsonRpcClient client = null;
    FileSafeHeadStore safeHeads;
    try {
      DevnetGenesis.save(dir, genesis, mode);
      devnet = config.sequencing() ? Devnet.startSequenced(dir, genesis, l1BlockSeconds) : Devnet.start(dir, genesis, l1BlockSeconds);
      // The devnet's SystemConfig names the sequencer's key, as a real chain's does: its L1 tells validators the signer.
      if (options.sequencerAdapters().key().isPresent()) {
        devnet.unsafeBlockSigner(options.sequencerAdapters().key().get().address());
      }
      LOG.info("devnet up ({}): genesis {} ({} s ago), history rebuilt in {} ms; {}",
          config.sequencing() ? "Basalt sequences, the embedded batcher posts its blocks as blobs and calldata"
              : "the devnet sequences, Basalt validates", genesis,
          System.currentTimeMillis() / 1000 - genesis, devnet.catchUpMillis(), devnet.describeEndpoints());
      client = options.engineClient(devnet.engineUrl(), new JwtSource.File(devnet.jwtFile()), rpc.engineListener());
      NodeRun.handshake(client, devnet.engineUrl());
      safeHeads = NodeRun.openSafeHeadsFile(options.storage().safeDbFor(dir));
    } catch (Exception | Error e) {
      if (client != null) {
        client.close();
      }
      NodeRun.closeQuietly(devnet);
      journal.close();
      throw e;
    }
    LOG.info("journal in {}", dir.toAbsolutePath());
    long pollMillis = Math.max(250, l1BlockSeconds * 1000 / 2);
    L1AdapterOptions l1 = options.l1().adapterOptions(devnet.l1RpcUrl(), devnet.beaconUrl(), options.trustL1Rpc(),
        Duration.ofMillis(pollMillis), Duration.ofMillis(4 * pollMillis));
    rpc.prepare(config.rollup(), safeHeads,
        options.engineClient(devnet.engineUrl(), new JwtSource.File(devnet.jwtFile()), rpc.engineListener()));
    var p2p = NodeRun.p2p(options, config, dir, false);
    rpc.p2p(p2p);
    var adapters = new NodeAdapters.Factory(l1, client, devnet.engineUrl(), config.rollup(), safeHeads, rpc,
        options.sequencerAdapters(), p2p);
    Devnet services = devnet;
    return NodeRun.runUntilStopped(options.runtimeOptions(), config, dir, journal, adapters, services::stats, services, rpc);
  }
}
