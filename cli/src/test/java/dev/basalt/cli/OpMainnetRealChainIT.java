package dev.basalt.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.basalt.adapters.beacon.BeaconOptions;
import dev.basalt.adapters.config.EmbeddedL1Configs;
import dev.basalt.adapters.engine.JwtSecret;
import dev.basalt.adapters.node.NodeRuntime;
import dev.basalt.cli.devnet.EngineHttpServer;
import dev.basalt.core.CoreConfig;
import dev.basalt.core.NodeMode;
import dev.basalt.core.command.SendForkchoiceUpdate;
import dev.basalt.core.config.RollupConfig;
import dev.basalt.core.crypto.Keccak;
import dev.basalt.core.engine.ExecutionPayloadEnvelope;
import dev.basalt.core.engine.L2BlockSelector;
import dev.basalt.core.engine.PayloadAttributes;
import dev.basalt.core.event.L1BlockFetched;
import dev.basalt.core.types.Hash32;
import dev.basalt.journal.InputRecord;
import dev.basalt.journal.Journal;
import dev.basalt.journal.JournalCursor;
import dev.basalt.journal.JournalOptions;
import dev.basalt.journal.Journals;
import dev.basalt.journal.OutputRecord;
import dev.basalt.testdata.world.engine.EngineResponder;
import dev.basalt.testdata.world.engine.FakeEngine;
import dev.basalt.testdata.world.engine.Oracle;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The validator over its real adapters, end to end on a stretch of the real OP Mainnet chain
 * (MANIFEST j): 14 real L1 blocks over JSON-RPC from a fixed-chain L1, started from the real safe
 * head 109279674 held by a fake engine in oracle mode, which checks every build request against the
 * real block at that height and answers with the real block.
 */
class OpMainnetRealChainIT {
  private static final JwtSecret SECRET = JwtSecret.generate();
  /** Ethereum mainnet's beacon genesis. */
  private static final long BEACON_GENESIS = 1_606_824_023L;

  @TempDir Path dir;

  @Test
  // Checks that the 15 real L2 blocks are derived exactly (timestamp, prevRandao, fee recipient, gas limit,
  // ordered transaction hashes and transactions root, checked by the oracle engine; no mismatch), the safe
  // head reaches the 15th real block hash, the stale channel of L1 block 18090208 (all its batches older than
  // the safe head) was fetched and dropped (no build request at or before the safe head's time, none twice
  // for one height), and the journal replays identically
  void derivesTheFifteenRealBlocksFromTheRealL1Blocks() throws Exception {
    RollupConfig rollup = OpMainnetVectors.anchoredAtSafeHead();
    CoreConfig config = new CoreConfig(rollup,
        EmbeddedL1Configs.forChainId(EmbeddedL1Configs.ETHEREUM_MAINNET).orElseThrow(), NodeMode.VALIDATOR);
    FakeEngine engine = new FakeEngine(rollup, OpMainnetVectors.l2Block(OpMainnetVectors.SAFE_HEAD));
    List<ExecutionPayloadEnvelope> real = OpMainnetVectors.derivedBlocks();
    Oracle oracle = engine.useOracle(real);
    ExecutionPayloadEnvelope last = real.get(real.size() - 1);
    HttpNodeHarness.Halt halt = new HttpNodeHarness.Halt();
    try (FixedL1Server l1 = new FixedL1Server(1, OpMainnetVectors.l1Blocks(), OpMainnetVectors.receipts(), BEACON_GENESIS).start();
        EngineHttpServer http = EngineHttpServer.start(new EngineResponder(engine), rollup.l2ChainId(), engine, SECRET, 0)) {
      NodeRuntime node = HttpNodeHarness.start(dir, config, l1.url(), BeaconOptions.of(l1.url()), http.url(), SECRET, halt);
      try {
        HttpNodeHarness.await(() -> node.status().current().safeL2().number() >= last.payload().blockNumber(), 60,
            "safe head at " + last.payload().blockNumber(), () -> node.status().current().toString(), halt);
        Thread.sleep(200); // let the blocks derived after the vectors' last one settle before closing
      } finally {
        node.close();
      }
    }
    assertEquals(List.of(), oracle.mismatches(), "every build request equals the real block");
    assertTrue(oracle.checks() >= real.size(), "the oracle checked every real height: " + oracle.checks());
    for (ExecutionPayloadEnvelope b : real) {
      assertEquals(Optional.of(b), engine.block(new L2BlockSelector.ByNumber(b.payload().blockNumber())),
          "the engine's canonical block " + b.payload().blockNumber() + " is the real one");
    }

    List<Long> buildTimes = new ArrayList<>();
    boolean staleChannelFetched = false;
    try (Journal journal = Journals.openExisting(dir, JournalOptions.defaults())) {
      try (JournalCursor<OutputRecord> outputs = journal.readOutputs(0)) {
        for (OutputRecord r = outputs.next(); r != null; r = outputs.next()) {
          r.commands().stream().filter(c -> c instanceof SendForkchoiceUpdate f && f.attributes().isPresent())
              .map(c -> ((SendForkchoiceUpdate) c).attributes().map(PayloadAttributes::timestamp).orElseThrow())
              .forEach(buildTimes::add);
        }
      }
      try (JournalCursor<InputRecord> inputs = journal.readInputs(0)) {
        for (InputRecord r = inputs.next(); r != null; r = inputs.next()) {
          if (r.event() instanceof L1BlockFetched f && f.block().ref().number() == OpMainnetVectors.STALE_CHANNEL_L1) {
            staleChannelFetched |= f.block().inboxTransactions().stream()
                .anyMatch(t -> Keccak.hash(t.envelope()).equals(Hash32.fromHex(OpMainnetVectors.STALE_CHANNEL_TX)));
          }
        }
      }
    }
    assertTrue(staleChannelFetched, "the node fetched L1 block 18090208 with the stale channel's batcher transaction");
    long safeTime = rollup.genesis().l2Time();
    assertEquals(safeTime + 2, buildTimes.get(0), "the first build is the block after the safe head, not a stale batch");
    for (int i = 1; i < buildTimes.size(); i++) {
      assertEquals(buildTimes.get(i - 1) + 2, buildTimes.get(i), "builds follow each other block by block: " + buildTimes);
    }
    HttpNodeHarness.replayIdentical(dir);
  }
}
