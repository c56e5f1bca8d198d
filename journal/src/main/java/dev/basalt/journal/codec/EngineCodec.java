package dev.basalt.journal.codec;

import dev.basalt.core.codec.BinaryReader;
import dev.basalt.core.codec.BinaryWriter;
import dev.basalt.core.codec.DecodeException;
import dev.basalt.core.codec.PayloadCodec;
import dev.basalt.core.codec.ValueCodec;
import dev.basalt.core.engine.EngineResponse;
import dev.basalt.core.engine.ForkchoiceState;
import dev.basalt.core.engine.PayloadId;
import dev.basalt.core.engine.PayloadStatus;
import java.util.Optional;

/**
 * Engine API values. {@link EngineResponse} is sealed, so each variant is written as a u8 variant
 * tag and a u8 version followed by its fields; tags are never reused.
 */
final class EngineCodec {
  static final int FORKCHOICE_UPDATED = 1;
  static final int NEW_PAYLOAD_RESULT = 2;
  static final int HEADS = 3;
  static final int L2_BLOCK = 4;
  static final int PAYLOAD_BUILT = 5;
  static final int RPC_ERROR = 6;

  private static final int CURRENT_VERSION = 1;

  private EngineCodec() {}

  static void write(BinaryWriter w, EngineResponse response) {
    switch (response) {
      case EngineResponse.ForkchoiceUpdated fcu -> {
        w.u8(FORKCHOICE_UPDATED).u8(CURRENT_VERSION);
        write(w, fcu.status());
        w.bool(fcu.payloadId().isPresent());
        fcu.payloadId().ifPresent(id -> w.i64(id.value()));
      }
      case EngineResponse.NewPayloadResult result -> {
        w.u8(NEW_PAYLOAD_RESULT).u8(CURRENT_VERSION);
        write(w, result.status());
      }
      case EngineResponse.L2Block block -> {
        w.u8(L2_BLOCK).u8(CURRENT_VERSION).bool(block.block().isPresent());
        block.block().ifPresent(e -> PayloadCodec.write(w, e));
      }
      case EngineResponse.PayloadBuilt built -> {
        w.u8(PAYLOAD_BUILT).u8(CURRENT_VERSION);
        PayloadCodec.write(w, built.envelope());
      }
      case EngineResponse.RpcError error -> w.u8(RPC_ERROR).u8(CURRENT_VERSION).i32(error.code()).string(error.message());
      case EngineResponse.Heads heads -> {
        w.u8(HEADS).u8(CURRENT_VERSION);
        ValueCodec.write(w, heads.unsafe());
        ValueCodec.write(w, heads.safe());
        ValueCodec.write(w, heads.finalized());
      }
    }
  }

  static EngineResponse readEngineResponse(BinaryReader r) {
    int tag = r.u8();
    int version = r.u8();
    return switch (tag) {
      case FORKCHOICE_UPDATED -> {
        CodecSupport.checkVersion("engine response", "ForkchoiceUpdated", tag, version, CURRENT_VERSION);
        PayloadStatus status = readPayloadStatus(r);
        Optional<PayloadId> payloadId = r.bool() ? Optional.of(new PayloadId(r.i64())) : Optional.empty();
        yield new EngineResponse.ForkchoiceUpdated(status, payloadId);
      }
      case NEW_PAYLOAD_RESULT -> {
        CodecSupport.checkVersion("engine response", "NewPayloadResult", tag, version, CURRENT_VERSION);
        yield new EngineResponse.NewPayloadResult(readPayloadStatus(r));
      }
      case HEADS -> {
        CodecSupport.checkVersion("engine response", "Heads", tag, version, CURRENT_VERSION);
        yield new EngineResponse.Heads(
            ValueCodec.readL2BlockRef(r), ValueCodec.readL2BlockRef(r), ValueCodec.readL2BlockRef(r));
      }
      case L2_BLOCK -> {
        CodecSupport.checkVersion("engine response", "L2Block", tag, version, CURRENT_VERSION);
        yield new EngineResponse.L2Block(r.bool() ? Optional.of(PayloadCodec.readEnvelope(r)) : Optional.empty());
      }
      case PAYLOAD_BUILT -> {
        CodecSupport.checkVersion("engine response", "PayloadBuilt", tag, version, CURRENT_VERSION);
        yield new EngineResponse.PayloadBuilt(PayloadCodec.readEnvelope(r));
      }
      case RPC_ERROR -> {
        CodecSupport.checkVersion("engine response", "RpcError", tag, version, CURRENT_VERSION);
        yield new EngineResponse.RpcError(r.i32(), r.string());
      }
      default -> throw new DecodeException("unknown engine response tag " + tag);
    };
  }

  static void write(BinaryWriter w, PayloadStatus status) {
    w.u8(EnumCodes.code(status.status()));
    CodecSupport.writeOptionalHash(w, status.latestValidHash());
    CodecSupport.writeOptionalString(w, status.validationError());
  }

  static PayloadStatus readPayloadStatus(BinaryReader r) {
    return new PayloadStatus(
        EnumCodes.readExecutionStatus(r), CodecSupport.readOptionalHash(r), CodecSupport.readOptionalString(r));
  }

  static void write(BinaryWriter w, ForkchoiceState state) {
    w.hash(state.headBlockHash()).hash(state.safeBlockHash()).hash(state.finalizedBlockHash());
  }

  static ForkchoiceState readForkchoiceState(BinaryReader r) {
    return new ForkchoiceState(r.hash(), r.hash(), r.hash());
  }
}
