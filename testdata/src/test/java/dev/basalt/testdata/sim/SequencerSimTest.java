package dev.basalt.testdata.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.basalt.core.SequencerConfig;
import dev.basalt.core.engine.L2BlockSelector;
import dev.basalt.core.types.Hash32;
import dev.basalt.testdata.world.SimWorld;
import dev.basalt.testdata.world.SimWorldConfig;
import dev.basalt.testdata.world.rollup.FeedRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The core as the sequencer of a simulated world: its blocks are posted by the embedded batcher and come back safe. */
class SequencerSimTest {
  private static final long GENESIS = SimWorldConfig.defaults(0).genesisTime();

  private static SimWorldConfig forks(long seed) {
    return SimWorldConfig.defaults(seed).withForks(SimWorldConfig.successive(GENESIS + 120, 120));
  }

  @Test
  void sequencedBlocksAcrossEveryForkBecomeSafeWithTheSameHashes() {
    SequencerSim sim = SequencerSim.start(forks(3), SequencerConfig.DEFAULTS);
    sim.advanceTo(GENESIS + 30 * 60);
    assertTrue(sim.status().unsafeL2().number() >= 880, "one block per 2 s slot: " + sim.status());
    assertTrue(sim.advanceUntilSafe(800, 600), "safe head: " + sim.status());
    assertEquals(Optional.empty(), sim.check());
    assertTrue(sim.status().finalizedL2().number() > 0, "finalized moved: " + sim.status());
    var l1 = sim.world().l1().chain();
    long blobTxs = 0;
    long calldataTxs = 0;
    for (long n = 1; n <= l1.head().number(); n++) {
      for (var tx : l1.byNumber(n).orElseThrow().transactions()) {
        if (sim.world().rollupConfig().batchInboxAddress().equals(tx.to())) {
          if (tx.blobs().isEmpty()) {
            calldataTxs++;
          } else {
            blobTxs++;
          }
        }
      }
    }
    assertTrue(blobTxs > 10 && calldataTxs > 10, "the batcher posted both blobs and calldata: " + blobTxs + ", " + calldataTxs);
  }

  @Test
  void aWorldRestartedFromItsFeedRecordsRebuildsTheSameL1AndEngine() {
    List<FeedRecord> records = new ArrayList<>();
    SimWorldConfig config = forks(4).withNodeSequencing();
    SimWorld first = SimWorld.create(config, List.of(), records::add);
    dev.basalt.testdata.sim.SimNode node = SimNode.start(first, first.sequencerConfig(SequencerConfig.DEFAULTS));
    for (long t = GENESIS + 1; t <= GENESIS + 600; t++) {
      node.tick(t, true);
      node.runTo(t * 1000 + 999);
    }
    assertTrue(records.stream().anyMatch(r -> r instanceof FeedRecord.Appended), "the feed took blocks");
    SimWorld second = SimWorld.create(config, List.copyOf(records), r -> {
      throw new AssertionError("nothing new to record: " + r);
    });
    second.advanceTo(GENESIS + 600);
    assertEquals(first.l1().chain().head().hash(), second.l1().chain().head().hash(), "the same L1, batches included");
    Hash32 taken = first.trueChain().head().ref().hash();
    assertEquals(taken, second.trueChain().head().ref().hash());
    assertTrue(second.nodeEngine().block(new L2BlockSelector.ByHash(taken)).isPresent(), "the engine kept the taken chain");
    assertEquals(taken, second.nodeEngine().heads().unsafe().hash());
  }
}
