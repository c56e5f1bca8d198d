package dev.basalt.replay;

import dev.basalt.core.Core;
import dev.basalt.core.codec.BinaryWriter;
import dev.basalt.core.command.Command;
import dev.basalt.core.event.InputEvent;
import dev.basalt.core.types.Bytes;
import dev.basalt.core.types.Hash32;
import dev.basalt.journal.JournalHeader;
import dev.basalt.journal.OutputRecord;
import dev.basalt.journal.Snapshot;
import dev.basalt.journal.memory.MemoryJournal;
import dev.basalt.journal.memory.MemorySnapshotStore;
import dev.basalt.testdata.gen.PlausibleEventStream;
import dev.basalt.testdata.gen.SimRng;
import java.util.List;
import java.util.Optional;

/**
 * Records a journal the way the node does: journal the input, apply it, record its commands with
 * the state hash after every {@code hashEvery}-th input, and save a snapshot after every
 * {@code snapshotEvery}-th (0: none).
 */
final class JournalRecorder {
  static final JournalHeader HEADER =
      new JournalHeader(1, "test", PlausibleEventStream.CONFIG.l2ChainId(), Hash32.ZERO, 0);

  private final int hashEvery;
  private final int snapshotEvery;

  JournalRecorder(int hashEvery, int snapshotEvery) {
    this.hashEvery = hashEvery;
    this.snapshotEvery = snapshotEvery;
  }

  /** What a recording produced. */
  record Recorded(MemoryJournal journal, MemorySnapshotStore snapshots, Hash32 finalStateHash) {}

  /** {@code events} inputs from a {@link PlausibleEventStream} seeded with {@code seed}. */
  Recorded record(long seed, int events) {
    PlausibleEventStream stream = new PlausibleEventStream(new SimRng(seed));
    MemoryJournal journal = new MemoryJournal(HEADER);
    MemorySnapshotStore snapshots = new MemorySnapshotStore();
    Core core = new Core();
    for (int i = 0; i < events; i++) {
      InputEvent e = stream.next();
      long seq = journal.appendInput(e, stream.nowMillis());
      List<Command> commands = core.apply(e);
      stream.observe(commands);
      recordOutputs(journal, snapshots, core, seq, commands);
    }
    return new Recorded(journal, snapshots, core.stateHash());
  }

  void recordOutputs(MemoryJournal journal, MemorySnapshotStore snapshots, Core core, long seq, List<Command> commands) {
    Optional<Hash32> hash = (seq + 1) % hashEvery == 0 ? Optional.of(core.stateHash()) : Optional.empty();
    journal.appendOutput(new OutputRecord(seq, commands, hash));
    if (snapshotEvery > 0 && (seq + 1) % snapshotEvery == 0) {
      snapshots.save(new Snapshot(seq, snapshotOf(core)));
    }
  }

  static Bytes snapshotOf(Core core) {
    BinaryWriter w = new BinaryWriter();
    core.writeSnapshot(w);
    return Bytes.wrapOwned(w.toByteArray());
  }
}
