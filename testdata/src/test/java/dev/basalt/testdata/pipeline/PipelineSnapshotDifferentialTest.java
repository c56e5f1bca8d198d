package dev.basalt.testdata.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.basalt.core.codec.BinaryReader;
import dev.basalt.core.codec.BinaryWriter;
import dev.basalt.core.derive.AttributesWithParent;
import dev.basalt.core.derive.pipeline.DerivationPipeline;
import dev.basalt.core.derive.pipeline.DropListener;
import dev.basalt.core.derive.pipeline.StepResult;
import dev.basalt.core.state.StateDigest;
import dev.basalt.core.types.Bytes;
import dev.basalt.core.types.Hash32;
import dev.basalt.testdata.gen.SimRng;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * At random points of a long derivation, snapshot the pipeline and restore it into a fresh one: the
 * restored pipeline must hash the same, write the same snapshot, and continue with the same results
 * and state hashes as the original to the end of the chain.
 */
class PipelineSnapshotDifferentialTest {
  private static final int BUDGET = 2;

  /** What the original looked like just before a given step. */
  record Checkpoint(int step, Bytes snapshot, int applied, int results, Hash32 stateHash) {}

  @Test
  void restoredPipelinesContinueIdentically() {
    SimChain chain = new SimChain(SimScenario.allForks(21));
    SimRng rng = new SimRng(0xd1ff);
    TreeSet<Integer> points = new TreeSet<>();
    for (int i = 0; i < 24; i++) {
      points.add(rng.nextInt(9_000));
    }
    // A budget of two pulls per step stops the pipeline in all kinds of intermediate states.
    SimEngine originalEngine = new SimEngine(chain.config, chain.l1, chain.genesis);
    PipelineDriver original = new PipelineDriver(chain, originalEngine, new DerivationPipeline(chain.config,
        new SimEngine.Preparer(), originalEngine, DropListener.NONE, BUDGET)).start();
    List<Checkpoint> checkpoints = new ArrayList<>();
    List<Hash32> hashesAtDerived = new ArrayList<>();
    int step = 0;
    do {
      if (points.contains(step)) {
        BinaryWriter w = new BinaryWriter();
        original.pipeline.writeTo(w);
        checkpoints.add(new Checkpoint(step, Bytes.wrapOwned(w.toByteArray()), original.engine.applied.size(), original.results.size(),
            StateDigest.of(original.pipeline)));
      }
      step++;
      int before = original.results.size();
      boolean more = original.step();
      if (original.results.size() > before && original.results.get(before) instanceof StepResult.Derived) {
        hashesAtDerived.add(StateDigest.of(original.pipeline));
      }
      if (!more) {
        break;
      }
    } while (true);
    original.assertRecoveredExactly();
    assertEquals(points.headSet(step).size(), checkpoints.size(), "every checkpoint before the end was taken");
    assertTrue(checkpoints.size() >= 8, checkpoints.size() + " checkpoints in " + step + " steps");
    Hash32 finalHash = StateDigest.of(original.pipeline);
    for (Checkpoint c : checkpoints) {
      replay(chain, original, c, hashesAtDerived, finalHash);
    }
  }

  private static void replay(SimChain chain, PipelineDriver original, Checkpoint c, List<Hash32> hashesAtDerived, Hash32 finalHash) {
    SimEngine engine = new SimEngine(chain.config, chain.l1, chain.genesis);
    for (AttributesWithParent a : original.engine.applied.subList(0, c.applied())) {
      engine.build(a);
    }
    DerivationPipeline restored = DerivationPipeline.restore(new BinaryReader(c.snapshot().toArray()), chain.config, new SimEngine.Preparer(),
        engine, DropListener.NONE, BUDGET);
    assertEquals(c.stateHash(), StateDigest.of(restored), "state hash right after restore, checkpoint at step " + c.step());
    BinaryWriter again = new BinaryWriter();
    restored.writeTo(again);
    assertArrayEquals(c.snapshot().toArray(), again.toByteArray(), "a restored pipeline writes the snapshot it was read from");
    PipelineDriver twin = new PipelineDriver(chain, engine, restored);
    int derivedBefore = (int) original.results.subList(0, c.results()).stream().filter(r -> r instanceof StepResult.Derived).count();
    int derived = derivedBefore;
    while (true) {
      int before = twin.results.size();
      boolean more = twin.step();
      if (twin.results.size() > before) {
        StepResult r = twin.results.get(before);
        assertEquals(original.results.get(c.results() + before), r, "result " + (c.results() + before) + " after checkpoint " + c.step());
        if (r instanceof StepResult.Derived) {
          assertEquals(hashesAtDerived.get(derived++), StateDigest.of(restored), "state hash after derived block " + derived);
        }
      }
      if (!more) {
        break;
      }
    }
    assertEquals(original.results.size() - c.results(), twin.results.size());
    assertEquals(finalHash, StateDigest.of(restored));
  }
}
