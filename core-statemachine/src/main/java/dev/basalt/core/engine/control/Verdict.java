package dev.basalt.core.engine.control;

import dev.basalt.core.engine.EngineResponse;
import dev.basalt.core.engine.PayloadStatus;
import dev.basalt.core.event.EngineResponseReceived;
import dev.basalt.core.event.InputEvent;
import dev.basalt.core.event.RequestFailed;
import dev.basalt.core.types.L2BlockRef;

/**
 * How an answer to {@code engine_forkchoiceUpdated} or {@code engine_newPayload} reads, before the
 * task decides what it means for it. The classification follows op-node ({@code
 * tryUpdateEngineInternal}, {@code startPayload}, {@code onPayloadProcess}): -38002 is an
 * inconsistent forkchoice (reset), -38003 invalid attributes, any other JSON-RPC error and any
 * transport failure temporary.
 */
enum Verdict {
  VALID,
  /** {@code SYNCING} or {@code ACCEPTED}: the engine does not vouch for the block. Never success for safety. */
  SYNCING,
  /** {@code INVALID} or {@code INVALID_BLOCK_HASH}. */
  INVALID,
  /** JSON-RPC -38002: the forkchoice contradicts the engine's chain. */
  INCONSISTENT,
  /** JSON-RPC -38003: the payload attributes are invalid. */
  INVALID_ATTRIBUTES,
  /** A transport failure, a timeout, another JSON-RPC error, or an answer of the wrong kind. */
  TEMPORARY;

  static final int UNKNOWN_PAYLOAD = -38001;
  static final int INVALID_FORKCHOICE_STATE = -38002;
  static final int INVALID_PAYLOAD_ATTRIBUTES = -38003;

  static Verdict of(InputEvent answer) {
    if (!(answer instanceof EngineResponseReceived received)) {
      return TEMPORARY;
    }
    return switch (received.response()) {
      case EngineResponse.ForkchoiceUpdated f -> of(f.status());
      case EngineResponse.NewPayloadResult n -> of(n.status());
      case EngineResponse.RpcError e when e.code() == INVALID_FORKCHOICE_STATE -> INCONSISTENT;
      case EngineResponse.RpcError e when e.code() == INVALID_PAYLOAD_ATTRIBUTES -> INVALID_ATTRIBUTES;
      default -> TEMPORARY;
    };
  }

  static Verdict of(PayloadStatus status) {
    return switch (status.status()) {
      case VALID -> VALID;
      case SYNCING, ACCEPTED -> SYNCING;
      case INVALID, INVALID_BLOCK_HASH -> INVALID;
    };
  }

  /** A human-readable account of the answer, for logs and halt messages. */
  static String describe(InputEvent answer) {
    return switch (answer) {
      case RequestFailed f -> f.kind() + ": " + f.detail();
      case EngineResponseReceived r -> switch (r.response()) {
        case EngineResponse.ForkchoiceUpdated f -> f.status().status() + f.status().validationError().map(e -> " (" + e + ")").orElse("");
        case EngineResponse.NewPayloadResult n -> n.status().status() + n.status().validationError().map(e -> " (" + e + ")").orElse("");
        case EngineResponse.RpcError e -> "JSON-RPC error " + e.code() + ": " + e.message();
        default -> "unexpected answer " + r.response().getClass().getSimpleName();
      };
      default -> "unexpected answer " + answer.getClass().getSimpleName();
    };
  }

  /**
   * What a failed plain forkchoice update (no attributes) means, op-node's {@code
   * tryUpdateEngineInternal} in consensus-layer mode: {@code SYNCING} (the engine lost blocks, e.g.
   * after its own restart), {@code INVALID} and -38002 all need a reset; the rest is temporary.
   */
  static Step plainForkchoiceFailure(InputEvent answer, String what) {
    return switch (of(answer)) {
      case SYNCING, INVALID, INCONSISTENT -> new Step.Reset(what + " forkchoice update answered " + describe(answer));
      default -> new Step.Temporary(what + " forkchoice update failed: " + describe(answer));
    };
  }

  /**
   * What a {@code SYNCING} answer to {@code newPayload} of a block the node built itself means, once
   * the engine was asked for that block's parent ({@code answer}): the parent was the engine's own
   * block moments ago, so an engine that no longer has it lost blocks (it restarted): nothing will
   * bring them back, so find the heads again (op-node resets from the heads the engine reports);
   * an engine that still has it is only busy, and {@code newPayload} is retried later (op-node's
   * temporary error). Without this, a task retrying {@code newPayload} on a lost parent would
   * hold the single-task controller for ever.
   */
  static Step syncingNewPayload(InputEvent answer, String what, L2BlockRef parent) {
    if (answer instanceof EngineResponseReceived r && r.response() instanceof EngineResponse.L2Block read
        && read.block().isEmpty()) {
      return new Step.Reset("newPayload of " + what + " answered SYNCING and the engine no longer has its parent "
          + parent.id() + " (it lost blocks)");
    }
    return new Step.Temporary("newPayload of " + what + " answered SYNCING");
  }
}
