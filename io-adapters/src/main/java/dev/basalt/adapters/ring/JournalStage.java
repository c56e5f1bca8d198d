package dev.basalt.adapters.ring;

import com.lmax.disruptor.EventHandler;
import dev.basalt.journal.Journal;
import java.util.concurrent.CountDownLatch;

/** First stage: appends each event to the journal and stamps its sequence number. */
final class JournalStage implements EventHandler<RingSlot> {
  private final CountDownLatch started;
  private final Journal journal;
  private final boolean strictDurability;

  JournalStage(CountDownLatch started, Journal journal, boolean strictDurability) {
    this.started = started;
    this.journal = journal;
    this.strictDurability = strictDurability;
  }

  @Override
  public void onEvent(RingSlot slot, long sequence, boolean endOfBatch) {
    slot.seq = journal.appendInput(slot.event, System.currentTimeMillis());
    // Batch ends depend on thread timing, so they may drive I/O flushing but never decisions.
    if (endOfBatch && strictDurability) {
      journal.sync();
    }
  }

  @Override
  public void onStart() {
    started.countDown();
  }
}
