package dev.basalt.core.engine.control;

import dev.basalt.core.codec.BinaryReader;
import dev.basalt.core.codec.BinaryWriter;
import dev.basalt.core.config.RollupConfig;
import dev.basalt.core.derive.L2BlockInfo;
import dev.basalt.core.derive.pipeline.PipelineCodec;
import dev.basalt.core.engine.EngineResponse;
import dev.basalt.core.event.EngineResponseReceived;
import dev.basalt.core.event.FailureKind;
import dev.basalt.core.event.InputEvent;
import dev.basalt.core.event.L1BlockFetched;
import dev.basalt.core.event.RequestFailed;
import dev.basalt.core.flow.Signal;
import dev.basalt.core.state.StateVisitor;
import dev.basalt.core.sync.FindL2Heads;
import dev.basalt.core.sync.SyncHeads;
import dev.basalt.core.sync.SyncNeed;

/**
 * A sync start (op-node's engine reset: {@code FindL2Heads}, {@code ForceEngineReset}, then the
 * forkchoice update): used at start, after a restart, after an L1 reorg and whenever the engine's
 * chain and ours disagree. The heads found are set at once; derivation restarts only after the
 * engine said {@code VALID} to them ({@link Signal.ResetConfirmed}). Any failure starts the walk
 * over after a backoff; a reset that follows another without any progress in between also waits
 * first, so reset loops are never hot.
 */
final class ResetTask implements EngineTask {
  private enum Phase { FIND, WAIT_L1_HEAD, FORKCHOICE }

  private FindL2Heads walk;
  private Phase phase = Phase.FIND;
  /** True while the walk awaits an L1 block rather than an L2 block. */
  private boolean awaitingL1;
  private SyncHeads found;
  /** The backoff owed to an earlier reset without progress was waited. */
  private boolean backedOff;

  @Override
  public Step start(TaskContext ctx) {
    if (ctx.resetsWithoutProgress() > 0 && !backedOff) {
      backedOff = true;
      return new Step.Temporary("reset " + (ctx.resetsWithoutProgress() + 1) + " in a row without progress: backing off");
    }
    walk = new FindL2Heads(ctx.rollup());
    found = null;
    return next(ctx, walk.start());
  }

  boolean waitingForL1Head() {
    return phase == Phase.WAIT_L1_HEAD;
  }

  /** The L1 head became known while the walk waited for it. */
  Step resume(TaskContext ctx) {
    return ctx.l1Head().isZero() ? Step.AWAIT : next(ctx, walk.resume(ctx.l1Head()));
  }

  private Step next(TaskContext ctx, SyncNeed need) {
    phase = Phase.FIND;
    return switch (need) {
      case SyncNeed.L2Block b -> {
        awaitingL1 = false;
        yield ctx.fetchL2(b.selector());
      }
      case SyncNeed.L1Block b -> {
        awaitingL1 = true;
        yield ctx.fetchL1(b.number());
      }
      case SyncNeed.L1Head h -> {
        phase = Phase.WAIT_L1_HEAD;
        yield Step.AWAIT;
      }
      case SyncNeed.Found f -> {
        found = f.heads();
        ctx.heads().forceReset(found.unsafe(), found.safe(), found.finalized());
        phase = Phase.FORKCHOICE;
        yield ctx.forkchoiceOfHeads();
      }
      case SyncNeed.Failed f -> f.critical()
          ? new Step.Critical("sync start: " + f.reason())
          : new Step.Temporary("sync start: " + f.reason());
    };
  }

  @Override
  public Step onAnswer(TaskContext ctx, InputEvent answer) {
    if (phase == Phase.FORKCHOICE) {
      if (Verdict.of(answer) != Verdict.VALID) {
        return new Step.Temporary("the engine did not accept the heads of the sync start: " + Verdict.describe(answer));
      }
      ctx.signal(new Signal.ResetConfirmed(found.safe()));
      return Step.DONE;
    }
    if (awaitingL1) {
      return switch (answer) {
        case L1BlockFetched f -> next(ctx, walk.onL1Block(f.block().ref(), ctx.l1Head()));
        case RequestFailed f when f.kind() == FailureKind.NOT_FOUND -> next(ctx, walk.onL1Missing(ctx.l1Head()));
        default -> new Step.Temporary("sync start could not read L1: " + Verdict.describe(answer));
      };
    }
    if (answer instanceof EngineResponseReceived r && r.response() instanceof EngineResponse.L2Block b) {
      return next(ctx, walk.onL2Block(b.block(), ctx.l1Head(), ctx.payloadInfo()));
    }
    return new Step.Temporary("sync start could not read the engine: " + Verdict.describe(answer));
  }

  @Override
  public Step retry(TaskContext ctx) {
    return start(ctx);
  }

  @Override
  public void writeTo(BinaryWriter w) {
    w.bool(walk != null);
    if (walk != null) {
      walk.writeTo(w);
    }
    w.u8(phase.ordinal()).bool(awaitingL1).bool(found != null);
    if (found != null) {
      PipelineCodec.writeL2BlockInfo(w, found.unsafe());
      PipelineCodec.writeL2BlockInfo(w, found.safe());
      PipelineCodec.writeL2BlockInfo(w, found.finalized());
    }
    w.bool(backedOff);
  }

  static ResetTask readFrom(BinaryReader r, RollupConfig config) {
    ResetTask t = new ResetTask();
    t.walk = r.bool() ? FindL2Heads.readFrom(r, config) : null;
    t.phase = r.enumValue(Phase.values(), "reset phase");
    t.awaitingL1 = r.bool();
    if (r.bool()) {
      L2BlockInfo unsafe = PipelineCodec.readL2BlockInfo(r);
      L2BlockInfo safe = PipelineCodec.readL2BlockInfo(r);
      t.found = new SyncHeads(unsafe, safe, PipelineCodec.readL2BlockInfo(r));
    }
    t.backedOff = r.bool();
    return t;
  }

  @Override
  public void describeTo(StateVisitor v) {
    v.value("task", "reset");
    v.value("phase", phase.name());
    v.value("awaitingL1", awaitingL1);
    v.value("backedOff", backedOff);
    v.beginObject("walk");
    if (walk != null) {
      walk.describeTo(v);
    }
    v.endObject();
    v.beginArray("found");
    if (found != null) {
      PipelineCodec.describeL2BlockInfo(v, null, found.unsafe());
      PipelineCodec.describeL2BlockInfo(v, null, found.safe());
      PipelineCodec.describeL2BlockInfo(v, null, found.finalized());
    }
    v.endArray();
  }
}
