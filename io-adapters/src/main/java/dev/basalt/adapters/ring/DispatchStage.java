package dev.basalt.adapters.ring;

import com.lmax.disruptor.EventHandler;
import dev.basalt.core.command.Command;
import dev.basalt.journal.Journal;
import dev.basalt.journal.OutputRecord;
import dev.basalt.journal.Snapshot;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Last stage: journals what the core emitted, hands each command to its adapter, passes a snapshot
 * on to be saved (only after the outputs up to it are journaled, so a snapshot never hides a gap),
 * and clears the slot.
 */
final class DispatchStage implements EventHandler<RingSlot> {
  private final CountDownLatch started;
  private static final Logger LOG = LoggerFactory.getLogger(DispatchStage.class);

  private final Journal journal;
  private final CommandDispatcher dispatcher;
  private final Consumer<Snapshot> snapshotSaver;
  private final boolean strictDurability;

  DispatchStage(CountDownLatch started, Journal journal, CommandDispatcher dispatcher, Consumer<Snapshot> snapshotSaver, boolean strictDurability) {
    this.started = started;
    this.journal = journal;
    this.dispatcher = dispatcher;
    this.snapshotSaver = snapshotSaver;
    this.strictDurability = strictDurability;
  }

  @Override
  public void onEvent(RingSlot slot, long sequence, boolean endOfBatch) {
    journal.appendOutput(new OutputRecord(slot.seq, slot.commands, Optional.ofNullable(slot.stateHash)));
    for (Command command : slot.commands) {
      try {
        dispatcher.dispatch(command);
      } catch (RuntimeException e) {
        // Last resort: the router already turns adapter failures into RequestFailed events, so
        // reaching here is an adapter bug. The core's state is intact, so log it and go on.
        LOG.error("adapter failed to carry out {} (journal seq {})", command, slot.seq, e);
      }
    }
    if (slot.snapshot != null) {
      snapshotSaver.accept(new Snapshot(slot.seq, slot.snapshot));
    }
    if (endOfBatch && strictDurability) {
      journal.sync();
    }
    slot.clear();
  }

  @Override
  public void onStart() {
    started.countDown();
  }
}
