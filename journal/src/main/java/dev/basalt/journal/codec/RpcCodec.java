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
  static final int START_SEQUENCER = 3;
  static final int STOP_SEQUENCER = 4;
  static final int SEQUENCER_ACTIVE = 5;
  static final int SET_RECOVER_MODE = 6;
  static final int OVERRIDE_LEADER = 7;
  static final int CONDUCTOR_ENABLED = 8;

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
      case AdminRequest.StartSequencer start -> w.u8(START_SEQUENCER).u8(CURRENT_VERSION).hash(start.unsafeHead());
      case AdminRequest.StopSequencer stop -> w.u8(STOP_SEQUENCER).u8(CURRENT_VERSION);
      case AdminRequest.SequencerActive active -> w.u8(SEQUENCER_ACTIVE).u8(CURRENT_VERSION);
      case AdminRequest.SetRecoverMode recover -> w.u8(SET_RECOVER_MODE).u8(CURRENT_VERSION).bool(recover.enabled());
      case AdminRequest.OverrideLeader o -> w.u8(OVERRIDE_LEADER).u8(CURRENT_VERSION);
      case AdminRequest.ConductorEnabled c -> w.u8(CONDUCTOR_ENABLED).u8(CURRENT_VERSION);
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
      case START_SEQUENCER -> {
        CodecSupport.checkVersion("admin request", "StartSequencer", tag, version, CURRENT_VERSION);
        yield new AdminRequest.StartSequencer(r.hash());
      }
      case STOP_SEQUENCER -> {
        CodecSupport.checkVersion("admin request", "StopSequencer", tag, version, CURRENT_VERSION);
        yield new AdminRequest.StopSequencer();
      }
      case SEQUENCER_ACTIVE -> {
        CodecSupport.checkVersion("admin request", "SequencerActive", tag, version, CURRENT_VERSION);
        yield new AdminRequest.SequencerActive();
      }
      case SET_RECOVER_MODE -> {
        CodecSupport.checkVersion("admin request", "SetRecoverMode", tag, version, CURRENT_VERSION);
        yield new AdminRequest.SetRecoverMode(r.bool());
      }
      case OVERRIDE_LEADER -> {
        CodecSupport.checkVersion("admin request", "OverrideLeader", tag, version, CURRENT_VERSION);
        yield new AdminRequest.OverrideLeader();
      }
      case CONDUCTOR_ENABLED -> {
        CodecSupport.checkVersion("admin request", "ConductorEnabled", tag, version, CURRENT_VERSION);
        yield new AdminRequest.ConductorEnabled();
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
