package dev.basalt.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.basalt.cli.flags.NotYetWired;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * {@code docs/flags.md} is what the Picocli model generates now. When a flag changes, regenerate it
 * with the command in {@link FlagReference#REGENERATE} and commit the file.
 */
class FlagReferenceTest {
  private static final Path FILE = Path.of("..", "docs", "flags.md");

  @Test
  void theCheckedInReferenceIsUpToDate() throws Exception {
    String generated = FlagReference.markdown();
    if (Boolean.getBoolean("basalt.flags.write")) {
      Files.writeString(FILE, generated, StandardCharsets.UTF_8);
    }
    String onDisk = Files.exists(FILE) ? Files.readString(FILE, StandardCharsets.UTF_8) : "";
    assertTrue(generated.equals(onDisk), "docs/flags.md is stale; regenerate it with:\n  " + FlagReference.REGENERATE);
  }

  @Test
  void everyRefusedFlagIsMarkedAndEveryRowNamesItsVariable() {
    String md = FlagReference.markdown();
    for (NotYetWired.Entry e : NotYetWired.ENTRIES) {
      assertTrue(md.lines().anyMatch(l -> l.startsWith("| `" + e.flag()) && l.contains("refused when set")), e.flag());
    }
    assertTrue(md.lines().anyMatch(l -> l.startsWith("| `--l1-eth-rpc URL` | `--l1` | `KONA_NODE_L1_ETH_RPC`, `OP_NODE_L1_ETH_RPC` |")
        && l.contains("| wired |")), md);
    assertEquals(1, md.lines().filter(l -> l.startsWith("| `--canyon-override")).count());
  }
}
