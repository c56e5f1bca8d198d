package dev.basalt.journal.codec;

import dev.basalt.core.codec.BinaryReader;
import dev.basalt.core.codec.BinaryWriter;
import dev.basalt.core.codec.DecodeException;
import dev.basalt.core.codec.PayloadCodec;
import dev.basalt.core.rpc.AdminRequest;
import dev.basalt.core.rpc.RpcOutcome;

/** RPC values: sealed variants written as a u8 variant tag, a u8 version, then the fields. */
final class RpcCodec {
  static final int RESET_DERIVATION_PIPELINE = 1;
  static final int POST_UNSAFE_PAYLOAD = 2;

  static final int SUCCESS = 1;
  static final int FAILURE = 2;

  private static final int CURRENT_VERSION = 1;

  private RpcCodec() {}

  static void write(BinaryWriter w, AdminRequest request) {
    switch (request) {
      case AdminRequest.ResetDerivationPipeline reset -> w.u8(RESET_DERIVATION_PIPELINE).u8(CURRENT_VERSION);
      case AdminRequest.PostUnsafePayload post -> {
        w.u8(POST_UNSAFE_PAYLOAD).u8(CURRENT_VERSION);
        PayloadCodec.write(w, post.envelope());
      }
    }
  }

  static AdminRequest readAdminRequest(BinaryReader r) {
    int tag = r.u8();
    int version = r.u8();
    return switch (tag) {
      case RESET_DERIVATION_PIPELINE -> {
        CodecSupport.checkVersion("admin request", "ResetDerivationPipeline", tag, version, CURRENT_VERSION);
        yield new AdminRequest.ResetDerivationPipeline();
      }
      case POST_UNSAFE_PAYLOAD -> {
        CodecSupport.checkVersion("admin request", "PostUnsafePayload", tag, version, CURRENT_VERSION);
        yield new AdminRequest.PostUnsafePayload(PayloadCodec.readEnvelope(r));
      }
      default -> throw new DecodeException("unknown admin request tag " + tag);
    };
  }

  static void write(BinaryWriter w, RpcOutcome outcome) {
    switch (outcome) {
      case RpcOutcome.Success success -> {
        w.u8(SUCCESS).u8(CURRENT_VERSION);
        w.string(success.resultJson());
      }
      case RpcOutcome.Failure failure -> {
        w.u8(FAILURE).u8(CURRENT_VERSION);
        w.i32(failure.code()).string(failure.message());
      }
    }
  }

  static RpcOutcome readRpcOutcome(BinaryReader r) {
    int tag = r.u8();
    int version = r.u8();
    return switch (tag) {
      case SUCCESS -> {
        CodecSupport.checkVersion("rpc outcome", "Success", tag, version, CURRENT_VERSION);
        yield new RpcOutcome.Success(r.string());
      }
      case FAILURE -> {
        CodecSupport.checkVersion("rpc outcome", "Failure", tag, version, CURRENT_VERSION);
        yield new RpcOutcome.Failure(r.i32(), r.string());
      }
      default -> throw new DecodeException("unknown rpc outcome tag " + tag);
    };
  }
}
