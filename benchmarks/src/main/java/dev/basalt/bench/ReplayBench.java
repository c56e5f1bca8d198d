package dev.basalt.bench;

import dev.basalt.core.Core;
import dev.basalt.core.event.InputEvent;
import dev.basalt.journal.Journal;
import dev.basalt.journal.JournalOptions;
import dev.basalt.journal.Journals;
import dev.basalt.journal.OutputRecord;
import dev.basalt.replay.ReplayVerifier;
import dev.basalt.replay.VerifyResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * {@code replay verify} speed over a Chronicle journal of small events written the way the node
 * writes them (outputs with a state hash every 1,000 events).
 */
final class ReplayBench {
  private ReplayBench() {}

  static List<String> run(Path scratch, int rounds, int events) throws IOException {
    Path dir = Files.createTempDirectory(scratch, "replay");
    try {
      try (Journal journal = Journals.openOrCreate(dir, JournalOptions.defaults(), Workloads.HEADER)) {
        record(journal, events);
      }
      Measurement m = new Measurement("replay verify, small events (Chronicle journal)", events + 1L, 0);
      for (int round = 0; round < rounds + 1; round++) {
        try (Journal journal = Journals.openExisting(dir, JournalOptions.defaults())) {
          long t0 = System.nanoTime();
          VerifyResult result = new ReplayVerifier(journal, Journals.snapshots(dir)).verify();
          long elapsed = System.nanoTime() - t0;
          JournalBench.check(result instanceof VerifyResult.Identical, "replay diverged: " + result);
          if (round > 0) {
            m.add(elapsed);
          }
        }
      }
      return List.of(m.report());
    } finally {
      Cleanup.delete(dir);
    }
  }

  private static void record(Journal journal, int events) {
    Core core = new Core();
    for (long i = -1; i < events; i++) {
      InputEvent e = i < 0 ? Workloads.started() : Workloads.small(i);
      long seq = journal.appendInput(e, 0);
      var commands = core.apply(e);
      boolean hash = i < 0 || (seq % 1_000 == 0);
      journal.appendOutput(new OutputRecord(seq, commands, hash ? Optional.of(core.stateHash()) : Optional.empty()));
    }
  }
}
