package dev.basalt.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.basalt.core.CoreConfig;
import dev.basalt.core.command.Command;
import dev.basalt.core.command.ScheduleWakeup;
import dev.basalt.core.event.L1HeadObserved;
import dev.basalt.core.event.NodeStarted;
import dev.basalt.core.types.Hash32;
import dev.basalt.core.types.L1BlockRef;
import dev.basalt.journal.InputRecord;
import dev.basalt.journal.Journal;
import dev.basalt.journal.OutputRecord;
import dev.basalt.journal.memory.MemoryJournal;
import dev.basalt.journal.memory.MemorySnapshotStore;
import dev.basalt.testdata.gen.SimRng;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class ReplayVerifierTest {
  private static final int EVENTS = 20_000;
  private static final int HASH_EVERY = 50;
  private static final JournalRecorder.Recorded RUN = new JournalRecorder(HASH_EVERY, 1_000).record(11, EVENTS);

  private static VerifyResult verify(Journal journal) {
    return new ReplayVerifier(journal, new MemorySnapshotStore()).verify();
  }

  /** A few sequence numbers whose recorded output satisfies {@code p}, drawn with a fixed seed. */
  private static List<Long> pick(Journal journal, Predicate<OutputRecord> p, long seed) {
    List<Long> candidates = new ArrayList<>();
    for (OutputRecord r : JournalEdits.outputs(journal)) {
      if (r.inputSeq() > 0 && p.test(r)) {
        candidates.add(r.inputSeq());
      }
    }
    assertTrue(candidates.size() >= 5, "too few candidates: " + candidates.size());
    SimRng rng = new SimRng(seed);
    List<Long> picked = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      picked.add(candidates.get(rng.nextInt(candidates.size())));
    }
    return picked;
  }

  @Test
  void recordedJournalReplaysIdentically() {
    VerifyResult result = verify(RUN.journal());

    VerifyResult.Identical identical = assertInstanceOf(VerifyResult.Identical.class, result);
    long recordedCommands = 0;
    for (OutputRecord r : JournalEdits.outputs(RUN.journal())) {
      recordedCommands += r.commands().size();
    }
    assertEquals(EVENTS, identical.stats().events());
    assertEquals(recordedCommands, identical.stats().commandsCompared());
    assertEquals(EVENTS / HASH_EVERY, identical.stats().stateHashesChecked());
    assertEquals(0, identical.stats().inputsWithoutOutputs());
    assertEquals(RUN.finalStateHash(), identical.finalStateHash());
    assertTrue(identical.stats().snapshotSeq().isEmpty());
  }

  @Test
  void tamperedCommandIsReportedAtItsInput() {
    for (long seq : pick(RUN.journal(), r -> !r.commands().isEmpty(), 1)) {
      Command fake = new ScheduleWakeup(424_242, 1);
      MemoryJournal tampered =
          JournalEdits.withOutput(
              RUN.journal(),
              seq,
              r -> {
                List<Command> commands = new ArrayList<>(r.commands());
                commands.set(commands.size() - 1, fake);
                return new OutputRecord(r.inputSeq(), commands, r.stateHash());
              });

      VerifyResult.Diverged d = assertInstanceOf(VerifyResult.Diverged.class, verify(tampered));
      assertEquals(seq, d.inputSeq());
      assertEquals(seq + 1, d.stats().events(), "inputs 0..seq applied, the diverging one included");
      Mismatch.CommandsDiffer m = assertInstanceOf(Mismatch.CommandsDiffer.class, d.mismatch());
      assertTrue(m.expected().contains(fake));
      assertFalse(m.actual().contains(fake));
      assertTrue(d.describe().contains("divergence at input " + seq), d.describe());
    }
  }

  @Test
  void tamperedStateHashIsReportedAtItsInput() {
    for (long seq : pick(RUN.journal(), r -> r.stateHash().isPresent(), 2)) {
      Hash32 fake = Hash32.wrap(new SimRng(seq).bytes(32));
      MemoryJournal tampered =
          JournalEdits.withOutput(
              RUN.journal(), seq, r -> new OutputRecord(r.inputSeq(), r.commands(), Optional.of(fake)));

      VerifyResult.Diverged d = assertInstanceOf(VerifyResult.Diverged.class, verify(tampered));
      assertEquals(seq, d.inputSeq());
      Mismatch.StateHashDiffers m = assertInstanceOf(Mismatch.StateHashDiffers.class, d.mismatch());
      assertEquals(fake, m.expected());
      Hash32 recorded = JournalEdits.outputs(RUN.journal()).get((int) seq).stateHash().orElseThrow();
      assertEquals(recorded, m.actual());
    }
  }

  @Test
  void tamperedInputIsReportedAtItsSeq() {
    List<InputRecord> inputs = JournalEdits.inputs(RUN.journal());
    // An L1 head the core fetched: another block in its place must change the fetch it emits.
    Predicate<OutputRecord> fetchedHead =
        r -> inputs.get((int) r.inputSeq()).event() instanceof L1HeadObserved && !r.commands().isEmpty();
    for (long seq : pick(RUN.journal(), fetchedHead, 3)) {
      L1BlockRef head = ((L1HeadObserved) inputs.get((int) seq).event()).head();
      L1BlockRef other = new L1BlockRef(Hash32.wrap(new SimRng(-seq).bytes(32)), head.number(), head.parentHash(), head.timestamp());
      MemoryJournal tampered = JournalEdits.withInput(RUN.journal(), seq, new L1HeadObserved(other));

      VerifyResult.Diverged d = assertInstanceOf(VerifyResult.Diverged.class, verify(tampered));
      assertEquals(seq, d.inputSeq());
      assertEquals(new L1HeadObserved(other), d.input().orElseThrow().event());
      assertInstanceOf(Mismatch.CommandsDiffer.class, d.mismatch());
    }
  }

  @Test
  void trailingInputsWithoutOutputsAreToleratedAndCounted() {
    MemoryJournal killed = JournalEdits.withoutOutputsFrom(RUN.journal(), EVENTS - 3);

    VerifyResult.Identical identical = assertInstanceOf(VerifyResult.Identical.class, verify(killed));
    assertEquals(EVENTS, identical.stats().events());
    assertEquals(3, identical.stats().inputsWithoutOutputs());
    assertEquals(RUN.finalStateHash(), identical.finalStateHash());
    assertTrue(identical.stats().summary().contains("3 trailing inputs without recorded outputs"));
  }

  @Test
  void outputMissingMidJournalIsADivergence() {
    long seq = 777;
    MemoryJournal gap = JournalEdits.withOutput(RUN.journal(), seq, r -> null);

    VerifyResult.Diverged d = assertInstanceOf(VerifyResult.Diverged.class, verify(gap));
    assertEquals(seq, d.inputSeq());
    assertEquals(new Mismatch.OutputMissing(seq + 1), d.mismatch());
  }

  @Test
  void outputPastTheLastInputIsADivergence() {
    MemoryJournal extra = JournalEdits.copy(RUN.journal());
    extra.appendOutput(new OutputRecord(EVENTS, List.of(), Optional.empty()));

    VerifyResult.Diverged d = assertInstanceOf(VerifyResult.Diverged.class, verify(extra));
    assertEquals(EVENTS, d.inputSeq());
    assertTrue(d.input().isEmpty());
    assertInstanceOf(Mismatch.UnexpectedOutput.class, d.mismatch());
  }

  @Test
  void coreExceptionIsReportedWithItsSeq() {
    long seq = 4_321;
    // A restart for another chain: the core refuses it, as it must.
    CoreConfig otherChain = dev.basalt.testdata.gen.TestConfigs.core(999);
    MemoryJournal bad = JournalEdits.withInput(RUN.journal(), seq, new NodeStarted(otherChain, 0));

    VerifyResult.CoreFailed f = assertInstanceOf(VerifyResult.CoreFailed.class, verify(bad));
    assertEquals(seq, f.inputSeq());
    assertEquals(seq, f.stats().events());
    assertInstanceOf(IllegalStateException.class, f.error());
    assertTrue(f.describe().contains("core failed at input " + seq), f.describe());
    assertTrue(f.describe().contains("at dev.basalt.core.Core"), "stack trace expected: " + f.describe());
  }

  @Test
  void journalStartingAfterRetentionVerifiesFromTheSnapshotJustBeforeIt() {
    // Snapshots after inputs 999, 1999, ...; inputs before 3000 deleted: start from snapshot 2999.
    TrimmedJournal trimmed = new TrimmedJournal(RUN.journal(), 3_000);

    VerifyResult result = new ReplayVerifier(trimmed, RUN.snapshots()).verify();

    VerifyResult.Identical identical = assertInstanceOf(VerifyResult.Identical.class, result);
    assertEquals(2_999, identical.stats().snapshotSeq().orElseThrow());
    assertEquals(3_000, identical.stats().firstSeq());
    assertEquals(EVENTS - 3_000, identical.stats().events());
    assertEquals((EVENTS - 3_000) / HASH_EVERY, identical.stats().stateHashesChecked());
    assertEquals(RUN.finalStateHash(), identical.finalStateHash());
  }

  @Test
  void retainedInputsMidCycleStartAtTheOldestSnapshotTheyCover() {
    // Inputs from 3500: snapshot 2999 is too old (3000..3499 are gone), 3999 is the first usable.
    VerifyResult result = new ReplayVerifier(new TrimmedJournal(RUN.journal(), 3_500), RUN.snapshots()).verify();

    VerifyResult.Identical identical = assertInstanceOf(VerifyResult.Identical.class, result);
    assertEquals(3_999, identical.stats().snapshotSeq().orElseThrow());
    assertEquals(EVENTS - 4_000, identical.stats().events());
  }

  @Test
  void divergenceAfterTheSnapshotIsStillFound() {
    long seq = 3_210;
    MemoryJournal tampered =
        JournalEdits.withOutput(
            RUN.journal(), seq, r -> new OutputRecord(seq, List.of(new ScheduleWakeup(1, 1)), r.stateHash()));

    VerifyResult result = new ReplayVerifier(new TrimmedJournal(tampered, 3_000), RUN.snapshots()).verify();

    assertEquals(seq, assertInstanceOf(VerifyResult.Diverged.class, result).inputSeq());
  }

  @Test
  void deletedInputsWithoutACoveringSnapshotFailClearly() {
    MemorySnapshotStore onlyOld = new MemorySnapshotStore();
    onlyOld.save(RUN.snapshots().latestAtOrBefore(1_999).orElseThrow());
    ReplayVerifier verifier = new ReplayVerifier(new TrimmedJournal(RUN.journal(), 3_000), onlyOld);

    ReplayException e = assertThrows(ReplayException.class, verifier::verify);
    assertTrue(e.getMessage().contains("starts at input 3000"), e.getMessage());
    assertTrue(e.getMessage().contains("no snapshot"), e.getMessage());
  }

  @Test
  void progressIsReportedForLongReplays() {
    List<long[]> calls = new ArrayList<>();
    ProgressListener listener = (done, total, elapsed) -> calls.add(new long[] {done, total});
    JournalRecorder.Recorded big = new JournalRecorder(1_000, 0).record(5, 140_000);

    new ReplayVerifier(big.journal(), big.snapshots(), listener).verify();

    assertEquals(2, calls.size(), "every 65536 events");
    assertEquals(65_536, calls.get(0)[0]);
    assertEquals(140_000, calls.get(0)[1]);
    assertEquals(131_072, calls.get(1)[0]);
  }
}
