package dev.basalt.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.basalt.core.command.PublishPayload;
import dev.basalt.core.command.PublishSyncStatus;
import dev.basalt.core.event.NodeStarted;
import dev.basalt.core.heads.SyncStatus;
import dev.basalt.core.types.Hash32;
import dev.basalt.journal.Journal;
import dev.basalt.journal.JournalCursor;
import dev.basalt.journal.JournalOptions;
import dev.basalt.journal.Journals;
import dev.basalt.journal.OutputRecord;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * {@code basalt node --dev} as a process with Basalt as the devnet's sequencer: it builds the blocks,
 * the embedded batcher posts them, and its own derivation makes them safe and finalized; stopped
 * with SIGTERM and with kill -9, it continues the same chain from the same data directory.
 */
@Tag("slow")
class DevSequencerProcessIT {
  private static final Pattern L2_HEADS = Pattern.compile("L2 unsafe #(\\d+) safe #(\\d+) finalized #(\\d+)");

  @TempDir Path dir;

  private final int rpcPort = freePort();

  private static int freePort() {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private Process start(Path log) throws Exception {
    return NodeProcess.start(List.of("node", "--dev", "--datadir", dir.toString(), "--dev.l1-block-time", "1",
        "--rpc.port", Integer.toString(rpcPort)), Map.of(), log);
  }

  private Path log(int run) {
    return dir.resolveSibling(dir.getFileName() + "-seq-" + run + ".log");
  }

  private static java.util.function.Predicate<String> heads(long unsafe, long safe, long finalized) {
    return l -> {
      Matcher m = L2_HEADS.matcher(l);
      return m.find() && Long.parseLong(m.group(1)) >= unsafe && Long.parseLong(m.group(2)) >= safe
          && Long.parseLong(m.group(3)) >= finalized;
    };
  }

  private static long[] lastHeads(Path log) throws Exception {
    long[] last = null;
    for (String l : NodeProcess.lines(log)) {
      Matcher m = L2_HEADS.matcher(l);
      if (m.find()) {
        last = new long[] {Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), Long.parseLong(m.group(3))};
      }
    }
    return last;
  }

  private long[] syncStatus() throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + rpcPort))
        .header("content-type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"optimism_syncStatus\",\"params\":[]}"))
        .build(), HttpResponse.BodyHandlers.ofString());
    var result = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.body()).path("result");
    return new long[] {result.path("unsafe_l2").path("number").asLong(), result.path("safe_l2").path("number").asLong(),
        result.path("finalized_l2").path("number").asLong()};
  }

  @Test
  // Checks that with `--dev` Basalt sequences the devnet: its status line and optimism_syncStatus show the unsafe,
  // safe and finalized heads all moving; after SIGTERM and after kill -9 a restart on the same directory continues
  // the chain (no head goes back, safe keeps rising); every journal replays identically; and every safe head any
  // run published is the very block Basalt sealed at that height (the sequenced blocks became safe unchanged)
  void basaltSequencesTheDevnetAndItsBlocksBecomeSafeAcrossRestarts() throws Exception {
    Process first = start(log(1));
    long[] before;
    try {
      NodeProcess.waitForLines(log(1), heads(8, 6, 1), 1, 90);
      before = syncStatus();
      Thread.sleep(4_000);
      long[] after = syncStatus();
      assertTrue(after[0] > before[0] && after[1] > before[1], "unsafe and safe move: " + before[0] + "/" + before[1] + " -> "
          + after[0] + "/" + after[1]);
      assertTrue(after[2] >= 1, "finalized moved off genesis: " + after[2]);
    } finally {
      first.destroy();
      assertTrue(first.waitFor(30, TimeUnit.SECONDS));
    }
    HttpNodeHarness.replayIdentical(dir);
    assertTrue(Files.readString(log(1)).contains("Basalt sequences, the embedded batcher posts"), "the devnet says who sequences");
    long[] end1 = lastHeads(log(1));

    Process second = start(log(2));
    try {
      NodeProcess.waitForLines(log(2), heads(end1[0] + 3, end1[1] + 2, end1[2]), 1, 90);
    } finally {
      second.destroyForcibly(); // kill -9
      assertTrue(second.waitFor(30, TimeUnit.SECONDS));
    }
    HttpNodeHarness.replayIdentical(dir);
    long[] end2 = lastHeads(log(2));

    Process third = start(log(3));
    try {
      NodeProcess.waitForLines(log(3), heads(end2[0] + 3, end2[1] + 2, end2[2]), 1, 90);
    } finally {
      third.destroy();
      assertTrue(third.waitFor(30, TimeUnit.SECONDS));
    }
    HttpNodeHarness.replayIdentical(dir);
    assertEquals(3, NodeProcess.inputs(dir).stream().filter(r -> r.event() instanceof NodeStarted).count());
    assertSafeHeadsWereSealedBlocks();
  }

  /** Walks the journal's outputs: each published safe head is the block sealed last at its height before it. */
  private void assertSafeHeadsWereSealedBlocks() {
    Map<Long, Hash32> sealed = new HashMap<>();
    long checked = 0;
    long highestSafe = 0;
    try (Journal journal = Journals.openExisting(dir, JournalOptions.defaults());
        JournalCursor<OutputRecord> outputs = journal.readOutputs(0)) {
      for (OutputRecord r = outputs.next(); r != null; r = outputs.next()) {
        for (var c : r.commands()) {
          if (c instanceof PublishPayload p) {
            sealed.put(p.envelope().payload().blockNumber(), p.envelope().payload().blockHash());
          } else if (c instanceof PublishSyncStatus s && s.status().safeL2().number() > 0) {
            SyncStatus st = s.status();
            assertEquals(sealed.get(st.safeL2().number()), st.safeL2().hash(), "safe head " + st.safeL2() + " was sealed by Basalt");
            highestSafe = Math.max(highestSafe, st.safeL2().number());
            checked++;
          }
        }
      }
    }
    assertTrue(checked > 10 && highestSafe > 10, "safe heads checked: " + checked + ", up to " + highestSafe);
  }
}
