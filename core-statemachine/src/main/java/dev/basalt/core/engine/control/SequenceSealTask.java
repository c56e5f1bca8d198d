package dev.basalt.core.engine.control;

import dev.basalt.core.codec.BinaryReader;
import dev.basalt.core.codec.BinaryWriter;
import dev.basalt.core.codec.PayloadCodec;
import dev.basalt.core.command.CommitUnsafePayload;
import dev.basalt.core.command.GetPayload;
import dev.basalt.core.command.SendNewPayload;
import dev.basalt.core.derive.L2BlockInfo;
import dev.basalt.core.derive.payload.L2BlockInfoDecoding;
import dev.basalt.core.derive.pipeline.PipelineCodec;
import dev.basalt.core.engine.EngineResponse;
import dev.basalt.core.engine.EngineVersions;
import dev.basalt.core.engine.ExecutionPayload;
import dev.basalt.core.engine.ExecutionPayloadEnvelope;
import dev.basalt.core.engine.L2BlockSelector;
import dev.basalt.core.engine.PayloadId;
import dev.basalt.core.event.ConductorPayloadCommitted;
import dev.basalt.core.event.EngineResponseReceived;
import dev.basalt.core.event.InputEvent;
import dev.basalt.core.flow.EngineCallKind;
import dev.basalt.core.flow.Signal;
import dev.basalt.core.p2p.BlockSigning;
import dev.basalt.core.types.Hash32;
import dev.basalt.core.state.StateVisitor;

/**
 * Seals the sequencer's block and makes it the unsafe head (op-node {@code SealBuild} and {@code
 * ProcessPayload}): {@code getPayload}, then (once the sealed block is published) {@code
 * newPayload} and a forkchoice update naming it the head. A head that moved off the parent makes the
 * job stale; a job the engine cannot seal (expired, unknown, or a payload that is not the asked-for
 * child) or an {@code INVALID} block aborts it and the sequencer builds again after a block time, as
 * op-node's {@code handleInvalid} does; failures after sealing are retried like any engine call.
 *
 * <p>Under op-conductor ({@code commit}) the sealed block is first committed to the conductor
 * (op-node {@code CommitUnsafePayload} in {@code RunAction}); only a committed block is published
 * and inserted. A failed commit ends the task with nothing published or inserted, and the sequencer
 * seals the same job again after op-node's one-second temporary-error backoff. The controller runs
 * one task at a time, so the unsafe head cannot move between sealing and inserting.
 */
final class SequenceSealTask implements EngineTask {
  // New phases go at the end: snapshots store the ordinal.
  private enum Phase { GET_PAYLOAD, NEW_PAYLOAD, FORKCHOICE, COMMIT, CHECK_PARENT }

  private final L2BlockInfo parent;
  private final PayloadId payloadId;
  private final long timestamp;
  private final boolean commit;
  private Phase phase = Phase.GET_PAYLOAD;
  private ExecutionPayloadEnvelope sealed;
  private L2BlockInfo sealedInfo;
  private Hash32 signingHash = Hash32.ZERO;

  SequenceSealTask(L2BlockInfo parent, PayloadId payloadId, long timestamp, boolean commit) {
    this.parent = parent;
    this.payloadId = payloadId;
    this.timestamp = timestamp;
    this.commit = commit;
  }

  @Override
  public Step start(TaskContext ctx) {
    if (!ctx.heads().unsafe().ref().hash().equals(parent.ref().hash())) {
      return abort(ctx, "the unsafe head moved from " + parent.ref().id() + " to " + ctx.heads().unsafe().ref().id()
          + " before sealing", true);
    }
    phase = Phase.GET_PAYLOAD;
    int version = EngineVersions.getPayload(ctx.rollup(), timestamp);
    return ctx.call(EngineCallKind.GET_PAYLOAD, id -> new GetPayload(id, payloadId, version));
  }

  private static Step abort(TaskContext ctx, String why, boolean stale) {
    ctx.signal(new Signal.SequencerBuildAborted(why, stale));
    return Step.DONE;
  }

  @Override
  public Step onAnswer(TaskContext ctx, InputEvent answer) {
    return switch (phase) {
      case GET_PAYLOAD -> onSealed(ctx, answer);
      case COMMIT -> onCommitted(ctx, answer);
      case NEW_PAYLOAD -> switch (Verdict.of(answer)) {
        case VALID -> {
          phase = Phase.FORKCHOICE;
          yield forkchoice(ctx);
        }
        case INVALID -> abort(ctx, "newPayload of the sequenced block answered " + Verdict.describe(answer), false);
        // The engine built this block on the parent moments ago: SYNCING means it is busy or lost
        // the parent (restarted); ask it for the parent to tell the two apart.
        case SYNCING -> {
          phase = Phase.CHECK_PARENT;
          yield ctx.fetchL2(new L2BlockSelector.ByHash(parent.ref().hash()));
        }
        default -> new Step.Temporary("newPayload of the sequenced block: " + Verdict.describe(answer));
      };
      case CHECK_PARENT -> {
        phase = Phase.NEW_PAYLOAD;
        yield Verdict.syncingNewPayload(answer, "the sequenced block", parent.ref());
      }
      case FORKCHOICE -> {
        if (Verdict.of(answer) != Verdict.VALID) {
          yield Verdict.plainForkchoiceFailure(answer, "post-sequencing");
        }
        ctx.heads().promoteUnsafe(sealedInfo);
        ctx.signal(new Signal.BlockCanonical(sealedInfo));
        ctx.signal(new Signal.SequencerBlockInserted(sealedInfo));
        yield Step.DONE;
      }
    };
  }

