package dev.basalt.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.basalt.adapters.config.ChainRegistry;
import dev.basalt.adapters.engine.JwtSecret;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code basalt registry}, {@code info} and {@code jwt new}, and {@code --help} on every command. */
class SubcommandsTest {
  @TempDir Path dir;

  record Run(int exit, String out, String err) {}

  static Run run(String... args) {
    CommandLine cl = BasaltMain.commandLine(Map.of());
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    int exit = cl.execute(args);
    return new Run(exit, out.toString(), err.toString().strip());
  }

  @Test
  void registryListsEveryEmbeddedChainWithItsIdNetworkAndLatestFork() {
    Run r = run("registry");
    assertEquals(0, r.exit(), r.err());
    int chains = ChainRegistry.embedded().chains().size();
    assertTrue(r.out().contains(chains + " chains;"), r.out());
    assertTrue(r.out().lines().anyMatch(l -> l.matches("10\\s+op-mainnet\\s+OP Mainnet\\s+\\w+")), r.out());
    assertEquals(chains + 2, r.out().lines().count(), "header, one line per chain, footer");
  }

  @Test
  void registryShowsOneChainsForkTimes() {
    Run r = run("registry", "--chain", "8453");
    assertEquals(0, r.exit(), r.err());
    long canyon = ChainRegistry.embedded().resolve("base").config().forks().activation(dev.basalt.core.config.Fork.CANYON).orElseThrow();
    assertTrue(r.out().lines().anyMatch(l -> l.strip().startsWith("canyon") && l.contains(Long.toString(canyon))), r.out());
    assertTrue(r.out().contains("names: "), r.out());
    Run unknown = run("registry", "--chain", "no-such-chain");
    assertEquals(2, unknown.exit());
    assertTrue(unknown.err().startsWith("basalt registry: unknown chain \"no-such-chain\""), unknown.err());
  }

  @Test
  void infoPrintsVersionJavaAndOs() {
    Run r = run("info");
    assertEquals(0, r.exit());
    assertTrue(r.out().lines().anyMatch(l -> l.startsWith("version") && l.endsWith(Version.current())), r.out());
    assertTrue(r.out().lines().anyMatch(l -> l.startsWith("java") && l.contains(Runtime.version().toString())), r.out());
    assertTrue(r.out().contains(System.getProperty("os.name")), r.out());
    assertTrue(r.out().lines().anyMatch(l -> l.startsWith("disruptor")), r.out());
  }

  @Test
  void jwtNewPrintsOrWritesAFreshSecretOwnerOnlyAndNeverOverwritesUnlessForced() throws Exception {
    Run printed = run("jwt", "new");
    assertEquals(0, printed.exit());
    assertTrue(printed.out().strip().matches("[0-9a-f]{64}"), printed.out());
    assertNotEquals(printed.out(), run("jwt", "new").out(), "fresh every time");

    Path file = dir.resolve("sub").resolve("jwt.hex");
    assertEquals(0, run("jwt", "new", "--out", file.toString()).exit());
    String first = Files.readString(file);
    JwtSecret.fromFile(file); // what the node reads
    if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }
    Run refused = run("jwt", "new", "-o", file.toString());
    assertEquals(new Run(1, "", "basalt jwt new: " + file + " already exists; pass --force to replace it"), refused);
    assertEquals(first, Files.readString(file), "untouched");
    assertEquals(0, run("jwt", "new", "--out", file.toString(), "--force").exit());
    assertNotEquals(first, Files.readString(file));
    try (var files = Files.list(file.getParent())) {
      assertEquals(1, files.count(), "no temporary file left behind");
    }
  }

  @Test
  void everyCommandHasHelpWithExamples() {
    for (String[] cmd : new String[][] {{"--help"}, {"node", "--help"}, {"registry", "--help"}, {"info", "--help"},
        {"jwt", "--help"}, {"jwt", "new", "--help"},
        {"replay", "--help"}, {"decode", "--help"}}) {
      Run r = run(cmd);
      assertEquals(0, r.exit(), String.join(" ", cmd));
      assertTrue(r.out().contains("Example"), String.join(" ", cmd) + ":\n" + r.out());
    }
    Run node = run("node", "--help");
    assertTrue(node.out().contains("env: KONA_NODE_L1_ETH_RPC, OP_NODE_L1_ETH_RPC"), node.out());
    assertTrue(node.out().contains("\nP2P: libp2p block gossip and discv5 discovery"), node.out());
  }
}
