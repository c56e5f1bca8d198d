package dev.basalt.adapters.ring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.basalt.core.Core;
import dev.basalt.core.CoreConfig;
import dev.basalt.core.command.Command;
import dev.basalt.core.event.ClockTicked;
import dev.basalt.core.event.InputEvent;
import dev.basalt.core.event.NodeStarted;
import dev.basalt.core.types.Hash32;
import dev.basalt.journal.InputRecord;
import dev.basalt.journal.JournalCursor;
import dev.basalt.journal.JournalHeader;
import dev.basalt.journal.OutputRecord;
import dev.basalt.journal.memory.MemoryJournal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class InputRingTest {
  private static final CoreConfig CONFIG = dev.basalt.testdata.gen.TestConfigs.core(10);

  private final MemoryJournal journal = new MemoryJournal(new JournalHeader(1, "test", 10, Hash32.ZERO, 0));
  private final List<Command> dispatched = new CopyOnWriteArrayList<>();
  private final AtomicReference<String> haltReason = new AtomicReference<>();

  private InputRing ring(Core core, RingPolicy policy) {
    return new InputRing(policy, journal, core, dispatched::add, s -> {}, (reason, cause) -> haltReason.set(reason));
  }

  @Test
  void everyEventFromManyProducersIsJournaledAppliedAndDispatchedOnceInJournalOrder() throws Exception {
    Core core = new Core();
    InputRing ring = ring(core, new RingPolicy(1024, 100, 0, false));
    ring.start();
    assertTrue(ring.publish(new NodeStarted(CONFIG, 0)));
    int producers = 4;
    int perProducer = 5_000;
    CountDownLatch done = new CountDownLatch(producers);
    for (int p = 0; p < producers; p++) {
      int producer = p;
      Thread.ofPlatform().start(() -> {
        for (int i = 0; i < perProducer; i++) {
          ring.publish(new ClockTicked(producer * 1_000_000L + i));
        }
        done.countDown();
      });
    }
    assertTrue(done.await(30, TimeUnit.SECONDS));
    ring.shutdown(10_000);
    long total = 1 + (long) producers * perProducer;
    assertEquals(total, journal.nextInputSeq());
    assertEquals(total, core.eventsApplied());

    // Replaying the journal in order through a fresh core reproduces every recorded output.
    Core replay = new Core();
    List<Long> lastSeenPerProducer = new ArrayList<>(List.of(-1L, -1L, -1L, -1L));
    try (JournalCursor<InputRecord> in = journal.readInputs(0);
        JournalCursor<OutputRecord> out = journal.readOutputs(0)) {
      for (long seq = 0; seq < total; seq++) {
        InputRecord record = in.next();
        assertEquals(seq, record.seq());
        OutputRecord output = out.next();
        assertEquals(seq, output.inputSeq());
        assertEquals(output.commands(), replay.apply(record.event()));
        output.stateHash().ifPresent(h -> assertEquals(h, replay.stateHash()));
        if (record.event() instanceof ClockTicked t) {
          int producer = (int) (t.nowMillis() / 1_000_000L);
          long i = t.nowMillis() % 1_000_000L;
          assertTrue(i > lastSeenPerProducer.get(producer), "each producer's events keep their order");
          lastSeenPerProducer.set(producer, i);
        }
      }
    }
    assertEquals(null, haltReason.get());
  }

  @Test
  void afterStopAcceptingPublishesAreRefusedButWhatWasPublishedIsStillApplied() {
    Core core = new Core();
    InputRing ring = ring(core, new RingPolicy(1024, 100, 0, false));
    ring.start();
    assertTrue(ring.publish(new NodeStarted(CONFIG, 0)));
    for (int i = 1; i <= 100; i++) {
      assertTrue(ring.publish(new ClockTicked(i)));
    }
    ring.stopAccepting();
    assertFalse(ring.publish(new ClockTicked(101)), "refused: the node is closing");
    assertFalse(ring.tryPublish(new ClockTicked(102)));
    ring.shutdown(10_000);
    assertEquals(101, journal.nextInputSeq(), "everything published before, nothing after");
    assertEquals(101, core.eventsApplied());
    assertEquals(null, haltReason.get());
  }

  @Test
  void aCoreExceptionHaltsTheNodeAndNothingAfterTheFailingEventIsApplied() throws Exception {
    Core core = new Core();
    InputRing ring = ring(core, RingPolicy.defaults());
    ring.start();
    // The core refuses anything before NodeStarted: a stand-in for a core bug.
    InputEvent poison = new ClockTicked(1);
    ring.publish(poison);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (haltReason.get() == null && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    assertNotNull(haltReason.get(), "halter was called");
    assertTrue(haltReason.get().contains("journal seq 0"), haltReason.get());
    assertTrue(ring.isHalted());
    assertFalse(ring.publish(new NodeStarted(CONFIG, 2)), "a halted ring refuses events");
    ring.shutdown(1_000);
    assertEquals(0, core.eventsApplied(), "the failing event was not skipped past");
    assertEquals(1, journal.nextInputSeq(), "the failing event is in the journal, so replay reproduces the bug");
    try (JournalCursor<OutputRecord> out = journal.readOutputs(0)) {
      assertEquals(null, out.next(), "no output was recorded for it");
    }
    assertTrue(dispatched.isEmpty());
  }

  @Test
  void statesHashesAreRecordedOnSchedule() {
    Core core = new Core();
    InputRing ring = ring(core, new RingPolicy(64, 10, 0, false));
    ring.start();
    ring.publish(new NodeStarted(CONFIG, 0));
    for (int i = 1; i <= 35; i++) {
      ring.publish(new ClockTicked(i));
    }
    ring.shutdown(10_000);
    int hashes = 0;
    try (JournalCursor<OutputRecord> out = journal.readOutputs(0)) {
      for (OutputRecord r = out.next(); r != null; r = out.next()) {
        hashes += r.stateHash().isPresent() ? 1 : 0;
      }
    }
    assertEquals(36, journal.nextInputSeq());
    // NodeStarted always, then every 10th event.
    assertEquals(4, hashes);
  }
}
