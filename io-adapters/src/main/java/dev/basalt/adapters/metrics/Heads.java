package dev.basalt.adapters.metrics;

import dev.basalt.core.heads.SyncStatus;

/** The {@code head} label values of a sync status, in a fixed order. */
final class Heads {
  private Heads() {}

  @FunctionalInterface
  interface Each {
    void head(String label, long number, long timestampSeconds);
  }

  static void each(SyncStatus s, Each out) {
    out.head("l1_current", s.currentL1().number(), s.currentL1().timestamp());
    out.head("l1_head", s.headL1().number(), s.headL1().timestamp());
    out.head("l1_safe", s.safeL1().number(), s.safeL1().timestamp());
    out.head("l1_finalized", s.finalizedL1().number(), s.finalizedL1().timestamp());
    out.head("l2_unsafe", s.unsafeL2().number(), s.unsafeL2().timestamp());
    out.head("l2_pending_safe", s.pendingSafeL2().number(), s.pendingSafeL2().timestamp());
    out.head("l2_local_safe", s.localSafeL2().number(), s.localSafeL2().timestamp());
    out.head("l2_safe", s.safeL2().number(), s.safeL2().timestamp());
    out.head("l2_finalized", s.finalizedL2().number(), s.finalizedL2().timestamp());
  }
}
