package dev.basalt.core.engine.control;

import dev.basalt.core.codec.BinaryReader;
import dev.basalt.core.codec.BinaryWriter;
import dev.basalt.core.codec.ValueCodec;
import dev.basalt.core.derive.L2BlockInfo;
import dev.basalt.core.derive.payload.L2BlockInfoDecoding;
import dev.basalt.core.derive.pipeline.PipelineCodec;
import dev.basalt.core.engine.EngineResponse;
import dev.basalt.core.engine.L2BlockSelector;
import dev.basalt.core.event.EngineResponseReceived;
import dev.basalt.core.event.InputEvent;
import dev.basalt.core.heads.L2Heads;
import dev.basalt.core.heads.Refs;
import dev.basalt.core.state.StateVisitor;
import dev.basalt.core.types.L2BlockRef;

/**
 * Makes a safe block final (op-node {@code promoteFinalized}, kona's finalize task): refused when it
 * is not above the finalized head or not yet safe (the finalizer asks again later), otherwise read
 * from the engine and sent as the finalized hash; the head changes once the engine said {@code
 * VALID}.
 */
final class FinalizeTask implements EngineTask {
  private enum Phase { FETCH, FORKCHOICE }

  private final L2BlockRef target;
  private Phase phase = Phase.FETCH;
  private L2BlockInfo block;

  FinalizeTask(L2BlockRef target) {
    this.target = target;
  }

  @Override
  public Step start(TaskContext ctx) {
    L2Heads heads = ctx.heads();
    if (target.number() <= heads.finalized().ref().number() || target.number() > heads.safe().ref().number()) {
      return Step.DONE;
    }
    phase = Phase.FETCH;
    block = null;
    return ctx.fetchL2(new L2BlockSelector.ByHash(target.hash()));
  }

  @Override
  public Step onAnswer(TaskContext ctx, InputEvent answer) {
    if (phase == Phase.FORKCHOICE) {
      if (Verdict.of(answer) != Verdict.VALID) {
        return Verdict.plainForkchoiceFailure(answer, "finalizing");
      }
      ctx.heads().promoteFinalized(block);
      return Step.DONE;
    }
    if (!(answer instanceof EngineResponseReceived r && r.response() instanceof EngineResponse.L2Block read)) {
      return new Step.Temporary("could not read block " + target.id() + " to finalize: " + Verdict.describe(answer));
    }
    if (read.block().isEmpty()) {
      return new Step.Reset("safe block " + target.id() + " vanished from the engine before it could be finalized");
    }
    L2BlockInfoDecoding decoded = ctx.payloadInfo().decode(ctx.rollup(), read.block().get().payload());
    if (!(decoded instanceof L2BlockInfoDecoding.Decoded d) || !d.info().ref().equals(target)) {
      return new Step.Reset("the engine's block " + target.id() + " is not the safe block the finalizer chose");
    }
    block = d.info();
    if (block.ref().number() > ctx.heads().safe().ref().number()) {
      return Step.DONE;
    }
    phase = Phase.FORKCHOICE;
    return forkchoice(ctx);
  }

  private Step forkchoice(TaskContext ctx) {
    return ctx.forkchoice(ctx.heads().unsafe().ref().hash(), ctx.heads().safe().ref().hash(), block.ref().hash());
  }

  @Override
  public Step retry(TaskContext ctx) {
    return phase == Phase.FORKCHOICE ? forkchoice(ctx) : start(ctx);
  }

  @Override
  public void writeTo(BinaryWriter w) {
    ValueCodec.write(w, target);
    w.u8(phase.ordinal());
    w.bool(block != null);
    if (block != null) {
      PipelineCodec.writeL2BlockInfo(w, block);
    }
  }

  static FinalizeTask readFrom(BinaryReader r) {
    FinalizeTask t = new FinalizeTask(ValueCodec.readL2BlockRef(r));
    t.phase = r.enumValue(Phase.values(), "finalize phase");
    t.block = r.bool() ? PipelineCodec.readL2BlockInfo(r) : null;
    return t;
  }

  @Override
  public void describeTo(StateVisitor v) {
    v.value("task", "finalize");
    Refs.describe(v, "target", target);
    v.value("phase", phase.name());
    v.beginArray("block");
    if (block != null) {
      PipelineCodec.describeL2BlockInfo(v, null, block);
    }
    v.endArray();
  }
}
