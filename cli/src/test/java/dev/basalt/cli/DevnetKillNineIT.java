package dev.basalt.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

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
 * {@code basalt node --dev} killed with SIGKILL in the middle of catching up on a devnet with 20
 * minutes of history, then started again on the same data directory.
 */
@Tag("slow")
class DevnetKillNineIT {
  private static final long AGE_SECONDS = 20 * 60;
  private static final Pattern L2_SAFE = Pattern.compile("L2 unsafe #\\d+ safe #(\\d+)");

  @TempDir Path dir;

  private Process start(Path log, List<String> extra) throws Exception {
    List<String> args = new java.util.ArrayList<>(List.of("node", "--dev", "--dev.mode", "Validator", "--datadir", dir.toString(),
        "--dev.l1-block-time", "2"));
    args.addAll(extra);
    return NodeProcess.start(args, Map.of(), log);
  }

  private static java.util.function.Predicate<String> safeAtLeast(long n) {
    return l -> {
      Matcher m = L2_SAFE.matcher(l);
      return m.find() && Long.parseLong(m.group(1)) >= n;
    };
  }

  @Test
  // Checks that after kill -9 mid-derivation (safe head past 150 of ~600 blocks) the journal replays identically,
  // a restart on the same data directory continues and derives the rest (safe head within a minute of the
  // devnet's head), the whole journal replays identically, and every payload inserted, head published and
  // safe-head record kept across both runs is the rebuilt devnet's
  void killNineMidDerivationThenRestartConverges() throws Exception {
    Path log1 = dir.resolveSibling(dir.getFileName() + "-1.log");
    Process first = start(log1, List.of("--dev.genesis-age", Long.toString(AGE_SECONDS)));
    try {
      NodeProcess.waitForLines(log1, safeAtLeast(150), 1, 90);
    } finally {
      first.destroyForcibly(); // SIGKILL
      assertTrue(first.waitFor(30, TimeUnit.SECONDS));
    }
    HttpNodeHarness.replayIdentical(dir);

    Path log2 = dir.resolveSibling(dir.getFileName() + "-2.log");
    Process second = start(log2, List.of());
    long target = (AGE_SECONDS - 60) / 2;
    try {
      NodeProcess.waitForLines(log2, safeAtLeast(target), 1, 120);
    } finally {
      second.destroy();
      assertTrue(second.waitFor(30, TimeUnit.SECONDS));
    }
    HttpNodeHarness.replayIdentical(dir);
    DevnetChainCheck check = DevnetChainCheck.verify(dir, 0);
    assertTrue(check.last.safeL2().number() >= target, "final status " + check.last);
    assertTrue(check.inserted >= target, "blocks inserted across both runs: " + check.inserted);
    assertTrue(check.safeHeadRecords > 20, "safe-head records: " + check.safeHeadRecords);
  }
}
