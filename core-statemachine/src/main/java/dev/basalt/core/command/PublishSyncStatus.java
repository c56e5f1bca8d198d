package dev.basalt.core.command;

import dev.basalt.core.heads.SyncStatus;
import java.util.Objects;

/**
 * Make this status visible to RPC, metrics and logs. Emitted whenever a head changes, so readers
 * never need to query the core thread.
 */
public record PublishSyncStatus(SyncStatus status) implements Command {
  public PublishSyncStatus {
    Objects.requireNonNull(status, "status");
  }
}
