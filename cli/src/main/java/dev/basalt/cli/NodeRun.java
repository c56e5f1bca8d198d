package dev.basalt.cli;

import dev.basalt.adapters.engine.EngineHandshake;
import dev.basalt.adapters.engine.HandshakeResult;
import dev.basalt.adapters.engine.JsonRpcClient;
import dev.basalt.adapters.node.NodeRuntime;
import dev.basalt.adapters.node.WorldAdapters;
import dev.basalt.adapters.ring.EventSink;
import dev.basalt.adapters.safedb.FileSafeHeadStore;
import dev.basalt.core.CoreConfig;
import dev.basalt.journal.Journal;
import dev.basalt.journal.JournalHeader;
import dev.basalt.journal.JournalOptions;
import dev.basalt.journal.Journals;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The steps every {@code basalt node} run shares, devnet or not: the engine handshake, the journal
 * and safe-head database in the data directory, then the runtime with its status line until the
 * process is told to stop, and an orderly shutdown.
 */
final class NodeRun {
  private static final Logger LOG = LoggerFactory.getLogger(NodeRun.class);

  /** The safe-head database's file in the data directory. */
  static final String SAFE_HEADS_FILE = dev.basalt.cli.flags.StorageSettings.SAFE_HEADS_FILE;

  private NodeRun() {}

  /** {@code engine_exchangeCapabilities} once; anything but ready stops the start with its one-line reason. */
  static void handshake(JsonRpcClient client, URI engineUrl) {
    HandshakeResult result = EngineHandshake.run(client, engineUrl);
    if (!result.ok()) {
      throw StartupException.failed(result.describe());
    }
    LOG.info(result.describe());
  }

  /** Opens (or creates) the journal in {@code dir}, refusing one written for another chain. */
  static Journal openJournal(Path dir, CoreConfig config, JournalOptions options) {
    JournalHeader header =
        new JournalHeader(1, Version.current(), config.l2ChainId(), ConfigHash.of(config), System.currentTimeMillis());
    Journal journal;
    try {
      journal = Journals.openOrCreate(dir, options, header);
    } catch (RuntimeException e) {
      throw StartupException.failed("cannot open the journal in " + dir + ": " + e.getMessage());
    }
    if (journal.header().l2ChainId() != config.l2ChainId()) {
      journal.close();
      throw StartupException.failed("journal in " + dir + " belongs to chain " + journal.header().l2ChainId() + ", not "
          + config.l2ChainId() + "; use another --datadir");
    }
    return journal;
  }

  /** Opens the safe-head database beside the journal (after the journal, which wants a new directory empty). */
  static FileSafeHeadStore openSafeHeads(Path dir) {
    return openSafeHeadsFile(dir.resolve(SAFE_HEADS_FILE));
  }

  /** Opens (or creates) the safe-head database at {@code file} ({@code --safedb.path}). */
  static FileSafeHeadStore openSafeHeadsFile(Path file) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        java.nio.file.Files.createDirectories(parent);
      }
      return FileSafeHeadStore.open(file);
    } catch (IOException e) {
      throw StartupException.failed("cannot open the safe-head database " + file + " (--safedb.path): " + e);
    }
  }

  /**
   * Starts the runtime, prints the status every few seconds and blocks until the JVM is asked to
   * stop (SIGTERM, Ctrl-C), then shuts down in order: status, RPC and metrics servers, node
   * (adapters, ring, journal), then {@code services} (the devnet's servers, which the adapters were
   * talking to).
   *
   * @param statusExtra more for the status line (the devnet's), or null
   */
  static int runUntilStopped(NodeRuntime.Options options, CoreConfig config, Path dir, Journal journal,
      Function<EventSink, WorldAdapters> adapters, Supplier<String> statusExtra, AutoCloseable services, NodeServices rpc)
      throws InterruptedException {
    NodeRuntime node = NodeRuntime.start(options, config, rpc.journal(journal), Journals.snapshots(dir), adapters,
        new ExitingHalter());
    try {
      rpc.started(node);
    } catch (RuntimeException e) {
      rpc.close();
      node.close();
      closeQuietly(services);
      throw e;
    }
    LOG.info("node running: L2 chain {}, journal in {} (starting at input {}); Ctrl-C to stop", config.l2ChainId(),
        dir.toAbsolutePath(), journal.nextInputSeq());
    StatusPrinter printer = new StatusPrinter(node, 5_000, statusExtra);
    printer.start();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      printer.close();
      rpc.close();
      node.close();
      closeQuietly(services);
      LOG.info("stopped; verify the run with: ./basalt replay verify {}", dir);
      stopped.countDown();
    }, "basalt-shutdown"));
    stopped.await();
    return 0;
  }

  /**
   * The P2P stack the settings ask for (not started), or empty with the log line saying P2P is off.
   *
   * @param chainBootnodes whether no {@code --p2p.bootnodes} means the chain's default bootnodes
   *     (a real chain) or none (the devnet, which must not contact public bootnodes)
   */
  static java.util.Optional<NodeP2p> p2p(NodeSettings s, CoreConfig config, Path dir, boolean chainBootnodes) {
    var p = s.p2p();
    if (!p.enabled()) {
      LOG.info(p.describeOff(s.dev()));
      return java.util.Optional.empty();
    }
    var defaults = chainBootnodes ? dev.basalt.adapters.p2p.discv5.DefaultBootnodes.forL1(config.l1().chainId()) : java.util.List.<String>of();
    return java.util.Optional.of(NodeP2p.create(p, config.rollup(), defaults, dir));
  }

  static void closeQuietly(AutoCloseable c) {
    if (c == null) {
      return;
    }
    try {
      c.close();
    } catch (Exception e) {
      LOG.warn("closing {} failed: {}", c, e.toString());
    }
  }
}
