package dev.basalt.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.basalt.journal.JournalOptions;
import dev.basalt.journal.Journals;
import dev.basalt.replay.ReplayVerifier;
import dev.basalt.replay.VerifyResult;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class SimCommandTest {
  @TempDir Path dir;

  private record Run(int exit, String out, String err) {}

  private static Run sim(String... args) {
    CommandLine cl = BasaltMain.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    String[] full = new String[args.length + 1];
    full[0] = "sim";
    System.arraycopy(args, 0, full, 1, args.length);
    return new Run(cl.execute(full), out.toString(), err.toString());
  }

  @Test
  void aSeededRunPassesAndItsJournalReplaysIdentically() {
    Path journal = dir.resolve("sim");
    Run r = sim("--seed", "7", "--ticks", "30", "--journal", journal.toString());
    assertEquals(0, r.exit(), r.out() + r.err());
    assertTrue(r.out().contains("PASSED"), r.out());
    try (var j = Journals.openExisting(journal, JournalOptions.defaults())) {
      VerifyResult v = new ReplayVerifier(j, Journals.snapshots(journal)).verify();
      assertTrue(v instanceof VerifyResult.Identical, v::toString);
    }
  }

  @Test
  void aRunWithHonestAndHostileGossipReplaysIdentically() {
    Path journal = dir.resolve("gossip");
    Run r = sim("--seed", "1", "--ticks", "30", "--journal", journal.toString());
    assertEquals(0, r.exit(), r.out() + r.err());
    for (String s : new String[] {"GOSSIP_PEERS=1", "GOSSIP_FLOOD=", "gossip: true block accepted", "gossip: bad signature rejected",
        "unsafe head ahead of safe from gossip", "PASSED"}) {
      assertTrue(r.out().contains(s), s + " in: " + r.out());
    }
    try (var j = Journals.openExisting(journal, JournalOptions.defaults())) {
      VerifyResult v = new ReplayVerifier(j, Journals.snapshots(journal)).verify();
      assertTrue(v instanceof VerifyResult.Identical, v::toString);
    }
  }

  @Test
  void aDuoRunWritesEachNodesJournalAndBothReplayIdentically() {
    Path journals = dir.resolve("duo");
    Run r = sim("--seed", "7", "--ticks", "20", "--mode", "both", "--journal", journals.toString());
    assertEquals(0, r.exit(), r.out() + r.err());
    for (String node : new String[] {"sequencer", "validator"}) {
      Path journal = journals.resolve(node);
      assertTrue(r.out().contains("check with: ./basalt replay verify " + journal), r.out());
      try (var j = Journals.openExisting(journal, JournalOptions.defaults())) {
        assertTrue(j.nextInputSeq() - j.firstInputSeq() > 100, node + " journal holds the node's run");
        VerifyResult v = new ReplayVerifier(j, Journals.snapshots(journal)).verify();
        assertTrue(v instanceof VerifyResult.Identical, node + ": " + v);
      }
    }
  }

  @Test
  void theSameSeedPrintsTheSameRun() {
    Run first = sim("--seed", "11", "--ticks", "20");
    assertTrue(first.out().contains("core only"), "the run reports the core's and the world's rates: " + first.out());
    assertEquals(withoutTimings(first.out()), withoutTimings(sim("--seed", "11", "--ticks", "20").out()));
  }

  /** The run's output without the lines that report how long it took (they differ between runs). */
  private static String withoutTimings(String out) {
    return out.lines().filter(l -> !l.startsWith("ran ") && !l.startsWith("events/s: ")).reduce("", (a, b) -> a + b + "\n");
  }

  @Test
  void aSequencerRunAndBothModesRun() {
    Run seq = sim("--seed", "5", "--ticks", "10", "--mode", "sequencer");
    assertEquals(0, seq.exit(), seq.out() + seq.err());
    assertTrue(seq.out().contains("sequencer origin advanced") && seq.out().contains("PASSED"), seq.out());
    Run both = sim("--seed", "5", "--ticks", "10", "--mode", "both", "--profile", "calm");
    assertEquals(0, both.exit(), both.out() + both.err());
    assertTrue(both.out().contains("one world: Basalt sequences, Basalt validates from its gossip")
        && both.out().contains("validator followed the sequencer's gossip") && both.out().contains("PASSED"), both.out());
  }

  @Test
  void eventsAloneRunsUntilThatManyEvents() {
    // 80 steps (the default without --events) give seed 3 some 11,000 events: the run must go on.
    Run r = sim("--seed", "3", "--events", "30000");
    assertEquals(0, r.exit(), r.out() + r.err());
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("seed 3: (\\d+) steps, ([\\d,]+) events").matcher(r.out());
    assertTrue(m.find(), r.out());
    long events = Long.parseLong(m.group(2).replace(",", ""));
    assertTrue(events >= 30_000 && events < 40_000, "stops injecting once 30,000 events were applied: " + r.out());
    Run zero = sim("--events", "0");
    assertEquals(2, zero.exit());
    assertTrue(zero.err().contains("--ticks, --events and --swarm must be positive"), zero.err());
  }

  @Test
  void unsupportedModesAndProfilesAreRefusedByName() {
    Run mode = sim("--mode", "observer");
    assertEquals(2, mode.exit());
    assertTrue(mode.err().contains("--mode must be validator, sequencer or both, got 'observer'"), mode.err());
    Run swarmJournal = sim("--swarm", "2", "--journal", "target/never-written");
    assertEquals(2, swarmJournal.exit());
    assertTrue(swarmJournal.err().contains("--journal writes one run's journal; it cannot be combined with --swarm"), swarmJournal.err());
    Run profile = sim("--profile", "wild");
    assertEquals(2, profile.exit());
    assertTrue(profile.err().contains("unknown profile 'wild'"), profile.err());
  }

  @Test
  void aPassingDuoRunWithShrinkHasNothingToShrinkAndADuoCorpusEntryReplays(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws Exception {
    Run both = sim("--seed", "6", "--ticks", "8", "--mode", "both", "--profile", "calm", "--shrink");
    assertEquals(0, both.exit(), both.out() + both.err());
    assertTrue(both.out().contains("PASSED") && !both.out().contains("shrunk"), both.out());
    java.nio.file.Path entry = dir.resolve("duo.txt");
    java.nio.file.Files.write(entry, java.util.List.of("seed 6", "steps 8", "profile calm", "mode both", "world 0 CONDUCTOR 1",
        "sequencer 3 NODE_CRASH 1", "validator 4 GOSSIP_DUPLICATE 2"));
    Run replay = sim("--corpus", entry.toString());
    assertEquals(0, replay.exit(), replay.out() + replay.err());
    assertTrue(replay.out().contains("3 faults scheduled") && replay.out().contains("NODE_CRASH=1")
        && replay.out().contains("GOSSIP_DUPLICATE=1") && replay.out().contains("PASSED"), replay.out());
  }

  @Test
  void aSmallSwarmPrintsItsTable() {
    Run r = sim("--swarm", "3", "--seed", "40", "--ticks", "15");
    assertTrue(r.out().startsWith("seeds 3, events"), r.out());
    assertTrue(r.out().contains("faults injected by class:"), r.out());
  }
}
