package dev.basalt.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code java -jar benchmarks.jar [journal|ring|replay|decode|pipeline|catchup|rpc|slot|sim|crypto|p2p|gossip|gossip-insert|all] [--quick]}: runs the benchmarks
 * and prints one line per figure (best and median of the measured rounds).
 */
public final class BenchMain {
  private BenchMain() {}

  public static void main(String[] args) throws Exception {
    String which = args.length > 0 ? args[0].toLowerCase(Locale.ROOT) : "all";
    boolean quick = List.of(args).contains("--quick");
    int rounds = quick ? 2 : 5;
    Path scratch = Files.createTempDirectory("basalt-bench");
    List<String> lines = new ArrayList<>();
    lines.add(String.format(Locale.ROOT, "Basalt benchmarks on %d cores, Java %s", Runtime.getRuntime().availableProcessors(), Runtime.version()));
    if (which.equals("journal") || which.equals("all")) {
      lines.addAll(JournalBench.run(scratch, rounds, quick ? 200_000 : 1_000_000, quick ? 500 : 2_000));
    }
    if (which.equals("ring") || which.equals("all")) {
      lines.addAll(RingBench.run(scratch, rounds, quick ? 200_000 : 1_000_000, 1));
      lines.addAll(RingBench.run(scratch, rounds, quick ? 200_000 : 1_000_000, 2));
    }
    if (which.equals("decode") || which.equals("all")) {
      lines.addAll(DecodeBench.run(rounds));
    }
    if (which.equals("pipeline") || which.equals("all")) {
      lines.addAll(PipelineBench.run(rounds, quick ? 4_000 : 20_000));
    }
    if (which.equals("catchup") || which.equals("all")) {
      lines.addAll(CatchUpBench.run(quick ? 5_000 : Long.getLong("catchup.blocks", 100_000)));
    }
    if (which.equals("slot") || which.equals("all")) {
      lines.addAll(SlotBench.run(scratch, quick ? 2_000 : Long.getLong("slot.blocks", 10_000)));
    }
    if (which.equals("sim") || which.equals("all")) {
      lines.addAll(SimBench.run(quick ? 100_000 : Long.getLong("sim.events", 1_000_000), Long.getLong("sim.seed", 7),
          System.getProperty("sim.profile", "swarm")));
    }
    if (which.equals("crypto") || which.equals("all")) {
      lines.addAll(CryptoBench.run(rounds, quick ? 2_000 : 10_000));
    }
    if (which.equals("rpc") || which.equals("all")) {
      lines.addAll(RpcBench.run(new int[] {1, 8, 32}, quick ? 1_000 : 3_000, quick ? 3_000 : 10_000));
    }
    if (which.equals("p2p") || which.equals("all")) {
      lines.addAll(P2pBench.run(rounds, quick ? 64L << 20 : 256L << 20));
    }
    if (which.equals("gossip") || which.equals("all")) {
      lines.addAll(GossipBench.run(rounds, quick ? 50 : 200));
    }
    if (which.equals("gossip-insert")) {
      lines.add(GossipInsertLatency.run(Integer.getInteger("gossip.blocks", 1_000), 100 * 1024));
    }
    if (which.equals("replay") || which.equals("all")) {
      lines.addAll(ReplayBench.run(scratch, rounds, quick ? 1_000_000 : 5_000_000));
    }
    Cleanup.delete(scratch);
    lines.forEach(System.out::println);
  }
}
