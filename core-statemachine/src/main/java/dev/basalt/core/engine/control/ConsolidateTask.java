package dev.basalt.core.engine.control;

import dev.basalt.core.codec.BinaryReader;
import dev.basalt.core.codec.BinaryWriter;
import dev.basalt.core.derive.AttributesWithParent;
import dev.basalt.core.derive.L2BlockInfo;
import dev.basalt.core.derive.payload.AttributesMatch;
import dev.basalt.core.derive.payload.AttributesMatcher;
import dev.basalt.core.derive.payload.L2BlockInfoDecoding;
import dev.basalt.core.derive.pipeline.AttributesCodec;
import dev.basalt.core.derive.pipeline.PipelineCodec;
import dev.basalt.core.engine.EngineResponse;
import dev.basalt.core.engine.ExecutionPayloadEnvelope;
import dev.basalt.core.engine.L2BlockSelector;
import dev.basalt.core.event.EngineResponseReceived;
import dev.basalt.core.event.InputEvent;
import dev.basalt.core.flow.Signal;
import dev.basalt.core.state.StateVisitor;
import java.util.Optional;

/**
 * Derived attributes on top of the pending-safe head (op-node's attributes handler, kona's
 * consolidate task). When the unsafe chain already has the next block, it is read and compared
 * with the attributes: a match promotes it without building (pending-safe, and local-safe and safe
 * with a forkchoice update when it ends a span batch, so a span costs one update); a mismatch, or no
 * unsafe block to compare, builds the block instead ({@link BuildTask}), which reorgs the unsafe
 * chain.
 */
final class ConsolidateTask implements EngineTask {
  private enum Phase { FETCH, FORKCHOICE }

  private final AttributesWithParent attributes;
  private Phase phase = Phase.FETCH;
  /** The unsafe block that matched, waiting for the forkchoice update that makes it safe. */
  private L2BlockInfo matched;

  ConsolidateTask(AttributesWithParent attributes) {
    this.attributes = attributes;
  }

  AttributesWithParent attributes() {
    return attributes;
  }

  @Override
  public Step start(TaskContext ctx) {
    L2BlockInfo pendingSafe = ctx.heads().pendingSafe();
    if (!attributes.parent().hash().equals(pendingSafe.ref().hash())) {
      // op-node: attributes that no longer fit the pending-safe head mean a reorg inconsistency.
      return new Step.Reset("derived attributes build on " + attributes.parent() + " but the pending-safe head is "
          + pendingSafe.ref());
    }
    if (pendingSafe.ref().number() >= ctx.heads().unsafe().ref().number()) {
      return ctx.switchTo(new BuildTask(attributes));
    }
    phase = Phase.FETCH;
    matched = null;
    return ctx.fetchL2(new L2BlockSelector.ByNumber(attributes.parent().number() + 1));
  }

  @Override
  public Step onAnswer(TaskContext ctx, InputEvent answer) {
    if (phase == Phase.FORKCHOICE) {
      return Verdict.of(answer) == Verdict.VALID
          ? promote(ctx, matched)
          : Verdict.plainForkchoiceFailure(answer, "consolidation");
    }
    if (!(answer instanceof EngineResponseReceived r && r.response() instanceof EngineResponse.L2Block block)) {
      return new Step.Temporary("could not read the unsafe block to consolidate with: " + Verdict.describe(answer));
    }
    if (block.block().isEmpty()) {
      // The engine had an unsafe block here a moment ago: it restarted or reorged (op-node resets).
      return new Step.Reset("unsafe L2 block " + (attributes.parent().number() + 1) + " vanished from the engine");
    }
    return compare(ctx, block.block().get());
  }

  private Step compare(TaskContext ctx, ExecutionPayloadEnvelope block) {
    AttributesMatch match = AttributesMatcher.check(ctx.rollup(), attributes.attributes(), attributes.parent().hash(), block);
    if (!match.isMatch()) {
      return ctx.switchTo(new BuildTask(attributes));
    }
    L2BlockInfoDecoding decoded = ctx.payloadInfo().decode(ctx.rollup(), block.payload());
    if (!(decoded instanceof L2BlockInfoDecoding.Decoded d)) {
      // kona: a block that matches but cannot be read back is rebuilt rather than trusted.
      return ctx.switchTo(new BuildTask(attributes));
    }
    if (!attributes.lastInSpan()) {
      return promote(ctx, d.info());
    }
    matched = d.info();
    phase = Phase.FORKCHOICE;
    return forkchoice(ctx);
  }

  private Step forkchoice(TaskContext ctx) {
    return ctx.forkchoice(ctx.heads().unsafe().ref().hash(), matched.ref().hash(), ctx.heads().finalized().ref().hash());
  }

  private Step promote(TaskContext ctx, L2BlockInfo block) {
    ctx.heads().promoteDerived(block, attributes.lastInSpan(), false);
    ctx.signal(new Signal.BlockCanonical(block));
    ctx.signal(new Signal.AttributesProcessed(block, attributes.lastInSpan() ? Optional.of(block) : Optional.empty(),
        attributes.derivedFrom()));
    return Step.DONE;
  }

  @Override
  public Step retry(TaskContext ctx) {
    return phase == Phase.FORKCHOICE ? forkchoice(ctx) : start(ctx);
  }

  @Override
  public void writeTo(BinaryWriter w) {
    AttributesCodec.write(w, attributes);
    w.u8(phase.ordinal());
    w.bool(matched != null);
    if (matched != null) {
      PipelineCodec.writeL2BlockInfo(w, matched);
    }
  }

  static ConsolidateTask readFrom(BinaryReader r) {
    ConsolidateTask t = new ConsolidateTask(AttributesCodec.read(r));
    t.phase = r.enumValue(Phase.values(), "consolidation phase");
    t.matched = r.bool() ? PipelineCodec.readL2BlockInfo(r) : null;
    return t;
  }

  @Override
  public void describeTo(StateVisitor v) {
    v.value("task", "consolidate");
    AttributesCodec.describe(v, "attributes", attributes);
    v.value("phase", phase.name());
    v.beginArray("matched");
    if (matched != null) {
      PipelineCodec.describeL2BlockInfo(v, null, matched);
    }
    v.endArray();
  }
}
