package dev.basalt.adapters.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.basalt.core.config.L1ChainConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChainConfigLoaderTest {
  private final ChainConfigLoader loader = new ChainConfigLoader(ChainRegistry.embedded());

  @TempDir
  Path dir;

  private Path write(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, text);
    return p;
  }

  private String error(ChainSelection s) {
    return assertThrows(ConfigException.class, () -> loader.resolve(s)).getMessage();
  }

  @Test
  void chainSelectorsUseTheEmbeddedRegistryAndL1Configs() {
    NodeChainConfig op = loader.resolve(ChainSelection.chain("10"));
    assertEquals(10, op.rollup().l2ChainId());
    assertEquals(1, op.l1().chainId());
    assertEquals("registry mainnet/op", op.source());
    assertEquals(List.of(), op.warnings());
    assertEquals(op, loader.resolve(ChainSelection.chain("op-mainnet")));
    assertEquals(op, loader.resolve(ChainSelection.chain("optimism")));
    assertEquals(op, ChainConfigLoader.load(ChainSelection.chain("mainnet")));

    NodeChainConfig base = loader.resolve(ChainSelection.chain("base"));
    assertEquals(8453, base.rollup().l2ChainId());
    NodeChainConfig opSepolia = loader.resolve(ChainSelection.chain("op-sepolia"));
    assertEquals(11155111, opSepolia.l1().chainId());
    // The Pectra fix makes OP Sepolia's L1 info use Cancun's fraction right after Sepolia's Prague.
    assertEquals(3338477, opSepolia.rollup().l1InfoBlobBaseFeeUpdateFraction(opSepolia.l1(), 1741159776));
    assertEquals(5007716, opSepolia.rollup().l1InfoBlobBaseFeeUpdateFraction(opSepolia.l1(), 1742486400));
  }

  @Test
  void unsupportedChainsAreRefusedClearly() {
    assertEquals("registry mainnet/celo: chain 42220 uses features Basalt does not support: "
        + "Alt-DA (batch data held off L1 behind a challenge contract), custom gas-paying token", error(ChainSelection.chain("celo")));
    assertTrue(error(ChainSelection.chain("redstone")).contains("Alt-DA"));
  }

  @Test
  void rollupFilesWithOptionalL1File() throws IOException {
    Path rollup = write("rollup.json", Vectors.read("base-org-node-sepolia-rollup.json"));
    NodeChainConfig c = loader.resolve(ChainSelection.file(rollup));
    assertEquals(84532, c.rollup().l2ChainId());
    assertEquals(EmbeddedL1Configs.forChainId(11155111).orElseThrow(), c.l1());
    assertEquals(rollup.toString(), c.source());
    assertTrue(c.warnings().get(0).contains("no chain_op_config"), c.warnings().toString());

    Path l1 = write("l1.json", "{\"config\": {\"chainId\": 11155111, \"cancunTime\": 0, \"pragueTime\": 0,"
        + " \"blobSchedule\": {\"cancun\": {\"target\": 3, \"max\": 6, \"baseFeeUpdateFraction\": 3338477},"
        + " \"prague\": {\"target\": 6, \"max\": 9, \"baseFeeUpdateFraction\": 5007716}}}}");
    L1ChainConfig custom = loader.resolve(ChainSelection.file(rollup).withL1ConfigFile(l1)).l1();
    assertEquals(5007716, custom.blobBaseFeeUpdateFraction(0));

    assertEquals(84532, loader.resolve(new ChainSelection(Optional.of("base-sepolia"), Optional.of(rollup), Optional.empty())).rollup().l2ChainId());
    assertTrue(error(new ChainSelection(Optional.of("10"), Optional.of(rollup), Optional.empty()))
        .contains("is the config of L2 chain 84532, but --chain says 10"));
  }

  @Test
  void l1ConfigMustMatchTheRollup() throws IOException {
    Path rollup = write("rollup.json", Vectors.read("base-org-node-mainnet-rollup.json"));
    Path sepoliaL1 = write("sepolia.json", Resources.read("l1/sepolia.json"));
    assertTrue(error(ChainSelection.file(rollup).withL1ConfigFile(sepoliaL1))
        .contains("is the config of L1 chain 11155111, but the rollup settles on L1 chain 1"));
    Path otherL1 = write("rollup-holesky.json", Vectors.read("base-org-node-mainnet-rollup.json").replace("\"l1_chain_id\": 1,", "\"l1_chain_id\": 17000,"));
    assertTrue(error(ChainSelection.file(otherL1)).contains("no built-in config for L1 chain 17000; pass one with --rollup-l1-cfg"));
  }

  @Test
  void konaRegistryFilesNeedAChainSelector() throws IOException {
    Path configs = write("configs.json", Vectors.read("kona-configs.json"));
    assertTrue(error(ChainSelection.file(configs)).contains("holds 65 chains; select one with --chain"));
    NodeChainConfig base = loader.resolve(new ChainSelection(Optional.of("base"), Optional.of(configs), Optional.empty()));
    assertEquals(8453, base.rollup().l2ChainId());
    NodeChainConfig swell = loader.resolve(new ChainSelection(Optional.of("1923"), Optional.of(configs), Optional.empty()));
    assertEquals(1923, swell.rollup().l2ChainId(), "Swellchain: only in kona's snapshot");
    assertTrue(error(new ChainSelection(Optional.of("nope"), Optional.of(configs), Optional.empty())).contains("has no chain \"nope\""));
  }

  @Test
  void missingOrUnreadableInputs() {
    assertTrue(error(new ChainSelection(Optional.empty(), Optional.empty(), Optional.empty())).contains("no chain selected"));
    assertTrue(error(ChainSelection.file(dir.resolve("absent.json"))).startsWith("cannot read " + dir.resolve("absent.json")));
  }

  @Test
  void warnsWhenASepoliaChainProbablyLacksThePectraFix() {
    NodeChainConfig shape = loader.resolve(ChainSelection.chain("shape-sepolia"));
    assertEquals(1, shape.warnings().size());
    assertTrue(shape.warnings().get(0).contains("no pectra_blob_schedule_time"), shape.warnings().toString());
    assertEquals(List.of(), loader.resolve(ChainSelection.chain("radius_testnet-sepolia")).warnings(), "genesis after L1 Prague");
    assertEquals(List.of(), loader.resolve(ChainSelection.chain("op-sepolia")).warnings(), "has the fix");
  }
}