  private Step onSealed(TaskContext ctx, InputEvent answer) {
    if (!(answer instanceof EngineResponseReceived r && r.response() instanceof EngineResponse.PayloadBuilt p)) {
      return abort(ctx, "could not seal the sequenced block: " + Verdict.describe(answer), false);
    }
    ExecutionPayload payload = p.envelope().payload();
    if (!payload.parentHash().equals(parent.ref().hash()) || payload.blockNumber() != parent.ref().number() + 1
        || payload.timestamp() != timestamp) {
      return abort(ctx, "the engine sealed block " + payload.blockNumber() + " on " + payload.parentHash() + " at "
          + payload.timestamp() + ", not the child of " + parent.ref().id() + " at " + timestamp, false);
    }
    L2BlockInfoDecoding decoded = ctx.payloadInfo().decode(ctx.rollup(), payload);
    if (decoded instanceof L2BlockInfoDecoding.Invalid bad) {
      return abort(ctx, "the sealed block does not read back: " + bad.reason(), false);
    }
    try {
      signingHash = BlockSigning.signingHash(ctx.rollup(), p.envelope());
    } catch (IllegalArgumentException e) {
      // A payload without the fields its fork's gossip layout needs cannot be published.
      return abort(ctx, "the sealed block cannot be encoded for gossip: " + e.getMessage(), false);
    }
    sealed = p.envelope();
    sealedInfo = ((L2BlockInfoDecoding.Decoded) decoded).info();
    if (commit) {
      phase = Phase.COMMIT;
      return commitToConductor(ctx);
    }
    return publishAndInsert(ctx);
  }

  private Step commitToConductor(TaskContext ctx) {
    ExecutionPayloadEnvelope envelope = sealed;
    return ctx.call(EngineCallKind.CONDUCTOR_COMMIT, id -> new CommitUnsafePayload(id, envelope));
  }

  private Step onCommitted(TaskContext ctx, InputEvent answer) {
    if (!(answer instanceof ConductorPayloadCommitted)) {
      ctx.signal(new Signal.SequencerCommitFailed("failed to commit unsafe payload " + sealedInfo.ref().id()
          + " to conductor: " + Verdict.describe(answer)));
      return Step.DONE;
    }
    return publishAndInsert(ctx);
  }

  /** Publishes the sealed block (op-node gossips before inserting), then inserts it. */
  private Step publishAndInsert(TaskContext ctx) {
    ctx.signal(new Signal.SequencerBlockSealed(sealed, sealedInfo, signingHash));
    phase = Phase.NEW_PAYLOAD;
    return newPayload(ctx);
  }

  private Step newPayload(TaskContext ctx) {
    int version = EngineVersions.newPayload(ctx.rollup(), timestamp);
    ExecutionPayloadEnvelope envelope = sealed;
    return ctx.call(EngineCallKind.NEW_PAYLOAD, id -> new SendNewPayload(id, envelope, version));
  }

  private Step forkchoice(TaskContext ctx) {
    return ctx.forkchoice(sealedInfo.ref().hash(), ctx.heads().safe().ref().hash(), ctx.heads().finalized().ref().hash());
  }

  @Override
  public Step retry(TaskContext ctx) {
    return switch (phase) {
      case GET_PAYLOAD -> start(ctx);
      case COMMIT -> commitToConductor(ctx);
      case NEW_PAYLOAD, CHECK_PARENT -> newPayload(ctx);
      case FORKCHOICE -> forkchoice(ctx);
    };
  }

  @Override
  public void writeTo(BinaryWriter w) {
    PipelineCodec.writeL2BlockInfo(w, parent);
    w.i64(payloadId.value()).i64(timestamp).bool(commit).u8(phase.ordinal());
    w.bool(sealed != null);
    if (sealed != null) {
      PayloadCodec.write(w, sealed);
      PipelineCodec.writeL2BlockInfo(w, sealedInfo);
      w.hash(signingHash);
    }
  }

  static SequenceSealTask readFrom(BinaryReader r) {
    SequenceSealTask t = new SequenceSealTask(PipelineCodec.readL2BlockInfo(r), new PayloadId(r.i64()), r.i64(), r.bool());
    t.phase = r.enumValue(Phase.values(), "seal phase");
    if (r.bool()) {
      t.sealed = PayloadCodec.readEnvelope(r);
      t.sealedInfo = PipelineCodec.readL2BlockInfo(r);
      t.signingHash = r.hash();
    }
    return t;
  }

  @Override
  public void describeTo(StateVisitor v) {
    v.value("task", "sequenceSeal");
    PipelineCodec.describeL2BlockInfo(v, "parent", parent);
    v.value("payloadId", payloadId.toHex());
    v.value("timestamp", timestamp);
    v.value("commitToConductor", commit);
    v.value("phase", phase.name());
    v.beginArray("sealed");
    if (sealedInfo != null) {
      PipelineCodec.describeL2BlockInfo(v, null, sealedInfo);
    }
    v.endArray();
  }
}
