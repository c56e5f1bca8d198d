package dev.basalt.cli;

import dev.basalt.adapters.node.NodeRuntime;
import dev.basalt.core.heads.SyncStatus;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Logs the heads every few seconds so an operator sees the node advance. */
final class StatusPrinter implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger("status");

  private final NodeRuntime node;
  private final long intervalMillis;
  private final Supplier<String> extra;
  private final ScheduledThreadPoolExecutor timer =
      new ScheduledThreadPoolExecutor(
          1,
          r -> {
            Thread t = new Thread(r, "basalt-status");
            t.setDaemon(true);
            return t;
          });

  /** @param extra appended to each status line (the devnet's view), or null */
  StatusPrinter(NodeRuntime node, long intervalMillis, Supplier<String> extra) {
    this.node = node;
    this.intervalMillis = intervalMillis;
    this.extra = extra;
  }

  void start() {
    timer.scheduleAtFixedRate(this::print, intervalMillis, intervalMillis, TimeUnit.MILLISECONDS);
  }

  private void print() {
    try {
      printOnce();
    } catch (RuntimeException e) {
      // A scheduled task that throws is never run again; the status line must keep coming.
      LOG.warn("status unavailable: {}", e.toString());
    }
  }

  private void printOnce() {
    SyncStatus s = node.status().current();
    LOG.info(
        "L1 head #{} safe #{} finalized #{} | L2 unsafe #{} safe #{} finalized #{} | journal {} events{}",
        s.headL1().number(),
        s.safeL1().number(),
        s.finalizedL1().number(),
        s.unsafeL2().number(),
        s.safeL2().number(),
        s.finalizedL2().number(),
        node.journal().nextInputSeq(),
        extra == null ? "" : " | " + extra.get());
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
