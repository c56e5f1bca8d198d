package dev.basalt.core.engine.control;

import dev.basalt.core.codec.BinaryWriter;
import dev.basalt.core.engine.EngineResponse;
import dev.basalt.core.engine.ExecutionPayloadEnvelope;
import dev.basalt.core.engine.L2BlockSelector;
import dev.basalt.core.event.EngineResponseReceived;
import dev.basalt.core.event.InputEvent;
import dev.basalt.core.flow.Signal;
import dev.basalt.core.state.StateVisitor;
import java.util.Optional;

/**
 * Decides at start whether execution-layer sync is needed (op-node's first unsafe insertion in
 * {@code syncStatusWillStartEL}): an engine whose finalized block is missing or the L2 genesis has
 * no usable safe head and syncs itself; one with a later finalized block is derived from directly.
 */
final class ElSyncProbeTask implements EngineTask {
  @Override
  public Step start(TaskContext ctx) {
    return ctx.fetchL2(new L2BlockSelector.ByLabel(L2BlockSelector.Label.FINALIZED));
  }

  @Override
  public Step onAnswer(TaskContext ctx, InputEvent answer) {
    if (!(answer instanceof EngineResponseReceived r && r.response() instanceof EngineResponse.L2Block read)) {
      return new Step.Temporary("could not read the engine's finalized block: " + Verdict.describe(answer));
    }
    Optional<ExecutionPayloadEnvelope> finalized = read.block();
    if (finalized.isEmpty() || finalized.get().payload().blockHash().equals(ctx.rollup().genesis().l2().hash())) {
      ctx.elSync().startSyncing(ctx.out());
      if (ctx.elSync().target() != null) {
        // A block was posted while the engine was asked: it is the first sync target.
        ctx.runNext(new InsertUnsafeTask(ctx.elSync().target(), ctx.elSync().targetInfo(), InsertUnsafeTask.Mode.EL_SYNC));
      }
      return Step.DONE;
    }
    ctx.elSync().reset();
    ctx.signal(new Signal.ResetRequested("the engine has finalized blocks, no execution-layer sync needed"));
    return Step.DONE;
  }

  @Override
  public Step retry(TaskContext ctx) {
    return start(ctx);
  }

  @Override
  public void writeTo(BinaryWriter w) {}

  @Override
  public void describeTo(StateVisitor v) {
    v.value("task", "elSyncProbe");
  }
}
