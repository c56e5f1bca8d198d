package dev.basalt.adapters.rpc;

import dev.basalt.core.heads.SyncStatus;
import dev.basalt.core.types.L2BlockRef;
import java.util.function.Function;

/** The L2 heads a WebSocket client can follow (kona's {@code ws_subscribe_*_head}). */
public enum HeadKind {
  UNSAFE("unsafe_head", SyncStatus::unsafeL2),
  SAFE("safe_head", SyncStatus::safeL2),
  FINALIZED("finalized_head", SyncStatus::finalizedL2);

  private final String suffix;
  private final Function<SyncStatus, L2BlockRef> head;

  HeadKind(String suffix, Function<SyncStatus, L2BlockRef> head) {
    this.suffix = suffix;
    this.head = head;
  }

  /** {@code unsafe_head}: kona's method names are {@code ws_subscribe_<suffix>} / {@code ws_unsubscribe_<suffix>}. */
  public String suffix() {
    return suffix;
  }

  public L2BlockRef of(SyncStatus status) {
    return head.apply(status);
  }

  /** The kind a subscription name ({@code unsafe_head}...) stands for, or null. */
  static HeadKind bySuffix(String name) {
    for (HeadKind k : values()) {
      if (k.suffix.equals(name)) {
        return k;
      }
    }
    return null;
  }
}
