package dev.basalt.core.engine.control;

import dev.basalt.core.codec.BinaryReader;
import dev.basalt.core.codec.BinaryWriter;
import dev.basalt.core.codec.PayloadCodec;
import dev.basalt.core.command.GetPayload;
import dev.basalt.core.command.SendForkchoiceUpdate;
import dev.basalt.core.command.SendNewPayload;
import dev.basalt.core.config.Fork;
import dev.basalt.core.derive.AttributesWithParent;
import dev.basalt.core.derive.L2BlockInfo;
import dev.basalt.core.derive.payload.L2BlockInfoDecoding;
import dev.basalt.core.derive.pipeline.AttributesCodec;
import dev.basalt.core.derive.pipeline.PipelineCodec;
import dev.basalt.core.engine.EngineResponse;
import dev.basalt.core.engine.EngineVersions;
import dev.basalt.core.engine.ExecutionPayload;
import dev.basalt.core.engine.ExecutionPayloadEnvelope;
import dev.basalt.core.engine.ForkchoiceState;
import dev.basalt.core.engine.L2BlockSelector;
import dev.basalt.core.engine.PayloadAttributes;
import dev.basalt.core.engine.PayloadId;
import dev.basalt.core.event.EngineResponseReceived;
import dev.basalt.core.event.InputEvent;
import dev.basalt.core.flow.EngineCallKind;
import dev.basalt.core.flow.Signal;
import dev.basalt.core.heads.L2Heads;
import dev.basalt.core.state.StateVisitor;
import dev.basalt.core.types.Bytes;
import dev.basalt.core.types.Hash32;
import java.util.Optional;

/**
 * Builds a derived block from its attributes (op-node build-start / seal / payload-process /
 * payload-success, kona's build-and-seal): a forkchoice update with the attributes on the parent,
 * {@code getPayload}, {@code newPayload}, then a forkchoice update making the new block the head
 * (and safe when it ends a span batch). Heads change only once the engine said {@code VALID} to the
 * last update.
 *
 * <p>An engine that rejects the block (INVALID, -38003, or a payload that does not read back):
 * deposits-only attributes are a critical error (op-node: nothing can recover); attributes derived
 * from a Holocene L1 block are retried once as deposits-only and the rest of their channel is
 * flushed; older ones are dropped, pending-safe falls back to local-safe and the unsafe head is
 * restored with a forkchoice update. Temporary failures before {@code newPayload} start a new
 * build job, as op-node re-attempts the same attributes after an expired or failed seal.
 */
final class BuildTask implements EngineTask {
  // New phases go at the end: snapshots store the ordinal.
  private enum Phase { START, GET_PAYLOAD, NEW_PAYLOAD, FORKCHOICE, CHECK_PARENT }

  private AttributesWithParent attributes;
  private Phase phase = Phase.START;
  private PayloadId payloadId;
  private ExecutionPayloadEnvelope built;
  private L2BlockInfo builtInfo;

  BuildTask(AttributesWithParent attributes) {
    this.attributes = attributes;
  }

  @Override
  public Step start(TaskContext ctx) {
    L2Heads heads = ctx.heads();
    if (!attributes.parent().hash().equals(heads.pendingSafe().ref().hash())) {
      return new Step.Reset("attributes to build on " + attributes.parent() + " but the pending-safe head is "
          + heads.pendingSafe().ref());
    }
    phase = Phase.START;
    payloadId = null;
    built = null;
    builtInfo = null;
    ForkchoiceState state = new ForkchoiceState(attributes.parent().hash(), heads.safe().ref().hash(),
        heads.finalized().ref().hash());
    PayloadAttributes a = attributes.attributes();
    int version = EngineVersions.forkchoiceUpdated(ctx.rollup(), a.timestamp(), true);
    return ctx.call(EngineCallKind.BUILD, id -> new SendForkchoiceUpdate(id, state, Optional.of(a), version));
  }

