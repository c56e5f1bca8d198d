package dev.basalt.journal.codec;

import dev.basalt.core.codec.BinaryReader;
import dev.basalt.core.codec.BinaryWriter;
import dev.basalt.core.codec.DecodeException;
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
