package dev.basalt.core.rpc;

import java.util.Objects;

/** The result of an RPC request: a JSON value, or a JSON-RPC error. */
public sealed interface RpcOutcome {

  /** Success; {@code resultJson} is the JSON text of the {@code result} member. */
  record Success(String resultJson) implements RpcOutcome {
    public Success {
      Objects.requireNonNull(resultJson, "resultJson");
    }
  }

  /** A JSON-RPC error object. */
  record Failure(int code, String message) implements RpcOutcome {
    public Failure {
      Objects.requireNonNull(message, "message");
    }
  }
}
