package dev.basalt.testdata.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.basalt.core.derive.pipeline.DerivationPipeline;
import dev.basalt.core.derive.pipeline.DropReason;
import dev.basalt.testdata.pipeline.SimPlan.Fault;
import java.util.EnumSet;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Derivation of generated chains must recover exactly the blocks the sequencer built: every batch
 * that went in, the empty blocks the sequencing window forced, and nothing from the faults. The
 * chains cross every fork from Canyon to Karst (calldata, then blobs from Ecotone, brotli from
 * Fjord, the Granite timeout, the Holocene switch, SetCode from Isthmus, empty Jovian and Karst
 * activation blocks), with a batcher rotation, gaps longer than the sequencing window, channels
 * spread over several L1 blocks, and the faults of {@link Fault}.
 */
class GeneratedChainDerivationTest {
  private final TreeMap<DropReason, Integer> drops = new TreeMap<>();
  private final EnumSet<Fault> faults = EnumSet.noneOf(Fault.class);

  private PipelineDriver derive(SimScenario scenario) {
    SimChain chain = new SimChain(scenario);
    chain.postings.forEach(p -> faults.add(p.fault()));
    PipelineDriver d = new PipelineDriver(chain).start().runToEnd();
    d.assertRecoveredExactly();
    d.drops.forEach((reason, n) -> drops.merge(reason, n, Integer::sum));
    assertTrue(d.maxCachedL1Blocks <= scenario.seqWindow() + Math.max(scenario.channelTimeoutBedrock(), 50) + 64,
        "the L1 block cache stays within its bound: " + d.maxCachedL1Blocks);
    return d;
  }

  @Test
  void chainsAcrossEveryForkRecoverExactly() {
    for (long seed = 1; seed <= 4; seed++) {
      PipelineDriver d = derive(SimScenario.allForks(seed));
      assertEquals(1, d.holoceneSwitches, "seed " + seed + ": the stages switch to Holocene once");
      assertTrue(d.chain.blocks.stream().anyMatch(SimChain.SimBlock::lost), "seed " + seed + ": gaps forced empty blocks");
      assertTrue(d.pipeline.holoceneStages());
    }
    // The faults and the drops they cause, over all seeds: the test is only as good as these.
    assertEquals(EnumSet.allOf(Fault.class), faults, "every fault was injected");
    for (DropReason r : new DropReason[] {DropReason.TX_UNAUTHORIZED_SENDER, DropReason.BLOB_UNDECODABLE,
        DropReason.FRAMES_UNPARSEABLE, DropReason.CHANNEL_UNREADABLE, DropReason.CHANNEL_TIMED_OUT, DropReason.CHANNEL_FLUSHED,
        DropReason.SPAN_BATCH_BEFORE_DELTA, DropReason.BATCH_INVALID, DropReason.BATCH_PAST}) {
      assertTrue(drops.containsKey(r), "no " + r + " in " + drops);
    }
  }

  @Test
  void chainWithEveryForkFromGenesisRecoversExactly() {
    PipelineDriver d = derive(SimScenario.latestForks(7, 160));
    assertTrue(d.pipeline.holoceneStages(), "Holocene stages from the first reset on");
    assertTrue(d.chain.blocks.stream().anyMatch(SimChain.SimBlock::lost));
  }

  @Test
  void stepBudgetDoesNotChangeWhatIsDerived() {
    SimChain chain = new SimChain(SimScenario.latestForks(8, 70));
    SimEngine engine = new SimEngine(chain.config, chain.l1, chain.genesis);
    DerivationPipeline tiny = new DerivationPipeline(chain.config, new SimEngine.Preparer(), engine, PipelineDriver.counting(drops), 1);
    PipelineDriver d = new PipelineDriver(chain, engine, tiny).start().runToEnd();
    d.assertRecoveredExactly();
  }
}
