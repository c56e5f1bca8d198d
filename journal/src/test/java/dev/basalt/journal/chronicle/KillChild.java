package dev.basalt.journal.chronicle;

import dev.basalt.core.event.GossipPayloadReceived;
import dev.basalt.core.event.InputEvent;
import dev.basalt.journal.Journal;
import dev.basalt.journal.JournalOptions;
import dev.basalt.journal.Journals;
import dev.basalt.journal.OutputRecord;
import dev.basalt.testdata.gen.CommandGenerators;
import dev.basalt.testdata.gen.EventGenerators;
import dev.basalt.testdata.gen.SimRng;
import dev.basalt.testdata.gen.ValueGenerators;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The child process of {@link JournalKillIT}: opens the journal, says {@code READY}, then appends
 * inputs (and their outputs) in a tight loop until it is killed. The record for a seq is a pure
 * function of the seq, so the parent can check what survived.
 */
public final class KillChild {
  static final String READY = "READY";
  private static final int LARGE_BYTES_MAX = 128 * 1024;

  private KillChild() {}

  public static void main(String[] args) {
    Path dir = Path.of(args[0]);
    Journal journal = Journals.openOrCreate(dir, JournalOptions.defaults(), JournalFixtures.HEADER);
    System.out.println(READY + " " + journal.nextInputSeq());
    System.out.flush();
    while (true) {
      long seq = journal.nextInputSeq();
      journal.appendInput(event(seq), seq);
      journal.appendOutput(output(seq));
    }
  }

  /** Mostly small records, some up to 128 KiB. */
  static InputEvent event(long seq) {
    SimRng rng = new SimRng(seq);
    int roll = rng.nextInt(1_000);
    if (roll < 3) {
      return new GossipPayloadReceived(seq, "peer", 1, ValueGenerators.bytes(rng, rng.nextInt(LARGE_BYTES_MAX + 1)));
    }
    if (roll < 300) {
      return new GossipPayloadReceived(seq, "peer", 1, ValueGenerators.bytes(rng, rng.nextInt(512)));
    }
    return switch (EventGenerators.any(rng)) {
      // The generic generator's large payloads would dominate the disk use; keep them rare here.
      case GossipPayloadReceived g -> new GossipPayloadReceived(seq, g.peerId(), g.topicVersion(), ValueGenerators.bytes(rng, 16));
      case InputEvent e -> e;
    };
  }

  static OutputRecord output(long seq) {
    SimRng rng = new SimRng(~seq);
    return new OutputRecord(seq, CommandGenerators.list(rng, 3), Optional.empty());
  }
}
