package dev.basalt.bench;

import dev.basalt.adapters.ring.InputRing;
import dev.basalt.adapters.ring.RingPolicy;
import dev.basalt.core.Core;
import dev.basalt.journal.Journal;
import dev.basalt.journal.JournalOptions;
import dev.basalt.journal.Journals;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * End to end through the real ring: adapter threads publish, the journal stage appends to
 * Chronicle, the core applies, the dispatcher journals outputs. Timed from the first publish until
 * the dispatcher has finished the last event.
 */
final class RingBench {
  private RingBench() {}

  static List<String> run(Path scratch, int rounds, int events, int producers) throws IOException, InterruptedException {
    Measurement m =
        new Measurement("ring publish -> journal -> core -> dispatch (" + producers + " producers)", events, 0);
    for (int round = 0; round < rounds + 1; round++) {
      Path dir = Files.createTempDirectory(scratch, "ring");
      long elapsed;
      try (Journal journal = Journals.openOrCreate(dir, JournalOptions.defaults(), Workloads.HEADER)) {
        elapsed = oneRound(journal, events, producers);
      }
      Cleanup.delete(dir);
      if (round > 0) {
        m.add(elapsed);
      }
    }
    return List.of(m.report());
  }

  private static long oneRound(Journal journal, int events, int producers) throws InterruptedException {
    AtomicLong dispatched = new AtomicLong();
    CountDownLatch done = new CountDownLatch(1);
    long total = events + 1L;
    // Counting the events the dispatcher finished needs a command per event; PublishSyncStatus is
    // emitted only on change, so count the journaled outputs through the dispatcher instead.
    InputRing ring =
        new InputRing(
            new RingPolicy(1 << 14, 1_000, 0, false),
            countingJournal(journal, dispatched, total, done),
            new Core(),
            command -> {},
            snapshot -> {},
            (reason, cause) -> {
              throw new IllegalStateException(reason, cause);
            });
    ring.start();
    ring.publish(Workloads.started());
    long t0 = System.nanoTime();
    Thread[] threads = new Thread[producers];
    for (int p = 0; p < producers; p++) {
      int producer = p;
      threads[p] =
          Thread.ofPlatform()
              .start(
                  () -> {
                    for (int i = producer; i < events; i += producers) {
                      ring.publish(Workloads.small(i));
                    }
                  });
    }
    done.await();
    long elapsed = System.nanoTime() - t0;
    for (Thread t : threads) {
      t.join();
    }
    ring.shutdown(10_000);
    return elapsed;
  }

  private static Journal countingJournal(Journal delegate, AtomicLong outputs, long total, CountDownLatch done) {
    return new ForwardingJournal(delegate) {
      @Override
      public void appendOutput(dev.basalt.journal.OutputRecord record) {
        super.appendOutput(record);
        if (outputs.incrementAndGet() == total) {
          done.countDown();
        }
      }
    };
  }
}
