package dev.basalt.adapters.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.basalt.adapters.TestWorld;
import dev.basalt.adapters.ring.RingPolicy;
import dev.basalt.core.Core;
import dev.basalt.core.CoreConfig;
import dev.basalt.core.event.L1HeadObserved;
import dev.basalt.core.event.NodeStarted;
import dev.basalt.core.types.Hash32;
import dev.basalt.journal.InputRecord;
import dev.basalt.journal.JournalCursor;
import dev.basalt.journal.JournalHeader;
import dev.basalt.journal.OutputRecord;
import dev.basalt.journal.memory.MemoryJournal;
import dev.basalt.journal.memory.MemorySnapshotStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

class NodeRuntimeTest {
  private static final CoreConfig CONFIG = dev.basalt.testdata.gen.TestConfigs.core(10);

  /** MemoryJournal ignores close(), so the same instance can stand for reopening the files. */
  private final MemoryJournal journal = new MemoryJournal(new JournalHeader(1, "test", 10, Hash32.ZERO, 0));
  private final MemorySnapshotStore snapshots = new MemorySnapshotStore();

  private NodeRuntime start() {
    return NodeRuntime.start(
        new NodeRuntime.Options(new RingPolicy(256, 50, 40, false), 20),
        CONFIG,
        journal,
        snapshots,
        TestWorld::new,
        (reason, cause) -> {
          throw new AssertionError("halted: " + reason, cause);
        });
  }

  private static void await(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not reached in time");
      }
      Thread.sleep(5);
    }
  }

  @Test
  void restartContinuesTheSameJournalFromWhereItStopped() throws Exception {
    NodeRuntime first = start();
    for (long n = 1; n <= 100; n++) {
      first.sink().publish(new L1HeadObserved(TestWorld.l1(n)));
    }
    await(() -> first.status().current().headL1().number() == 100);
    // The sync start found the (empty) engine's genesis and derivation read all of L1.
    await(() -> first.status().current().currentL1().number() == 100);
    first.close();
    long afterFirst = journal.nextInputSeq();
    assertTrue(snapshots.latest().isPresent(), "a final snapshot was saved at shutdown");
    assertEquals(afterFirst - 1, snapshots.latest().get().seq());

    NodeRuntime second = start();
    assertEquals(0, second.recovery().replayedEvents(), "the final snapshot covered everything");
    assertEquals(100, second.status().current().headL1().number(), "state survived the restart");
    await(() -> journal.nextInputSeq() > afterFirst);
    second.close();

    List<InputRecord> inputs = new ArrayList<>();
    try (JournalCursor<InputRecord> in = journal.readInputs(0)) {
      for (InputRecord r = in.next(); r != null; r = in.next()) {
        inputs.add(r);
      }
    }
    for (int i = 0; i < inputs.size(); i++) {
      assertEquals(i, inputs.get(i).seq(), "sequence numbers stay contiguous across the restart");
    }
    assertInstanceOf(NodeStarted.class, inputs.get((int) afterFirst).event(), "restart is journaled as NodeStarted");

    // One fresh core over the whole journal reproduces every recorded output of both runs.
    Core replay = new Core();
    try (JournalCursor<OutputRecord> out = journal.readOutputs(0)) {
      for (InputRecord in : inputs) {
        OutputRecord o = out.next();
        assertEquals(in.seq(), o.inputSeq());
        assertEquals(o.commands(), replay.apply(in.event()), "input " + in.seq());
      }
    }
  }

  @Test
  void recoveryReplaysEventsAfterTheSnapshotAndFillsMissingOutputs() {
    Core original = new Core();
    journal.appendInput(new NodeStarted(CONFIG, 0), 0);
    journal.appendOutput(new OutputRecord(0, original.apply(new NodeStarted(CONFIG, 0)), java.util.Optional.empty()));
    for (long n = 1; n <= 10; n++) {
      L1HeadObserved e = new L1HeadObserved(TestWorld.l1(n));
      journal.appendInput(e, 0);
      var out = original.apply(e);
      if (n <= 7) {
        journal.appendOutput(new OutputRecord(n, out, java.util.Optional.empty()));
      }
    }
    CoreRecovery.Result result = CoreRecovery.recover(journal, snapshots);
    assertEquals(11, result.replayedEvents());
    assertEquals(3, result.outputsFilled(), "inputs 8..10 had no outputs");
    assertEquals(0, result.outputMismatches());
    assertEquals(original.stateHash(), result.core().stateHash());
  }
}