  @Override
  public Step onAnswer(TaskContext ctx, InputEvent answer) {
    return switch (phase) {
      case START -> onStarted(ctx, answer);
      case GET_PAYLOAD -> onPayload(ctx, answer);
      case NEW_PAYLOAD -> onInserted(ctx, answer);
      case FORKCHOICE -> Verdict.of(answer) == Verdict.VALID
          ? promote(ctx)
          : Verdict.plainForkchoiceFailure(answer, "post-build");
      case CHECK_PARENT -> {
        phase = Phase.NEW_PAYLOAD;
        yield Verdict.syncingNewPayload(answer, "the built block", attributes.parent());
      }
    };
  }

  private Step onStarted(TaskContext ctx, InputEvent answer) {
    return switch (Verdict.of(answer)) {
      case VALID -> {
        Optional<PayloadId> id = ((EngineResponse.ForkchoiceUpdated) ((EngineResponseReceived) answer).response()).payloadId();
        if (id.isEmpty()) {
          yield new Step.Temporary("forkchoice update with attributes answered VALID without a payload id");
        }
        payloadId = id.get();
        phase = Phase.GET_PAYLOAD;
        yield getPayload(ctx);
      }
      case INVALID, INVALID_ATTRIBUTES -> invalid(ctx, "the engine refused to build: " + Verdict.describe(answer));
      case INCONSISTENT -> new Step.Reset("pre-build forkchoice update was inconsistent: " + Verdict.describe(answer));
      // The engine does not have the parent we build on (it restarted and lost blocks, or reorged):
      // our view of its chain is wrong, so find the heads again rather than wait for ever.
      case SYNCING -> new Step.Reset("the engine answered " + Verdict.describe(answer) + " to building on "
          + attributes.parent() + ": it lacks the parent");
      case TEMPORARY -> new Step.Temporary("could not start building: " + Verdict.describe(answer));
    };
  }

  private Step getPayload(TaskContext ctx) {
    int version = EngineVersions.getPayload(ctx.rollup(), attributes.attributes().timestamp());
    PayloadId id = payloadId;
    return ctx.call(EngineCallKind.GET_PAYLOAD, c -> new GetPayload(c, id, version));
  }

  private Step onPayload(TaskContext ctx, InputEvent answer) {
    if (!(answer instanceof EngineResponseReceived r && r.response() instanceof EngineResponse.PayloadBuilt p)) {
      // Expired or unknown job (-38001), or a transport failure: a new job with the same attributes.
      return new Step.Temporary("could not seal the payload: " + Verdict.describe(answer));
    }
    Optional<String> wrong = sanity(p.envelope().payload());
    if (wrong.isPresent()) {
      return invalid(ctx, wrong.get());
    }
    L2BlockInfoDecoding decoded = ctx.payloadInfo().decode(ctx.rollup(), p.envelope().payload());
    if (decoded instanceof L2BlockInfoDecoding.Invalid bad) {
      return invalid(ctx, "the sealed payload does not read back: " + bad.reason());
    }
    built = p.envelope();
    builtInfo = ((L2BlockInfoDecoding.Decoded) decoded).info();
    phase = Phase.NEW_PAYLOAD;
    return newPayload(ctx);
  }

  /** The engine must have built what was asked: on the parent, at the attributes' time. */
  private Optional<String> sanity(ExecutionPayload payload) {
    if (!payload.parentHash().equals(attributes.parent().hash()) || payload.blockNumber() != attributes.parent().number() + 1
        || payload.timestamp() != attributes.attributes().timestamp()) {
      return Optional.of("the engine sealed block " + payload.blockNumber() + " on " + payload.parentHash() + " at "
          + payload.timestamp() + ", not the child of " + attributes.parent() + " at " + attributes.attributes().timestamp());
    }
    return Optional.empty();
  }

  private Step newPayload(TaskContext ctx) {
    int version = EngineVersions.newPayload(ctx.rollup(), built.payload().timestamp());
    ExecutionPayloadEnvelope envelope = built;
    return ctx.call(EngineCallKind.NEW_PAYLOAD, id -> new SendNewPayload(id, envelope, version));
  }

