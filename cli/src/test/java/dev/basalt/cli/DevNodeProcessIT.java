package dev.basalt.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.basalt.core.event.EngineResponseReceived;
import dev.basalt.core.event.L1BlockFetched;
import dev.basalt.core.event.L1HeadObserved;
import dev.basalt.core.event.NodeStarted;
import dev.basalt.core.event.RequestFailed;
import dev.basalt.core.types.Hash32;
import dev.basalt.core.types.L1BlockRef;
import dev.basalt.journal.InputRecord;
import dev.basalt.journal.Journal;
import dev.basalt.journal.JournalOptions;
import dev.basalt.journal.Journals;
import dev.basalt.replay.ReplayVerifier;
import dev.basalt.replay.VerifyResult;
import dev.basalt.testdata.world.DevWorld;
import dev.basalt.testdata.world.SimWorld;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The devnet end to end with the node as a real process over its real adapters: run it, stop it
 * with SIGTERM and separately with kill -9, and prove after each stop that the journal replays to
 * identical decisions, that a restart continues the same journal and the same chain, and that the
 * node fetched L1 blocks from the devnet's JSON-RPC server and talked to its engine over HTTP.
 */
@Tag("slow")
class DevNodeProcessIT {
  private static final Pattern ENGINE_CALLS = Pattern.compile("HTTP: (\\d+) L1 RPC, (\\d+) beacon, (\\d+) engine calls \\((\\d+) refused\\)");

  private static final Pattern L2_HEADS = Pattern.compile("L2 unsafe #(\\d+) safe #(\\d+)");

  @TempDir Path dir;

  private Process start(Path log) throws IOException {
    return NodeProcess.start(List.of("node", "--dev", "--dev.mode", "Validator", "--datadir", dir.toString(), "--dev.l1-block-time", "1"),
        Map.of(), log);
  }

  private static void waitForStatus(Path log, int lines) throws Exception {
    NodeProcess.waitForLines(log, l -> l.contains(" status "), lines, 60);
  }

  private VerifyResult.Identical verify() {
    try (Journal journal = Journals.openExisting(dir, JournalOptions.defaults())) {
      VerifyResult result = new ReplayVerifier(journal, Journals.snapshots(dir)).verify();
      return assertInstanceOf(VerifyResult.Identical.class, result, () -> "replay: " + result);
    }
  }

  private Path log(int run) {
    return dir.resolveSibling(dir.getFileName() + "-" + run + ".log");
  }

  /** The last status line's engine and L1 request counts: the devnet's servers count what arrived over HTTP. */
  private static long[] httpCounts(Path log) throws IOException {
    long[] last = null;
    for (String l : NodeProcess.lines(log)) {
      Matcher m = ENGINE_CALLS.matcher(l);
      if (m.find()) {
        last = new long[] {Long.parseLong(m.group(1)), Long.parseLong(m.group(3)), Long.parseLong(m.group(4))};
      }
    }
    if (last == null) {
      throw new AssertionError("no devnet status line:\n" + Files.readString(log));
    }
    return last;
  }

