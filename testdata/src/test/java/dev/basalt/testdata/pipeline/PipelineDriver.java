package dev.basalt.testdata.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.basalt.core.derive.L2BlockInfo;
import dev.basalt.core.derive.pipeline.DerivationPipeline;
import dev.basalt.core.derive.pipeline.DropListener;
import dev.basalt.core.derive.pipeline.DropReason;
import dev.basalt.core.derive.pipeline.StepResult;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Plays the core and the engine around a pipeline: answers every request from the simulated L1,
 * builds every derived block with the simulated engine and confirms it as the new safe head, and
 * records what happened. The L1 head is the last block of the simulated chain.
 */
final class PipelineDriver {
  final SimChain chain;
  final SimEngine engine;
  final DerivationPipeline pipeline;
  final TreeMap<DropReason, Integer> drops = new TreeMap<>();
  /** Every non-progress result, in order: what the core would see. */
  final List<StepResult> results = new ArrayList<>();
  final List<L2BlockInfo> derived = new ArrayList<>();
  int maxCachedL1Blocks;
  int holoceneSwitches;

  PipelineDriver(SimChain chain) {
    this(chain, new SimEngine(chain.config, chain.l1, chain.genesis));
  }

  PipelineDriver(SimChain chain, SimEngine engine) {
    this.chain = chain;
    this.engine = engine;
    DropListener listener = (reason, detail) -> drops.merge(reason, 1, Integer::sum);
    this.pipeline = new DerivationPipeline(chain.config, new SimEngine.Preparer(), engine, listener);
  }

  PipelineDriver(SimChain chain, SimEngine engine, DerivationPipeline restored) {
    this.chain = chain;
    this.engine = engine;
    this.pipeline = restored;
  }

  static DropListener counting(TreeMap<DropReason, Integer> into) {
    return (reason, detail) -> into.merge(reason, 1, Integer::sum);
  }

  /** Answers one step; false once derivation is idle at the end of the L1 chain. */
  boolean step() {
    boolean wasHolocene = pipeline.holoceneStages();
    StepResult r = pipeline.step();
    maxCachedL1Blocks = Math.max(maxCachedL1Blocks, pipeline.cachedL1Blocks());
    if (!wasHolocene && pipeline.holoceneStages()) {
      holoceneSwitches++;
    }
    if (!(r instanceof StepResult.Progress)) {
      results.add(r);
    }
    switch (r) {
      case StepResult.Progress p -> {}
      case StepResult.NeedL1Block n -> pipeline.addL1Block(chain.l1.block(n.number()));
      case StepResult.Idle i -> {
        if (i.origin().number() + 1 >= chain.l1.size()) {
          return false;
        }
        pipeline.addL1Block(chain.l1.block(i.origin().number() + 1));
      }
      case StepResult.NeedBlobs n -> assertTrue(pipeline.addBlobs(n.block(), chain.l1.blobs(n.block(), n.hashes())));
      case StepResult.Derived d -> {
        L2BlockInfo built = engine.build(d.attributes());
        derived.add(built);
        pipeline.confirmSafeHead(built);
      }
      case StepResult.NeedL2Block n -> throw new AssertionError("the engine holds every block, asked for " + n.number());
      case StepResult.WaitingForSafeHead w -> throw new AssertionError("the driver confirms every block");
      case StepResult.Reset reset -> throw new AssertionError("unexpected reset: " + reset.reason());
      case StepResult.Critical c -> throw new AssertionError("critical: " + c.reason());
    }
    return true;
  }

  PipelineDriver start() {
    pipeline.reset(chain.genesis);
    return this;
  }

  PipelineDriver runToEnd() {
    int guard = 0;
    while (step()) {
      if (++guard > 5_000_000) {
        throw new AssertionError("derivation did not finish");
      }
    }
    return this;
  }

  /** The derived chain is the generated one, block by block. */
  void assertRecoveredExactly() {
    List<SimChain.SimBlock> expected = chain.blocks;
    for (int i = 0; i < Math.min(expected.size(), derived.size()); i++) {
      SimChain.SimBlock want = expected.get(i);
      L2BlockInfo got = derived.get(i);
      assertEquals(want.info().transactions(), got.transactions(), "transactions of block " + (i + 1) + (want.lost() ? " (lost)" : ""));
      assertEquals(want.info().ref(), got.ref(), "block " + (i + 1));
    }
    assertEquals(expected.size(), derived.size(), "number of derived blocks");
  }
}
