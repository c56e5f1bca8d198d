package dev.basalt.testdata.world.engine;

import dev.basalt.core.engine.EngineResponse;

/** The Engine API's JSON-RPC error codes the fake engine answers with (execution-apis {@code common.md}). */
public final class EngineErrors {
  public static final int UNKNOWN_PAYLOAD = -38001;
  public static final int INVALID_FORKCHOICE_STATE = -38002;
  public static final int INVALID_PAYLOAD_ATTRIBUTES = -38003;
  public static final int UNSUPPORTED_FORK = -38005;
  public static final int INVALID_PARAMS = -32602;

  private EngineErrors() {}

  static EngineResponse.RpcError unknownPayload() {
    return new EngineResponse.RpcError(UNKNOWN_PAYLOAD, "Unknown payload");
  }

  static EngineResponse.RpcError invalidForkchoiceState(String why) {
    return new EngineResponse.RpcError(INVALID_FORKCHOICE_STATE, "Invalid forkchoice state: " + why);
  }

  static EngineResponse.RpcError invalidAttributes(String why) {
    return new EngineResponse.RpcError(INVALID_PAYLOAD_ATTRIBUTES, "Invalid payload attributes: " + why);
  }

  static EngineResponse.RpcError unsupportedFork(String why) {
    return new EngineResponse.RpcError(UNSUPPORTED_FORK, "Unsupported fork: " + why);
  }
}