  @Test
  void sigtermAndKillNineBothLeaveAJournalThatReplaysIdenticallyAndRestartsContinue() throws Exception {
    Process first = start(log(1));
    waitForStatus(log(1), 2);
    first.destroy(); // SIGTERM
    assertTrue(first.waitFor(30, TimeUnit.SECONDS), "node stopped on SIGTERM");
    VerifyResult.Identical afterTerm = verify();
    assertTrue(afterTerm.stats().events() > 5, "the node journaled events: " + afterTerm.stats().events());
    long[] http = httpCounts(log(1));
    assertTrue(http[0] > 2 && http[1] >= 2 && http[2] == 0, "L1 RPC and engine calls arrived over HTTP, none refused: "
        + Arrays.toString(http));
    assertTrue(Files.readString(log(1)).contains("is ready (10 capabilities)"), "the JWT handshake with the devnet engine");

    Process second = start(log(2));
    waitForStatus(log(2), 1);
    second.destroyForcibly(); // kill -9
    assertTrue(second.waitFor(30, TimeUnit.SECONDS));
    VerifyResult.Identical afterKill = verify();
    assertTrue(afterKill.stats().events() > afterTerm.stats().events(), "the restart appended to the same journal");

    Process third = start(log(3));
    waitForStatus(log(3), 1);
    third.destroy();
    assertTrue(third.waitFor(30, TimeUnit.SECONDS));
    assertTrue(Files.readString(log(3)).contains("recovered core from snapshot"), "warm restart from the snapshot");
    verify();

    List<InputRecord> all = NodeProcess.inputs(dir);
    for (int i = 0; i < all.size(); i++) {
      assertEquals(i, all.get(i).seq(), "sequence numbers contiguous across three runs");
    }
    assertEquals(3, all.stream().filter(r -> r.event() instanceof NodeStarted).count(), "one NodeStarted per run");
    assertTrue(all.stream().anyMatch(r -> r.event() instanceof L1BlockFetched), "L1 blocks fetched over JSON-RPC");
    assertTrue(all.stream().anyMatch(r -> r.event() instanceof EngineResponseReceived), "engine answers over the Engine API");
    assertEquals(List.of(), all.stream().filter(r -> r.event() instanceof RequestFailed).map(r -> r.event().toString()).toList(),
        "no request failed");
    assertSameChainAcrossRuns(all);
  }

  @Test
  // Checks that `basalt node --dev` as a process derives the devnet's chain over HTTP: with 1-second L1
  // blocks its status line shows the L2 safe head above genesis within 60 s and the unsafe head at or above
  // it, and a restart after SIGTERM reports a safe head no lower than before
  void theDevnetValidatorAdvancesItsSafeHeadAndKeepsItAcrossARestart() throws Exception {
    Process first = start(log(1));
    NodeProcess.waitForLines(log(1), l -> {
      Matcher m = L2_HEADS.matcher(l);
      return m.find() && Long.parseLong(m.group(2)) > 0 && Long.parseLong(m.group(1)) >= Long.parseLong(m.group(2));
    }, 1, 60);
    first.destroy();
    assertTrue(first.waitFor(30, TimeUnit.SECONDS));
    long safeBefore = lastSafe(log(1));
    Process second = start(log(2));
    waitForStatus(log(2), 1);
    second.destroy();
    assertTrue(second.waitFor(30, TimeUnit.SECONDS));
    assertTrue(lastSafe(log(2)) >= safeBefore, "the safe head survived the restart");
    verify();
  }

  private static long lastSafe(Path log) throws IOException {
    long safe = -1;
    for (String l : NodeProcess.lines(log)) {
      Matcher m = L2_HEADS.matcher(l);
      if (m.find()) {
        safe = Long.parseLong(m.group(2));
      }
    }
    return safe;
  }

  /**
   * Every L1 block any of the three runs fetched or saw as head is the block a fresh rebuild of the
   * devnet (same genesis, from the data directory) has at that number: each restart regenerated
   * and continued the same chain.
   */
  private void assertSameChainAcrossRuns(List<InputRecord> all) throws IOException {
    long genesis = DevnetGenesis.load(dir).orElseThrow();
    Map<Long, Hash32> observed = new HashMap<>();
    long latest = 0;
    for (InputRecord r : all) {
      L1BlockRef ref = r.event() instanceof L1BlockFetched f ? f.block().ref()
          : r.event() instanceof L1HeadObserved h ? h.head() : null;
      if (ref != null) {
        assertEquals(ref.hash(), observed.computeIfAbsent(ref.number(), n -> ref.hash()), "L1 block " + ref.number());
        latest = Math.max(latest, ref.timestamp());
      }
    }
    SimWorld rebuilt = SimWorld.create(DevWorld.config(DevWorld.L2_CHAIN_ID, genesis, 1));
    rebuilt.advanceTo(latest);
    for (Map.Entry<Long, Hash32> e : observed.entrySet()) {
      assertEquals(rebuilt.l1().chain().byNumber(e.getKey()).orElseThrow().hash(), e.getValue(), "L1 block " + e.getKey());
    }
    assertTrue(observed.size() > 5, "L1 blocks observed: " + observed.size());
  }
}
