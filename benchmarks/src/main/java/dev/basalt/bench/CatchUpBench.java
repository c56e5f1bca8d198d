package dev.basalt.bench;

import dev.basalt.core.NodeMode;
import dev.basalt.testdata.sim.SimNode;
import dev.basalt.testdata.world.SimWorld;
import dev.basalt.testdata.world.SimWorldConfig;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Catch-up derivation: the simulated world first produces {@code blocks} L2 blocks (every fork
 * boundary crossed, batches as calldata and blobs), then a fresh node core derives them all against
 * the world's in-process engine and L1 on one thread ({@link SimNode}). Reports the whole loop's
 * speed, the core's own time per derived block (inside {@code Core.apply}, the rest is the fake
 * engine and L1), and the process's peak resident set.
 */
final class CatchUpBench {
  private CatchUpBench() {}

  static List<String> run(long blocks) {
    catchUp(Math.min(blocks, 5_000)); // warm-up: JIT the core and the world
    System.gc();
    return catchUp(blocks).lines();
  }

  record Result(long derived, long worldNanos, long loopNanos, long coreNanos, long coreCpuNanos, long events, int snapshotBytes) {
    List<String> lines() {
      List<String> out = new ArrayList<>();
      out.add(String.format(Locale.ROOT, "%-44s %,d L2 blocks generated in %.1f s", "catch-up: simulated history", derived,
          worldNanos / 1e9));
      out.add(String.format(Locale.ROOT, "%-44s %,.0f L2 blocks/s (%,d blocks in %.1f s, %,d events)",
          "catch-up: derivation, whole loop", derived * 1e9 / loopNanos, derived, loopNanos / 1e9, events));
      out.add(String.format(Locale.ROOT, "%-44s %.1f µs wall, %.1f µs CPU per L2 block (%.2f µs per event)",
          "catch-up: consensus layer's own time", coreNanos / 1e3 / derived, coreCpuNanos / 1e3 / derived,
          coreNanos / 1e3 / events));
      out.add(String.format(Locale.ROOT, "%-44s %s", "catch-up: peak RSS (world + node, one JVM)", peakRss()));
      out.add(String.format(Locale.ROOT, "%-44s %,d bytes (the core's whole state after catching up)", "catch-up: core snapshot",
          snapshotBytes));
      return out;
    }
  }

  static Result catchUp(long blocks) {
    SimWorldConfig base = SimWorldConfig.defaults(21);
    long genesis = base.genesisTime();
    // Forks spread over the first third of the run so every boundary is derived across.
    long gap = Math.max(60, blocks * base.l2BlockSeconds() / 3 / 20);
    SimWorld world = SimWorld.create(base.withForks(SimWorldConfig.successive(genesis + gap, gap)));
    long t0 = System.nanoTime();
    world.advanceTo(genesis + blocks * base.l2BlockSeconds());
    long worldNanos = System.nanoTime() - t0;
    long target = world.trueChain().safeHeadAt(world.l1().chain().head().number(), world.l1().chain()).number();
    SimNode node = SimNode.start(world, world.coreConfig(NodeMode.VALIDATOR));
    node.observeL1();
    var threads = ManagementFactory.getThreadMXBean();
    long cpu0 = threads.getCurrentThreadCpuTime();
    long t1 = System.nanoTime();
    boolean reached = node.runUntil(() -> node.status().safeL2().number() >= target, Long.MAX_VALUE);
    long loopNanos = System.nanoTime() - t1;
    long cpuNanos = threads.getCurrentThreadCpuTime() - cpu0;
    JournalBench.check(reached, "safe head " + node.status().safeL2() + " did not reach " + target);
    var truth = world.trueChain().block(target).orElseThrow();
    JournalBench.check(node.status().safeL2().hash().equals(truth.ref().hash()), "derived safe head is not the true block");
    // The core's CPU share is estimated from its share of the loop's wall time (one thread, no I/O).
    long coreCpu = loopNanos == 0 ? 0 : (long) ((double) cpuNanos * node.coreNanos() / loopNanos);
    dev.basalt.core.codec.BinaryWriter w = new dev.basalt.core.codec.BinaryWriter();
    node.core().writeSnapshot(w);
    return new Result(target, worldNanos, loopNanos, node.coreNanos(), coreCpu, node.events(), w.toByteArray().length);
  }

  static String peakRss() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmHWM:")) {
          long kib = Long.parseLong(line.replaceAll("[^0-9]", ""));
          return String.format(Locale.ROOT, "%,.0f MiB (heap max %,d MiB)", kib / 1024.0,
              Runtime.getRuntime().maxMemory() >> 20);
        }
      }
    } catch (IOException | RuntimeException e) {
      return "unavailable (" + e.getMessage() + ")";
    }
    return "unavailable";
  }
}
