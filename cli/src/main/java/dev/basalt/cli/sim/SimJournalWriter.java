package dev.basalt.cli.sim;

import dev.basalt.core.Core;
import dev.basalt.core.command.Command;
import dev.basalt.core.event.InputEvent;
import dev.basalt.journal.Journal;
import dev.basalt.journal.OutputRecord;
import dev.basalt.testdata.sim.SimNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Keeps a simulated run's inputs and outputs as the node's journal would hold them (a crash's torn
 * tail drops its last records) and writes them to a real journal at the end, so {@code basalt replay
 * verify} can prove the run replays to identical decisions.
 */
final class SimJournalWriter implements SimNode.Listener {
  private static final int STATE_HASH_EVERY = 64;

  private record Entry(InputEvent event, List<Command> out, Optional<dev.basalt.core.types.Hash32> stateHash) {}

  private final List<Entry> entries = new ArrayList<>();

  @Override
  public void applied(InputEvent event, List<Command> out, Core core) {
    boolean hash = entries.size() % STATE_HASH_EVERY == 0;
    entries.add(new Entry(event, List.copyOf(out), hash ? Optional.of(core.stateHash()) : Optional.empty()));
  }

  @Override
  public void crashed(int lostEvents) {
    int keep = Math.max(0, entries.size() - lostEvents);
    entries.subList(keep, entries.size()).clear();
  }

  /** Appends everything kept; returns the number of inputs written. */
  long writeTo(Journal journal) {
    for (Entry e : entries) {
      long seq = journal.appendInput(e.event(), 0);
      journal.appendOutput(new OutputRecord(seq, e.out(), e.stateHash()));
    }
    journal.sync();
    return entries.size();
  }
}
