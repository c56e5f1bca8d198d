package dev.basalt.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code basalt node}'s command line, in-process, for everything decided before any connection:
 * missing and conflicting flags are refused by name (exit 2), and what fails at startup (an
 * unknown or unsupported chain, an unreadable JWT secret) is one line with exit 1. Nothing here
 * opens a socket or writes a journal.
 */
class NodeCommandTest {
  private static final List<String> ENDPOINTS = List.of("--l1-eth-rpc", "http://127.0.0.1:1", "--l1-beacon", "http://127.0.0.1:1",
      "--l2-engine-rpc", "http://127.0.0.1:1");

  @TempDir Path dir;

  record Run(int exit, String err) {}

  static Run node(List<String> args) {
    CommandLine cl = BasaltMain.commandLine(java.util.Map.of());
    StringWriter err = new StringWriter();
    cl.setErr(new PrintWriter(err, true));
    cl.setOut(new PrintWriter(new StringWriter(), true));
    List<String> all = new ArrayList<>(List.of("node"));
    all.addAll(args);
    int exit = cl.execute(all.toArray(String[]::new));
    return new Run(exit, err.toString().strip());
  }

  static List<String> with(List<String> base, String... more) {
    List<String> out = new ArrayList<>(base);
    out.addAll(List.of(more));
    return out;
  }

  @Test
  void theChainsEndpointsAreRequiredUnlessDev() {
    assertEquals(new Run(2, "basalt node: --l1-eth-rpc (or KONA_NODE_L1_ETH_RPC) is required unless --dev"), node(List.of()));
    assertEquals(new Run(2, "basalt node: --l1-beacon (or KONA_NODE_L1_BEACON) is required unless --dev"),
        node(List.of("--l1", "http://127.0.0.1:1")));
    assertEquals(new Run(2, "basalt node: --l2-engine-rpc (or KONA_NODE_L2_ENGINE_RPC) is required unless --dev"),
        node(List.of("--l1", "http://127.0.0.1:1", "--l1.beacon", "http://127.0.0.1:1")));
    assertEquals(new Run(2, "basalt node: --l1-eth-rpc: not an http(s) URL: ws://127.0.0.1:1"),
        node(List.of("--l1", "ws://127.0.0.1:1", "--l1.beacon", "http://127.0.0.1:1", "--l2", "http://127.0.0.1:1")));
  }

  @Test
  void theDevnetRefusesTheChainsOwnServicesByName() {
    for (List<String> args : List.of(List.of("--l1-eth-rpc", "http://x:1"), List.of("-c", "op-sepolia"), List.of("--l2", "http://x:1"),
        List.of("--l2.jwt-secret", "jwt.hex"), List.of("--rollup-cfg", "rollup.json"), List.of("--l1.beacon-fallbacks", "http://x:1"))) {
      Run r = node(with(List.of("--dev", "--datadir", dir.toString()), args.toArray(String[]::new)));
      assertEquals(2, r.exit(), r.err());
      assertTrue(r.err().endsWith("cannot be used with --dev: the devnet runs its own chain, L1 and engine"), r.err());
    }
    assertEquals(new Run(2, "basalt node: --dev.l1-block-time only applies with --dev"),
        node(with(ENDPOINTS, "--dev.l1-block-time", "3")));
    assertEquals(new Run(2, "basalt node: --dev.l1-block-time must be at least 1 second"),
        node(List.of("--dev", "--dev.l1-block-time", "0", "--datadir", dir.toString())));
    assertEquals(new Run(2, "basalt node: --dev.genesis-age only applies with --dev"),
        node(with(ENDPOINTS, "--dev.genesis-age", "60")));
    assertEquals(new Run(2, "basalt node: --dev.genesis-age must be 0..604800 seconds, got -1"),
        node(List.of("--dev", "--dev.mode", "Validator", "--dev.genesis-age", "-1", "--datadir", dir.toString())));
    assertEquals(new Run(2, "basalt node: --dev.genesis-age needs --dev.mode Validator: a devnet Basalt sequences has no history"
        + " before Basalt starts it"), node(List.of("--dev", "--dev.genesis-age", "60", "--datadir", dir.toString())));
    assertFalse(Files.exists(dir.resolve("journal.meta")), "refused before touching the data directory");
  }

