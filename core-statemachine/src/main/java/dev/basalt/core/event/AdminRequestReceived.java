package dev.basalt.core.event;

import dev.basalt.core.rpc.AdminRequest;
import java.util.Objects;

/**
 * An RPC request that changes node state. {@code requestId} is assigned by the RPC adapter and is
 * echoed by the core's {@code RespondRpc}. Read-only queries never become events: they read the
 * published status without touching the core.
 */
public record AdminRequestReceived(long requestId, AdminRequest request) implements InputEvent {
  public AdminRequestReceived {
    Objects.requireNonNull(request, "request");
  }
}
