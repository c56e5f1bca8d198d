package dev.basalt.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.basalt.core.Core;
import dev.basalt.journal.memory.MemorySnapshotStore;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Ten million events replayed twice end in the same state. The journal is generated as it is read,
 * with outputs from a recording core of its own, so each replay is also checked against an
 * independent run every 250,000 events.
 */
@Tag("slow")
class DeterminismTest {
  private static final long EVENTS = 10_000_000;
  private static final int HASH_EVERY = 250_000;

  @Test
  void tenMillionEventsReplayTwiceToTheSameFinalStateHash() {
    StreamingJournal journal = new StreamingJournal(2026, EVENTS, HASH_EVERY);

    VerifyResult first = new ReplayVerifier(journal, new MemorySnapshotStore()).verify();
    VerifyResult second = new ReplayVerifier(journal, new MemorySnapshotStore()).verify();

    VerifyResult.Identical a = assertInstanceOf(VerifyResult.Identical.class, first, first.toString());
    VerifyResult.Identical b = assertInstanceOf(VerifyResult.Identical.class, second, second.toString());
    assertEquals(EVENTS, a.stats().events());
    assertEquals(EVENTS / HASH_EVERY, a.stats().stateHashesChecked());
    assertTrue(a.stats().commandsCompared() > 10_000, "the stream should make the core work: " + a.stats());
    assertEquals(a.finalStateHash(), b.finalStateHash());
    assertNotEquals(new Core().stateHash(), a.finalStateHash());
    System.out.println("10M events: " + a.stats().summary() + " / " + b.stats().summary());
  }

  @Test
  void anotherSeedEndsElsewhere() {
    VerifyResult.Identical a =
        assertInstanceOf(
            VerifyResult.Identical.class,
            new ReplayVerifier(new StreamingJournal(1, 200_000, 50_000), new MemorySnapshotStore()).verify());
    VerifyResult.Identical b =
        assertInstanceOf(
            VerifyResult.Identical.class,
            new ReplayVerifier(new StreamingJournal(2, 200_000, 50_000), new MemorySnapshotStore()).verify());
    assertNotEquals(a.finalStateHash(), b.finalStateHash());
  }
}
