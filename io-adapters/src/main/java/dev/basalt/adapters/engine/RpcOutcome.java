package dev.basalt.adapters.engine;

import com.fasterxml.jackson.databind.JsonNode;
import dev.basalt.core.event.FailureKind;
import java.util.Objects;

/** How one JSON-RPC call ended: a result, an error object from the server, or no usable answer. */
public sealed interface RpcOutcome {
  /** The {@code result} member; a JSON {@code null} result is a {@code NullNode}, never Java null. */
  record Result(JsonNode value) implements RpcOutcome {
    public Result {
      Objects.requireNonNull(value, "value");
    }
  }

  /** The server's {@code error} object. */
  record ErrorObject(int code, String message) implements RpcOutcome {
    public ErrorObject {
      Objects.requireNonNull(message, "message");
    }
  }

  /** No answer the caller can use: transport failure, timeout, HTTP error or malformed body. */
  record Failed(FailureKind kind, String detail) implements RpcOutcome {
    public Failed {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(detail, "detail");
    }
  }
}
