package dev.basalt.core.engine.control;

import dev.basalt.core.codec.BinaryReader;
import dev.basalt.core.codec.BinaryWriter;
import dev.basalt.core.codec.PayloadCodec;
import dev.basalt.core.command.SendForkchoiceUpdate;
import dev.basalt.core.derive.L2BlockInfo;
import dev.basalt.core.derive.pipeline.PipelineCodec;
import dev.basalt.core.engine.EngineResponse;
import dev.basalt.core.engine.EngineVersions;
import dev.basalt.core.engine.ForkchoiceState;
import dev.basalt.core.engine.PayloadAttributes;
import dev.basalt.core.engine.PayloadId;
import dev.basalt.core.event.EngineResponseReceived;
import dev.basalt.core.event.InputEvent;
import dev.basalt.core.flow.EngineCallKind;
import dev.basalt.core.flow.Signal;
import dev.basalt.core.heads.L2Heads;
import dev.basalt.core.state.StateVisitor;
import java.util.Optional;

/**
 * Starts building the sequencer's next block (op-node {@code StartBuild}): a forkchoice update
 * with the attributes on the unsafe head. The task ends once the engine answered with a payload
 * id, so derivation's tasks can run while the block is being built; the sequencer seals it later
 * with a {@link SequenceSealTask}. A head that moved off the parent makes the build stale (nothing
 * is sent); refused attributes abort the build; the engine lacking the parent, or an inconsistent
 * forkchoice, is a reset, as for derived builds.
 */
final class SequenceStartTask implements EngineTask {
  private final L2BlockInfo parent;
  private final PayloadAttributes attributes;

  SequenceStartTask(L2BlockInfo parent, PayloadAttributes attributes) {
    this.parent = parent;
    this.attributes = attributes;
  }

  @Override
  public Step start(TaskContext ctx) {
    L2Heads heads = ctx.heads();
    if (!heads.unsafe().ref().hash().equals(parent.ref().hash())) {
      ctx.signal(new Signal.SequencerBuildAborted("the unsafe head moved from " + parent.ref().id() + " to "
          + heads.unsafe().ref().id() + " before building started", true));
      return Step.DONE;
    }
    ForkchoiceState state = new ForkchoiceState(parent.ref().hash(), heads.safe().ref().hash(), heads.finalized().ref().hash());
    int version = EngineVersions.forkchoiceUpdated(ctx.rollup(), attributes.timestamp(), true);
    return ctx.call(EngineCallKind.BUILD, id -> new SendForkchoiceUpdate(id, state, Optional.of(attributes), version));
  }

  @Override
  public Step onAnswer(TaskContext ctx, InputEvent answer) {
    return switch (Verdict.of(answer)) {
      case VALID -> {
        Optional<PayloadId> id = ((EngineResponse.ForkchoiceUpdated) ((EngineResponseReceived) answer).response()).payloadId();
        if (id.isEmpty()) {
          yield new Step.Temporary("forkchoice update with sequencer attributes answered VALID without a payload id");
        }
        ctx.signal(new Signal.SequencerBuildStarted(parent.ref().hash(), id.get()));
        yield Step.DONE;
      }
      case INVALID, INVALID_ATTRIBUTES -> {
        ctx.signal(new Signal.SequencerBuildAborted("the engine refused to build on " + parent.ref().id() + ": "
            + Verdict.describe(answer), false));
        yield Step.DONE;
      }
      case INCONSISTENT -> new Step.Reset("sequencer pre-build forkchoice update was inconsistent: " + Verdict.describe(answer));
      case SYNCING -> new Step.Reset("the engine answered " + Verdict.describe(answer) + " to sequencing on "
          + parent.ref().id() + ": it lacks the parent");
      case TEMPORARY -> new Step.Temporary("could not start sequencing: " + Verdict.describe(answer));
    };
  }

  @Override
  public Step retry(TaskContext ctx) {
    return start(ctx);
  }

  @Override
  public void writeTo(BinaryWriter w) {
    PipelineCodec.writeL2BlockInfo(w, parent);
    PayloadCodec.write(w, attributes);
  }

  static SequenceStartTask readFrom(BinaryReader r) {
    return new SequenceStartTask(PipelineCodec.readL2BlockInfo(r), PayloadCodec.readAttributes(r));
  }

  @Override
  public void describeTo(StateVisitor v) {
    v.value("task", "sequenceStart");
    PipelineCodec.describeL2BlockInfo(v, "parent", parent);
    v.value("timestamp", attributes.timestamp());
    v.value("transactions", attributes.transactions().size());
    v.value("noTxPool", attributes.noTxPool());
  }
}