  private Step onInserted(TaskContext ctx, InputEvent answer) {
    return switch (Verdict.of(answer)) {
      case VALID -> {
        phase = Phase.FORKCHOICE;
        yield forkchoice(ctx);
      }
      case INVALID -> invalid(ctx, "newPayload of the built block answered " + Verdict.describe(answer));
      // The engine built this block on the parent moments ago: SYNCING means it is busy or lost the
      // parent (restarted); ask it for the parent to tell the two apart.
      case SYNCING -> {
        phase = Phase.CHECK_PARENT;
        yield ctx.fetchL2(new L2BlockSelector.ByHash(attributes.parent().hash()));
      }
      default -> new Step.Temporary("newPayload of the built block: " + Verdict.describe(answer));
    };
  }

  private Step forkchoice(TaskContext ctx) {
    L2Heads heads = ctx.heads();
    Hash32 hash = built.payload().blockHash();
    return ctx.forkchoice(hash, attributes.lastInSpan() ? hash : heads.safe().ref().hash(), heads.finalized().ref().hash());
  }

  private Step promote(TaskContext ctx) {
    ctx.heads().promoteDerived(builtInfo, attributes.lastInSpan(), true);
    ctx.signal(new Signal.BlockCanonical(builtInfo));
    ctx.signal(new Signal.AttributesProcessed(builtInfo, attributes.lastInSpan() ? Optional.of(builtInfo) : Optional.empty(),
        attributes.derivedFrom()));
    return Step.DONE;
  }

  private Step invalid(TaskContext ctx, String why) {
    if (isDepositsOnly(attributes.attributes())) {
      return new Step.Critical("a block with only deposit transactions on " + attributes.parent() + " was invalid: " + why);
    }
    if (ctx.rollup().isActive(Fork.HOLOCENE, attributes.derivedFrom().timestamp())) {
      // Holocene: replace the block by its deposits and drop the rest of the span and channel (from
      // Holocene every derived block concludes its span, so the replacement becomes safe at once).
      attributes = attributes.withDepositsOnly();
      ctx.signal(new Signal.FlushChannel());
      return start(ctx);
    }
    // Before Holocene the attributes are dropped and derivation continues from local-safe.
    ctx.heads().revertPendingSafe();
    ctx.signal(new Signal.AttributesDropped(ctx.heads().pendingSafe()));
    ctx.runNext(new ForkchoiceTask("restore the unsafe head after invalid attributes"));
    return Step.DONE;
  }

  static boolean isDepositsOnly(PayloadAttributes attributes) {
    for (Bytes tx : attributes.transactions()) {
      if (tx.isEmpty() || (tx.get(0) & 0xff) != 0x7e) {
        return false;
      }
    }
    return true;
  }

  @Override
  public Step retry(TaskContext ctx) {
    return switch (phase) {
      case START, GET_PAYLOAD -> start(ctx);
      case NEW_PAYLOAD, CHECK_PARENT -> newPayload(ctx);
      case FORKCHOICE -> forkchoice(ctx);
    };
  }

  @Override
  public void writeTo(BinaryWriter w) {
    AttributesCodec.write(w, attributes);
    w.u8(phase.ordinal());
    w.bool(payloadId != null);
    if (payloadId != null) {
      w.i64(payloadId.value());
    }
    w.bool(built != null);
    if (built != null) {
      PayloadCodec.write(w, built);
      PipelineCodec.writeL2BlockInfo(w, builtInfo);
    }
  }

  static BuildTask readFrom(BinaryReader r) {
    BuildTask t = new BuildTask(AttributesCodec.read(r));
    t.phase = r.enumValue(Phase.values(), "build phase");
    t.payloadId = r.bool() ? new PayloadId(r.i64()) : null;
    if (r.bool()) {
      t.built = PayloadCodec.readEnvelope(r);
      t.builtInfo = PipelineCodec.readL2BlockInfo(r);
    }
    return t;
  }

  @Override
  public void describeTo(StateVisitor v) {
    v.value("task", "build");
    AttributesCodec.describe(v, "attributes", attributes);
    v.value("phase", phase.name());
    v.value("payloadId", payloadId == null ? "" : payloadId.toHex());
    v.beginArray("built");
    if (builtInfo != null) {
      PipelineCodec.describeL2BlockInfo(v, null, builtInfo);
    }
    v.endArray();
  }
}
