package dev.basalt.testdata.pipeline;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.basalt.core.derive.L2BlockInfo;
import dev.basalt.core.derive.pipeline.StepResult;
import dev.basalt.core.l1.L1Block;
import dev.basalt.core.types.Hash32;
import dev.basalt.core.types.L1BlockRef;
import dev.basalt.testdata.gen.SimRng;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Resets in the middle of derivation: an L1 reorg (a block whose parent is not the origin) is a
 * {@link StepResult.Reset}; after a reset with the current safe head, derivation walks back a
 * channel timeout, re-reads L1 and continues to exactly the same chain. Resets at random points,
 * before and after Holocene and inside span batches, must not change a single block.
 */
class PipelineResetTest {
  @Test
  void anL1ReorgDuringDerivationResetsAndDerivationResumesOnTheCanonicalChain() {
    SimChain chain = new SimChain(SimScenario.allForks(41));
    PipelineDriver d = new PipelineDriver(chain).start();
    while (d.derived.size() < chain.blocks.size() / 2) {
      d.step();
    }
    StepResult r;
    while (!((r = d.pipeline.step()) instanceof StepResult.Idle)) {
      if (r instanceof StepResult.Derived derived) {
        d.pipeline.confirmSafeHead(d.engine.build(derived.attributes()));
        d.derived.add(d.engine.head());
      } else if (r instanceof StepResult.NeedBlobs n) {
        d.pipeline.addBlobs(n.block(), chain.l1.blobs(n.block(), n.hashes()));
      } else if (r instanceof StepResult.NeedL1Block n) {
        d.pipeline.addL1Block(chain.l1.block(n.number()));
      }
    }
    L1BlockRef origin = ((StepResult.Idle) r).origin();
    L1Block canonical = chain.l1.block(origin.number() + 1);
    L1BlockRef forked = new L1BlockRef(Hash32.wrap(new SimRng(5).bytes(32)), origin.number() + 1,
        Hash32.wrap(new SimRng(6).bytes(32)), canonical.ref().timestamp());
    d.pipeline.addL1Block(new L1Block(forked, canonical.baseFeePerGas(), canonical.mixHash(), canonical.excessBlobGas(),
        canonical.parentBeaconBlockRoot(), List.of(), List.of()));
    StepResult.Reset reset = assertInstanceOf(StepResult.Reset.class, d.pipeline.step());
    assertTrue(reset.reason().contains("reorg"), reset.reason());
    assertInstanceOf(StepResult.Reset.class, d.pipeline.step(), "the reset stands until the pipeline is reset");
    // The L1 chain went back to the original branch; the engine keeps its safe head.
    d.pipeline.addL1Block(canonical);
    d.pipeline.reset(d.engine.head());
    d.runToEnd();
    d.assertRecoveredExactly();
  }

  @Test
  void resetsAtRandomPointsDoNotChangeTheDerivedChain() {
    for (long seed : new long[] {51, 52}) {
      SimChain chain = new SimChain(SimScenario.allForks(seed));
      SimRng rng = new SimRng(seed * 7);
      PipelineDriver d = new PipelineDriver(chain).start();
      int resets = 0;
      while (d.step()) {
        StepResult last = d.results.isEmpty() ? null : d.results.get(d.results.size() - 1);
        if (last instanceof StepResult.Derived && rng.chance(1, 60)) {
          L2BlockInfo safe = d.engine.head();
          d.pipeline.reset(safe);
          d.results.add(new StepResult.Progress());
          resets++;
        }
      }
      assertTrue(resets >= 10, "seed " + seed + ": " + resets + " resets");
      d.assertRecoveredExactly();
    }
  }
}
