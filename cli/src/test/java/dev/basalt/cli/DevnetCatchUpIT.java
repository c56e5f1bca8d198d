package dev.basalt.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.basalt.core.config.Fork;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code basalt node --dev} as a process catching up on a devnet whose genesis lies
 * {@value #AGE_SECONDS} s in the past: thousands of L2 blocks across every fork boundary, from
 * calldata and blobs, compared block by block with a fresh in-process rebuild of the same devnet.
 */
@Tag("slow")
class DevnetCatchUpIT {
  private static final long AGE_SECONDS = 70 * 60;
  private static final Pattern L2_HEADS = Pattern.compile("L2 unsafe #(\\d+) safe #(\\d+) finalized #(\\d+)");

  @TempDir Path dir;

  @Test
  // Checks that the node derives every block of 70 minutes of devnet history (2000+ L2 blocks, past the last fork
  // activation) with a safe head and a finalized head: every payload it inserted is the rebuilt devnet's true
  // block at that height, every safe and finalized head it published is a true block, every safe-head record
  // (L1 block -> safe head) is the true safe head at that L1 block, L1 data came in calldata before Ecotone and
  // in blobs after, and the journal replays identically
  void theDevnetNodeCatchesUpOnSeventyMinutesOfHistoryBlockForBlock() throws Exception {
    long target = (AGE_SECONDS - 240) / 2;
    Path log = dir.resolveSibling(dir.getFileName() + "-catchup.log");
    Process node = NodeProcess.start(List.of("node", "--dev", "--dev.mode", "Validator", "--datadir", dir.toString(),
        "--dev.l1-block-time", "2",
        "--dev.genesis-age", Long.toString(AGE_SECONDS)), Map.of(), log);
    try {
      NodeProcess.waitForLines(log, l -> {
        Matcher m = L2_HEADS.matcher(l);
        return m.find() && Long.parseLong(m.group(2)) >= target && Long.parseLong(m.group(3)) >= target - 60;
      }, 1, 170);
    } finally {
      node.destroy();
      assertTrue(node.waitFor(30, TimeUnit.SECONDS), "node stopped on SIGTERM");
    }
    HttpNodeHarness.replayIdentical(dir);

    DevnetChainCheck check = DevnetChainCheck.verify(dir, 120L * (Fork.ECOTONE.ordinal() + 1));
    assertTrue(check.inserted >= target, "blocks inserted: " + check.inserted);
    assertTrue(check.last.safeL2().number() >= target && check.last.finalizedL2().number() > 0, "final status " + check.last);
    long lastForkTime = check.genesis + 120L * Fork.values().length;
    assertTrue(check.last.safeL2().timestamp() > lastForkTime, "the safe head passed every fork activation: " + check.last.safeL2());
    assertTrue(check.inboxTxsBefore > 0, "batches in calldata before Ecotone");
    assertTrue(check.blobFetches > 0, "batches in blobs after Ecotone");
    assertTrue(check.safeHeadRecords > 100, "safe-head records: " + check.safeHeadRecords);
  }
}