  @Test
  void aDevnetGenesisAgeIsRefusedForADevnetThatAlreadyHasAGenesis() throws Exception {
    Files.createDirectories(dir);
    DevnetGenesis.save(dir, 1_700_000_000L, "Validator");
    Run r = node(List.of("--dev", "--dev.mode", "Validator", "--dev.genesis-age", "60", "--datadir", dir.toString()));
    assertEquals(2, r.exit(), r.err());
    assertTrue(r.err().contains("--dev.genesis-age applies only to a new devnet"), r.err());
  }

  @Test
  void aDevnetKeepsBasaltsRoleAcrossRestarts() throws Exception {
    Files.createDirectories(dir);
    DevnetGenesis.save(dir, 1_700_000_000L, "Validator");
    Run r = node(List.of("--dev", "--datadir", dir.toString()));
    assertEquals(2, r.exit(), r.err());
    assertTrue(r.err().contains("holds a devnet where Basalt is the Validator, not the Sequencer: pass --dev.mode Validator"), r.err());
  }

  @Test
  void unsupportedModesAndContradictionsAreRefusedWithTheFlagsName() {
    assertEquals(new Run(2, "basalt node: --verifier.l1-confs must be 0.." + dev.basalt.core.CoreConfig.MAX_VERIFIER_L1_CONFS
        + ", got -1"), node(with(ENDPOINTS, "--verifier.l1-confs", "-1")));
    assertEquals(new Run(2, "basalt node: --syncmode must be consensus-layer or execution-layer, got 'snap'"),
        node(with(ENDPOINTS, "--syncmode", "snap")));
    assertEquals(new Run(2, "basalt node: give the JWT secret once: --l2-engine-jwt-secret (a file) or --l2-engine-jwt-encoded (hex),"
        + " not both"), node(with(ENDPOINTS, "--l2.jwt-secret", "a.hex", "--l2-engine-jwt-encoded", "00")));
    assertEquals(new Run(2, "basalt node: --l2-engine-timeout must be at least 1 millisecond, got 0s"),
        node(with(ENDPOINTS, "--l2.timeout", "0")));
    assertEquals(new Run(2, "basalt node: --l1-slot-duration-override must be a positive number of seconds"),
        node(with(ENDPOINTS, "--l1.slot-duration-override", "0")));
  }

  @Test
  void unknownAndUnsupportedChainsStopTheStartWithTheLoadersMessage() {
    Run unknown = node(with(ENDPOINTS, "--chain", "no-such-chain"));
    assertEquals(1, unknown.exit());
    assertTrue(unknown.err().startsWith("basalt node: --chain (KONA_NODE_L2_CHAIN_ID): unknown chain \"no-such-chain\""),
        unknown.err());
    assertEquals(new Run(1, "basalt node: registry mainnet/celo: chain 42220 uses features Basalt does not support: "
        + "Alt-DA (batch data held off L1 behind a challenge contract), custom gas-paying token"), node(with(ENDPOINTS, "-c", "celo")));
  }

  @Test
  void aMissingOrMalformedJwtSecretStopsTheStartBeforeAnyConnection() throws Exception {
    Path missing = dir.resolve("nope.hex");
    assertEquals(new Run(1, "basalt node: JWT secret file " + missing + " does not exist; check --l2-engine-jwt-secret"
        + " (KONA_NODE_L2_ENGINE_AUTH), or write a new secret with 'basalt jwt new --out FILE' and give the same file to the engine"),
        node(with(ENDPOINTS, "--l2-engine-jwt-secret", missing.toString(), "--datadir", dir.resolve("d").toString())));
    assertEquals(new Run(1, "basalt node: JWT secret has 2 bytes; the Engine API needs exactly 32 (64 hex digits); check"
        + " --l2-engine-jwt-encoded (KONA_NODE_L2_ENGINE_AUTH_ENCODED): 64 hex digits"),
        node(with(ENDPOINTS, "--l2-engine-jwt-encoded", "0x0102")));
    assertFalse(Files.exists(dir.resolve("d")), "no data directory for a node that did not start");
  }
}
