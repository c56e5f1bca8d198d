package dev.basalt.cli.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.basalt.core.Core;
import dev.basalt.core.SequencerConfig;
import dev.basalt.core.command.Command;
import dev.basalt.core.event.InputEvent;
import dev.basalt.core.types.Hash32;
import dev.basalt.journal.Journal;
import dev.basalt.journal.JournalHeader;
import dev.basalt.journal.JournalOptions;
import dev.basalt.journal.Journals;
import dev.basalt.journal.OutputRecord;
import dev.basalt.replay.ReplayVerifier;
import dev.basalt.replay.VerifyResult;
import dev.basalt.testdata.sim.SequencerSim;
import dev.basalt.testdata.sim.SimNode;
import dev.basalt.testdata.world.SimWorldConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A long run of Basalt as the sequencer in the virtual-clock world: 10,000 L2 blocks sealed by the
 * core, posted by the embedded batcher as blobs and calldata across every fork boundary, derived
 * back by the same core; every sealed block must become safe with the hash it was sealed with, and
 * the run's journal must replay to identical decisions.
 */
@Tag("slow")
class SequencedLongRunTest {
  private static final long BLOCKS = 10_000;

  @TempDir Path dir;

  /** Appends every applied event and its outputs as the node's ring would (a state hash every 64 inputs). */
  private static final class LiveJournal implements SimNode.Listener {
    private final Journal journal;
    private long inputs;

    LiveJournal(Journal journal) {
      this.journal = journal;
    }

    @Override
    public void applied(InputEvent event, List<Command> out, Core core) {
      long seq = journal.appendInput(event, 0);
      Optional<Hash32> hash = inputs++ % 64 == 0 ? Optional.of(core.stateHash()) : Optional.empty();
      journal.appendOutput(new OutputRecord(seq, List.copyOf(out), hash));
    }
  }

  @Test
  void tenThousandSequencedBlocksAllBecomeSafeUnchangedAndTheJournalReplaysIdentically() {
    SimWorldConfig base = SimWorldConfig.defaults(10_000);
    long genesis = base.genesisTime();
    // Forks spread over the first third of the run, so blocks are sealed and derived across every boundary.
    SimWorldConfig config = base.withForks(SimWorldConfig.successive(genesis + 600, 600));
    long started = System.nanoTime();
    SequencerSim sim = SequencerSim.start(config, SequencerConfig.DEFAULTS);
    JournalHeader header = new JournalHeader(1, "sequenced-long-run", config.l2ChainId(), Hash32.ZERO, 0);
    long events;
    try (Journal journal = Journals.openOrCreate(dir, JournalOptions.defaults(), header)) {
      sim.listen(new LiveJournal(journal));
      sim.advanceTo(genesis + BLOCKS * base.l2BlockSeconds());
      assertTrue(sim.advanceUntilSafe(BLOCKS, 3_600), "safe head reached " + BLOCKS + ": " + sim.status());
      journal.sync();
      events = sim.node().events();
    }
    long runNanos = System.nanoTime() - started;
    assertEquals(Optional.empty(), sim.check());
    var sealed = sim.sealed();
    for (long n = 1; n <= BLOCKS; n++) {
      assertTrue(sealed.containsKey(n), "block " + n + " was sealed by the node");
    }
    assertTrue(sim.status().safeL2().number() >= BLOCKS);
    assertTrue(sim.status().finalizedL2().number() > BLOCKS / 2, "finalized: " + sim.status().finalizedL2());

    long verifyStart = System.nanoTime();
    try (Journal journal = Journals.openExisting(dir, JournalOptions.defaults())) {
      VerifyResult v = new ReplayVerifier(journal, Journals.snapshots(dir)).verify();
      VerifyResult.Identical same = assertInstanceOf(VerifyResult.Identical.class, v, v::toString);
      assertEquals(events, same.stats().events());
    }
    System.out.printf(Locale.ROOT, "sequenced long run: %,d blocks sealed, safe #%d, finalized #%d, %,d events in %.1f s"
            + " (core %.1f s); replay verify %.1f s%n", sealed.size(), sim.status().safeL2().number(),
        sim.status().finalizedL2().number(), events, runNanos / 1e9, sim.node().coreNanos() / 1e9,
        (System.nanoTime() - verifyStart) / 1e9);
  }
}
