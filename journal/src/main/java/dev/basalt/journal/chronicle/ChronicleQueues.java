package dev.basalt.journal.chronicle;

import dev.basalt.journal.JournalOptions;
import java.nio.file.Path;
import net.openhft.chronicle.core.time.TimeProvider;
import net.openhft.chronicle.queue.RollCycle;
import net.openhft.chronicle.queue.RollCycles;
import net.openhft.chronicle.queue.impl.StoreFileListener;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;

/** How the journal configures its Chronicle queues: binary wire, fast roll cycles, nothing else. */
final class ChronicleQueues {
  private ChronicleQueues() {}

  /**
   * Builds (creating if needed) the queue in {@code dir}.
   *
   * @param timeProvider decides the roll cycle of each append; null for the wall clock (tests pass
   *     a {@code SetTimeProvider} to roll deterministically)
   */
  static SingleChronicleQueue build(Path dir, JournalOptions.RollCycle rollCycle, TimeProvider timeProvider) {
    SingleChronicleQueueBuilder builder =
        SingleChronicleQueueBuilder.binary(dir)
            .rollCycle(chronicleRollCycle(rollCycle))
            // Retention tracks which files are in use itself (see Retention); no release callbacks.
            .storeFileListener(StoreFileListener.noOp());
    if (timeProvider != null) {
      builder.timeProvider(timeProvider);
    }
    return builder.build();
  }

  static RollCycle chronicleRollCycle(JournalOptions.RollCycle rollCycle) {
    return switch (rollCycle) {
      case HOURLY -> RollCycles.FAST_HOURLY;
      case DAILY -> RollCycles.FAST_DAILY;
    };
  }
}
