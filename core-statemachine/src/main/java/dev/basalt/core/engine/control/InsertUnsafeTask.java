package dev.basalt.core.engine.control;

import dev.basalt.core.codec.BinaryReader;
import dev.basalt.core.codec.BinaryWriter;
import dev.basalt.core.codec.PayloadCodec;
import dev.basalt.core.command.SendNewPayload;
import dev.basalt.core.derive.L2BlockInfo;
import dev.basalt.core.derive.pipeline.PipelineCodec;
import dev.basalt.core.engine.EngineVersions;
import dev.basalt.core.engine.ExecutionPayloadEnvelope;
import dev.basalt.core.event.InputEvent;
import dev.basalt.core.flow.EngineCallKind;
import dev.basalt.core.flow.Signal;
import dev.basalt.core.heads.L2Heads;
import dev.basalt.core.state.StateVisitor;
import dev.basalt.core.types.Hash32;

/**
 * Inserts a posted (later: gossiped) block on top of the unsafe chain (op-node {@code
 * insertUnsafePayload}): {@code newPayload}, then a forkchoice update making it the head. In
 * consensus-layer mode the block must extend the unsafe head when the task runs (it waits in the
 * {@link UnsafePayloads} queue otherwise); {@code SYNCING} from {@code newPayload} is let through to
 * the forkchoice update as op-node does without req-resp sync, and the update itself must be {@code
 * VALID}.
 *
 * <p>During execution-layer sync the block is a sync target instead: safe and finalized are sent
 * as zero, {@code SYNCING} is accepted (and the engine is asked again later), and only a {@code
 * VALID} answer ends the sync, after a last update that makes the target safe and finalized.
 */
final class InsertUnsafeTask implements EngineTask {
  enum Mode {
    /** Consensus-layer insertion on top of the unsafe head. */
    EXTEND,
    /** Execution-layer sync towards this block. */
    EL_SYNC,
    /** Execution-layer sync: only ask again whether the engine reached the target. */
    EL_POLL
  }

  private enum Phase { NEW_PAYLOAD, FORKCHOICE, FINISH_EL_SYNC }

  private final ExecutionPayloadEnvelope envelope;
  private final L2BlockInfo info;
  private final Mode mode;
  private Phase phase = Phase.NEW_PAYLOAD;

  InsertUnsafeTask(ExecutionPayloadEnvelope envelope, L2BlockInfo info, Mode mode) {
    this.envelope = envelope;
    this.info = info;
    this.mode = mode;
  }

  Mode mode() {
    return mode;
  }

  /** True when the block is the direct child of {@code unsafe}. */
  static boolean extendsTip(L2BlockInfo block, L2BlockInfo unsafe) {
    return block.ref().number() == unsafe.ref().number() + 1 && block.ref().parentHash().equals(unsafe.ref().hash());
  }

  @Override
  public Step start(TaskContext ctx) {
    if (mode == Mode.EXTEND && !extendsTip(info, ctx.heads().unsafe())) {
      return Step.DONE;
    }
    if (mode != Mode.EXTEND && !ctx.elSync().syncing()) {
      return Step.DONE;
    }
    if (mode == Mode.EL_POLL) {
      phase = Phase.FORKCHOICE;
      return forkchoice(ctx);
    }
    phase = Phase.NEW_PAYLOAD;
    return newPayload(ctx);
  }

  private Step newPayload(TaskContext ctx) {
    int version = EngineVersions.newPayload(ctx.rollup(), envelope.payload().timestamp());
    return ctx.call(EngineCallKind.NEW_PAYLOAD, id -> new SendNewPayload(id, envelope, version));
  }

  private Step forkchoice(TaskContext ctx) {
    Hash32 hash = info.ref().hash();
    return switch (phase) {
      case FINISH_EL_SYNC -> ctx.forkchoice(hash, hash, hash);
      default -> mode == Mode.EXTEND
          ? ctx.forkchoice(hash, ctx.heads().safe().ref().hash(), ctx.heads().finalized().ref().hash())
          : ctx.forkchoice(hash, Hash32.ZERO, Hash32.ZERO);
    };
  }

