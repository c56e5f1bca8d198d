package dev.basalt.adapters.p2p.discv5;

import static dev.basalt.adapters.p2p.discv5.Discv5ServiceTest.await;
import static dev.basalt.adapters.p2p.discv5.Discv5ServiceTest.config;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.basalt.adapters.p2p.enr.Enr;
import dev.basalt.adapters.p2p.enr.NodeId;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A 24-node loopback network bootstrapped from one node: every node must find every other peer of
 * the chain. Prints figures (convergence time, lookup latency and datagrams, discovery-thread CPU);
 * it asserts only convergence, never timing. Runs on request only:
 * {@code ./mvnw -q -B -pl io-adapters -am verify -Dtest=Discv5NetworkFigureTest -Dbasalt.bench.discv5=true
 * -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@Tag("slow")
class Discv5NetworkFigureTest {
  private static final int NODES = 24;
  private final List<Discv5Service> nodes = new ArrayList<>();

  @AfterEach
  void stop() {
    nodes.forEach(Discv5Service::close);
  }

  @Test
  void networkConvergesAndLookupsAreCheap() throws Exception {
    Assumptions.assumeTrue(Boolean.getBoolean("basalt.bench.discv5"), "figures on request: -Dbasalt.bench.discv5=true");
    Discv5Service boot = new Discv5Service(config(Discv5ServiceTest.CHAIN, List.of()));
    boot.start();
    nodes.add(boot);
    List<Set<NodeId>> found = new ArrayList<>();
    long t0 = System.nanoTime();
    for (int i = 1; i < NODES; i++) {
      // op-node's fast discovery cadence is 5 s; 2 s keeps the test short without overloading 2 cores
      Discv5Service s = new Discv5Service(config(Discv5ServiceTest.CHAIN, List.of(boot.localEnr().toText()))
          .withIntervals(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(1)));
      Set<NodeId> ids = ConcurrentHashMap.newKeySet();
      s.onPeer(p -> ids.add(p.nodeId()));
      s.start();
      nodes.add(s);
      found.add(ids);
    }
    assertTrue(await(() -> found.stream().allMatch(f -> f.size() >= NODES - 2), Duration.ofSeconds(30)),
        "every node found all other " + (NODES - 2) + " non-bootnode peers");
    long convergeMs = (System.nanoTime() - t0) / 1_000_000;

    Discv5Service probe = nodes.get(NODES - 1);
    int runs = 10;
    long[] before = probe.packetCounts();
    long start = System.nanoTime();
    int results = 0;
    for (int i = 0; i < runs; i++) {
      List<Enr> r = probe.lookupRandom().get(30, TimeUnit.SECONDS);
      results += r.size();
    }
    long perLookupUs = (System.nanoTime() - start) / runs / 1000;
    long[] after = probe.packetCounts();

    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    long cpuNanos = 0;
    int threads = 0;
    for (ThreadInfo ti : mx.getThreadInfo(mx.getAllThreadIds())) {
      if (ti != null && ti.getThreadName().equals("basalt-discv5")) {
        cpuNanos += Math.max(0, mx.getThreadCpuTime(ti.getThreadId()));
        threads++;
      }
    }
    long wallMs = (System.nanoTime() - t0) / 1_000_000;
    System.out.printf("FIGURE discv5 %d nodes converged (all chain peers found by all) in %d ms%n", NODES, convergeMs);
    System.out.printf("FIGURE discv5 random lookup: %d us avg over %d, %.1f datagrams out / %.1f in per lookup, %.1f records returned%n",
        perLookupUs, runs, (after[1] - before[1]) / (double) runs, (after[0] - before[0]) / (double) runs, results / (double) runs);
    System.out.printf("FIGURE discv5 discovery threads: %d, CPU %d ms total over %d ms wall (%.2f ms CPU per node-second)%n",
        threads, cpuNanos / 1_000_000, wallMs, cpuNanos / 1e6 / threads / (wallMs / 1000.0));
  }

  /** Lookup cost without background traffic: 9 nodes whose own timers stay idle (60 s). */
  @Test
  void quietLookupCost() throws Exception {
    Assumptions.assumeTrue(Boolean.getBoolean("basalt.bench.discv5"), "figures on request: -Dbasalt.bench.discv5=true");
    Duration idle = Duration.ofSeconds(60);
    Discv5Service boot = new Discv5Service(config(Discv5ServiceTest.CHAIN, List.of()).withIntervals(idle, idle, Duration.ofSeconds(1)));
    boot.start();
    nodes.add(boot);
    for (int i = 0; i < 8; i++) {
      Discv5Service s = new Discv5Service(config(Discv5ServiceTest.CHAIN, List.of(boot.localEnr().toText()))
          .withIntervals(idle, idle, Duration.ofSeconds(1)));
      s.start();
      nodes.add(s);
    }
    Discv5Service probe = nodes.get(5);
    assertTrue(Discv5ServiceTest.await(() -> probe.table().size() >= 8, Duration.ofSeconds(20)));
    probe.lookupRandom().get(30, TimeUnit.SECONDS); // sessions warm
    int runs = 10;
    long[] before = probe.packetCounts();
    long start = System.nanoTime();
    for (int i = 0; i < runs; i++) {
      probe.lookupRandom().get(30, TimeUnit.SECONDS);
    }
    long perLookupUs = (System.nanoTime() - start) / runs / 1000;
    long[] after = probe.packetCounts();
    System.out.printf("FIGURE discv5 quiet 9-node lookup: %d us avg over %d, %.1f datagrams out / %.1f in per lookup%n",
        perLookupUs, runs, (after[1] - before[1]) / (double) runs, (after[0] - before[0]) / (double) runs);
  }
}
