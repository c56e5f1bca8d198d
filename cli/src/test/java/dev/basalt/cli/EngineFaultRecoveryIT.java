package dev.basalt.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.basalt.core.engine.EngineResponse;
import dev.basalt.core.engine.ExecutionStatus;
import dev.basalt.core.engine.L2BlockSelector;
import dev.basalt.core.event.EngineResponseReceived;
import dev.basalt.core.types.L2BlockRef;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The validator over HTTP against an execution engine that misbehaves the ways real ones do. */
@Tag("slow")
class EngineFaultRecoveryIT {
  @TempDir Path dir;

  @Test
  // Checks that an engine answering SYNCING to every forkchoice update and new payload (without acting on them)
  // for 10 s of wall time while the chain moves on, and VALID afterwards, delays the node but does not derail
  // it: SYNCING answers were really served, and the node converges on the world's true chain (safe head and
  // engine canonical chain) and its journal replays identically
  void anEngineSyncingForAWhileThenValid() throws Exception {
    try (WorldOverHttp w = WorldOverHttp.start(WorldOverHttp.allForks(21), dir, 0)) {
      w.startNode();
      w.advance(60);
      L2BlockRef before = w.awaitConverged(60);
      synchronized (w.world) {
        w.world.nodeEngine().syncingFor(Integer.MAX_VALUE);
      }
      long end = System.nanoTime() + 10_000_000_000L;
      while (System.nanoTime() < end) {
        w.advance(2);
        Thread.sleep(300);
      }
      synchronized (w.world) {
        w.world.nodeEngine().syncingFor(0);
      }
      L2BlockRef after = w.awaitConverged(90);
      assertTrue(after.number() > before.number(), "derivation went on: " + before + " -> " + after);
      w.stopAndReplay();
      assertTrue(syncingAnswers(dir) > 0, "the engine answered SYNCING");
    }
  }

  private static long syncingAnswers(Path dir) {
    return NodeProcess.inputs(dir).stream().filter(r -> r.event() instanceof EngineResponseReceived e
        && e.response() instanceof EngineResponse.ForkchoiceUpdated f && f.status().status() == ExecutionStatus.SYNCING).count();
  }

  @Test
  // Checks that an engine restart that loses every block above its last persisted one (the node's unsafe and
  // safe heads vanish from it) is recovered from: the node re-derives the lost blocks and converges on the
  // world's true chain, and the journal replays identically
  void anEngineRestartThatLosesItsUnpersistedBlocks() throws Exception {
    try (WorldOverHttp w = WorldOverHttp.start(WorldOverHttp.allForks(23), dir, 0)) {
      w.startNode();
      w.advance(40);
      L2BlockRef persisted = w.awaitConverged(60);
      synchronized (w.world) {
        w.world.nodeEngine().persist();
      }
      w.advance(60);
      L2BlockRef before = w.awaitConverged(60);
      assertTrue(before.number() > persisted.number() + 5, "blocks above the persisted one: " + persisted + " -> " + before);
      synchronized (w.world) {
        w.world.nodeEngine().restart();
        assertTrue(w.world.nodeEngine().block(new L2BlockSelector.ByNumber(before.number())).isEmpty(),
            "the restart lost the node's safe head");
      }
      w.advance(30);
      L2BlockRef after = w.awaitConverged(90);
      assertTrue(after.number() > before.number(), "derivation went on: " + before + " -> " + after);
      w.stopAndReplay();
    }
  }
}
