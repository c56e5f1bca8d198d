package dev.basalt.bench;

import dev.basalt.core.SequencerConfig;
import dev.basalt.core.types.Hash32;
import dev.basalt.journal.Journal;
import dev.basalt.journal.JournalHeader;
import dev.basalt.journal.JournalOptions;
import dev.basalt.journal.Journals;
import dev.basalt.journal.OutputRecord;
import dev.basalt.testdata.sim.SequencerSim;
import dev.basalt.testdata.world.SimWorldConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Slot timing of the sequencer: Basalt's core sequences {@code blocks} 1-second L2 blocks in the
 * virtual-clock world against the in-process fake engine (the embedded batcher posting, derivation
 * making them safe beside it), every input and its outputs journaled to a real journal as the ring
 * does. For each slot it reports the consensus layer's own time ({@link SlotPaths}: core apply plus
 * journaling, never the engine's) from the clock event that starts a block to the build request,
 * and from the seal deadline to the forkchoice update that makes the block canonical, as p50, p99
 * and max, and the slots missed.
 */
final class SlotBench {
  private SlotBench() {}

  static List<String> run(Path scratch, long blocks) throws Exception {
    measure(scratch.resolve("slot-warmup"), Math.min(blocks, 3_000)); // JIT the core, journal and world
    System.gc();
    return measure(scratch.resolve("slot"), blocks);
  }

  static List<String> measure(Path dir, long blocks) throws Exception {
    Files.createDirectories(dir);
    SimWorldConfig base = SimWorldConfig.defaults(77);
    long genesis = base.genesisTime();
    SimWorldConfig config = base.withTimes(genesis, 12, 1);
    SequencerConfig sequencing = SequencerConfig.DEFAULTS;
    SequencerSim sim = SequencerSim.start(config, sequencing);
    SlotPaths paths = new SlotPaths(sequencing.sealingDurationMillis());
    long[] applyTotal = new long[1];
    long started = System.nanoTime();
    JournalHeader header = new JournalHeader(1, "slot-bench", config.l2ChainId(), Hash32.ZERO, 0);
    try (Journal journal = Journals.openOrCreate(dir, JournalOptions.defaults(), header)) {
      long[] lastCore = {sim.node().coreNanos()};
      sim.listen((event, out, core) -> {
        long apply = sim.node().coreNanos() - lastCore[0];
        long t0 = System.nanoTime();
        long seq = journal.appendInput(event, 0);
        journal.appendOutput(new OutputRecord(seq, List.copyOf(out), Optional.empty()));
        long journaled = System.nanoTime() - t0;
        applyTotal[0] += apply + journaled;
        paths.applied(event, out, apply + journaled, sim.node().nowMillis());
        lastCore[0] = sim.node().coreNanos();
      });
      sim.advanceTo(genesis + blocks + 2);
      journal.sync();
    }
    long wallNanos = System.nanoTime() - started;
    Cleanup.delete(dir);
    long sealed = sim.sealed().size();
    JournalBench.check(sealed >= blocks, "only " + sealed + " blocks sealed");
    JournalBench.check(sim.check().isEmpty(), "sequencer check: " + sim.check());
    List<String> lines = new ArrayList<>();
    lines.add(String.format(Locale.ROOT, "%-44s %,d blocks at 1 s (%,d events, %.1f s wall; safe #%d)", "slot: sequenced", sealed,
        sim.node().events(), wallNanos / 1e9, sim.status().safeL2().number()));
    lines.add(line("slot: clock event -> build request (CL)", paths.startNanos));
    lines.add(line("slot: seal deadline -> canonical FCU (CL)", paths.sealNanos));
    lines.add(String.format(Locale.ROOT, "%-44s %d of %d (%d canonical after the slot ended; seal window %d ms)", "slot: missed slots",
        paths.missed, paths.sealNanos.size(), paths.lateByClock, sequencing.sealingDurationMillis()));
    lines.add(String.format(Locale.ROOT, "%-44s %.1f µs per block (core apply + journal, all events incl. derivation)",
        "slot: CL time per block, everything", applyTotal[0] / 1e3 / sealed));
    return lines;
  }

  private static String line(String name, List<Long> nanos) {
    List<Long> sorted = new ArrayList<>(nanos);
    Collections.sort(sorted);
    if (sorted.isEmpty()) {
      return String.format(Locale.ROOT, "%-44s no samples", name);
    }
    return String.format(Locale.ROOT, "%-44s p50 %.1f µs, p99 %.1f µs, max %.1f µs (%,d slots)", name, pct(sorted, 50) / 1e3,
        pct(sorted, 99) / 1e3, sorted.get(sorted.size() - 1) / 1e3, sorted.size());
  }

  private static long pct(List<Long> sorted, int p) {
    int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
  }
}