  @Override
  public Step onAnswer(TaskContext ctx, InputEvent answer) {
    Verdict verdict = Verdict.of(answer);
    return switch (phase) {
      case NEW_PAYLOAD -> switch (verdict) {
        case VALID, SYNCING -> {
          phase = Phase.FORKCHOICE;
          yield forkchoice(ctx);
        }
        case INVALID -> drop(ctx);
        default -> new Step.Temporary("newPayload of unsafe block " + info.ref().id() + ": " + Verdict.describe(answer));
      };
      case FORKCHOICE -> mode == Mode.EXTEND ? extended(ctx, answer, verdict) : elSyncAnswered(ctx, answer, verdict);
      case FINISH_EL_SYNC -> verdict == Verdict.VALID
          ? finishElSync(ctx)
          : new Step.Temporary("forkchoice update ending the engine's sync: " + Verdict.describe(answer));
    };
  }

  private Step extended(TaskContext ctx, InputEvent answer, Verdict verdict) {
    if (verdict == Verdict.INVALID) {
      return drop(ctx);
    }
    if (verdict != Verdict.VALID) {
      return Verdict.plainForkchoiceFailure(answer, "unsafe-block");
    }
    ctx.heads().promoteUnsafe(info);
    ctx.unsafePayloads().remove(info.ref().hash());
    ctx.signal(new Signal.BlockCanonical(info));
    return Step.DONE;
  }

  private Step elSyncAnswered(TaskContext ctx, InputEvent answer, Verdict verdict) {
    return switch (verdict) {
      case VALID -> {
        phase = Phase.FINISH_EL_SYNC;
        yield forkchoice(ctx);
      }
      case SYNCING -> {
        // The engine follows the target: report it as the unsafe head, as op-node does, and ask
        // again later in case no newer block arrives to tell us the sync finished.
        L2Heads heads = ctx.heads();
        if (info.ref().number() > heads.unsafe().ref().number()) {
          heads.promoteUnsafe(info);
        }
        ctx.elSync().schedulePoll(ctx.out());
        yield Step.DONE;
      }
      case INVALID -> drop(ctx);
      default -> new Step.Temporary("forkchoice update towards sync target " + info.ref().id() + ": "
          + Verdict.describe(answer));
    };
  }

  /** The engine has the target: make it safe and finalized, then find the heads from it. */
  private Step finishElSync(TaskContext ctx) {
    ctx.heads().forceReset(info, info, info);
    ctx.elSync().reset();
    ctx.signal(new Signal.ResetRequested("execution-layer sync reached " + info.ref().id()));
    return Step.DONE;
  }

  private Step drop(TaskContext ctx) {
    if (mode == Mode.EXTEND) {
      ctx.unsafePayloads().remove(info.ref().hash());
    } else {
      ctx.elSync().dropTarget(info);
    }
    return Step.DONE;
  }

  @Override
  public Step retry(TaskContext ctx) {
    return phase == Phase.NEW_PAYLOAD ? start(ctx) : forkchoice(ctx);
  }

  @Override
  public void writeTo(BinaryWriter w) {
    PayloadCodec.write(w, envelope);
    PipelineCodec.writeL2BlockInfo(w, info);
    w.u8(mode.ordinal()).u8(phase.ordinal());
  }

  static InsertUnsafeTask readFrom(BinaryReader r) {
    ExecutionPayloadEnvelope envelope = PayloadCodec.readEnvelope(r);
    L2BlockInfo info = PipelineCodec.readL2BlockInfo(r);
    InsertUnsafeTask t = new InsertUnsafeTask(envelope, info, r.enumValue(Mode.values(), "insert mode"));
    t.phase = r.enumValue(Phase.values(), "insert phase");
    return t;
  }

  @Override
  public void describeTo(StateVisitor v) {
    v.value("task", "insertUnsafe");
    PipelineCodec.describeL2BlockInfo(v, "block", info);
    v.value("mode", mode.name());
    v.value("phase", phase.name());
  }
}
