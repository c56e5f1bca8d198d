package dev.basalt.core.command;

import dev.basalt.core.rpc.RpcOutcome;
import java.util.Objects;

/** Answer the RPC request {@code requestId} (from {@code AdminRequestReceived}). */
public record RespondRpc(long requestId, RpcOutcome outcome) implements Command {
  public RespondRpc {
    Objects.requireNonNull(outcome, "outcome");
  }
}
