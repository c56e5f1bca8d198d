package dev.basalt.cli;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.basalt.adapters.beacon.BeaconOptions;
import dev.basalt.adapters.engine.EngineClientOptions;
import dev.basalt.adapters.engine.JsonRpcClient;
import dev.basalt.adapters.engine.JwtSecret;
import dev.basalt.adapters.engine.JwtSource;
import dev.basalt.adapters.http.RetryPolicy;
import dev.basalt.adapters.l1.L1AdapterOptions;
import dev.basalt.adapters.node.NodeRuntime;
import dev.basalt.adapters.ring.RingPolicy;
import dev.basalt.adapters.safedb.FileSafeHeadStore;
import dev.basalt.core.CoreConfig;
import dev.basalt.journal.Journal;
import dev.basalt.journal.JournalOptions;
import dev.basalt.journal.Journals;
import dev.basalt.replay.ReplayVerifier;
import dev.basalt.replay.VerifyResult;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The validator in this JVM over its real adapters ({@link NodeAdapters}) against HTTP front-ends:
 * started on a data directory, with fast polls; a halt is kept (and fails {@link #await}) rather
 * than thrown on the halting thread, where no test would see it.
 */
final class HttpNodeHarness {
  private HttpNodeHarness() {}

  /** Why the node halted, if it did. */
  static final class Halt {
    private final AtomicReference<String> reason = new AtomicReference<>();

    String reason() {
      return reason.get();
    }

    void record(String why) {
      reason.compareAndSet(null, why);
    }
  }

  /** Starts the node on {@code dir} (a journal there is continued), talking to {@code l1} and the engine at {@code engineUrl}. */
  static NodeRuntime start(Path dir, CoreConfig config, URI l1, BeaconOptions beacon, URI engineUrl, JwtSecret secret, Halt halt) {
    Journal journal = NodeRun.openJournal(dir, config, JournalOptions.defaults());
    JsonRpcClient client = JsonRpcClient.of(EngineClientOptions.of(engineUrl, new JwtSource.Given(secret))
        .withTimeout(Duration.ofSeconds(10)));
    NodeRun.handshake(client, engineUrl);
    L1AdapterOptions options = new L1AdapterOptions(l1, false, 100, 400, 20, 4, 10_000, RetryPolicy.DEFAULT, beacon);
    FileSafeHeadStore safeHeads = NodeRun.openSafeHeads(dir);
    return NodeRuntime.start(new NodeRuntime.Options(new RingPolicy(1 << 12, 100, 10_000, false), 100), config, journal,
        Journals.snapshots(dir), new NodeAdapters.Factory(options, client, engineUrl, config.rollup(), safeHeads,
            NodeServices.none()),
        (reason, cause) -> halt.reason.compareAndSet(null, reason + (cause == null ? "" : ": " + cause)));
  }

  /** Waits up to {@code seconds} for {@code condition}; fails naming {@code what}, the node's status and any halt. */
  static void await(BooleanSupplier condition, long seconds, String what, Supplier<String> status, Halt halt)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (!condition.getAsBoolean()) {
      if (halt.reason() != null) {
        throw new AssertionError("node halted while waiting for " + what + ": " + halt.reason());
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not reached in " + seconds + " s: " + what + "; node: " + status.get());
      }
      Thread.sleep(20);
    }
  }

  /** Replays the (closed) journal in {@code dir}: the core must make exactly the recorded decisions. */
  static VerifyResult.Identical replayIdentical(Path dir) {
    try (Journal journal = Journals.openExisting(dir, JournalOptions.defaults())) {
      VerifyResult result = new ReplayVerifier(journal, Journals.snapshots(dir)).verify();
      return assertInstanceOf(VerifyResult.Identical.class, result, () -> "replay verify: " + result);
    }
  }
}
