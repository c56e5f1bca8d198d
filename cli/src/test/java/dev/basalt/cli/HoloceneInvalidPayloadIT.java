package dev.basalt.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.basalt.core.deposit.DepositTransaction;
import dev.basalt.core.engine.EngineResponse;
import dev.basalt.core.engine.ExecutionPayloadEnvelope;
import dev.basalt.core.engine.ExecutionStatus;
import dev.basalt.core.engine.L2BlockSelector;
import dev.basalt.core.event.EngineResponseReceived;
import dev.basalt.core.types.Bytes;
import dev.basalt.core.types.L2BlockRef;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Holocene's steady block derivation: a derived payload the engine rejects as INVALID is replaced
 * by a deposits-only block with the same attributes, and derivation goes on from it. The world
 * posts one batch with a transaction its true block does not have; the node's engine rejects
 * every payload holding it.
 */
@Tag("slow")
class HoloceneInvalidPayloadIT {
  @TempDir Path dir;

  @Test
  // Checks that the engine answered INVALID to the payload with the extra transaction, the node then inserted
  // the deposits-only block at that height (the true block, no user transaction), kept deriving, and converged
  // on the world's true chain (safe head, engine canonical chain) with a journal that replays identically
  void anInvalidPayloadIsReplacedByItsDepositsOnlyBlock() throws Exception {
    try (WorldOverHttp w = WorldOverHttp.start(WorldOverHttp.allForks(41), dir, 0)) {
      w.startNode();
      w.advance(30);
      L2BlockRef before = w.awaitConverged(60);
      long poisoned;
      synchronized (w.world) {
        poisoned = w.world.trueChain().head().number() + 5;
        Bytes tx = w.world.batchUnexecutableTransaction(poisoned);
        w.world.nodeEngine().invalidWhen(p -> p.transactions().contains(tx));
      }
      w.advance(60);
      L2BlockRef after = w.awaitConverged(60);
      assertTrue(after.number() > poisoned + 5, "derivation went past the replaced block: " + before + " -> " + after);
      synchronized (w.world) {
        ExecutionPayloadEnvelope held = w.world.nodeEngine().block(new L2BlockSelector.ByNumber(poisoned)).orElseThrow();
        assertTrue(held.payload().transactions().stream().allMatch(t -> (t.get(0) & 0xff) == DepositTransaction.TYPE),
            "block " + poisoned + " is deposits-only");
        assertEquals(w.world.trueChain().block(poisoned).orElseThrow().envelope(), held);
      }
      w.stopAndReplay();
      long invalid = NodeProcess.inputs(dir).stream().filter(r -> r.event() instanceof EngineResponseReceived e
          && e.response() instanceof EngineResponse.NewPayloadResult n && n.status().status() == ExecutionStatus.INVALID).count();
      assertEquals(1, invalid, "the engine rejected the payload with the extra transaction once");
    }
  }
}
