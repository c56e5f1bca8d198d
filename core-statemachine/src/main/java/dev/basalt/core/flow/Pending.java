package dev.basalt.core.flow;

import dev.basalt.core.state.StateVisitor;
import dev.basalt.core.types.Hash32;
import java.util.Objects;

/**
 * What an outstanding request was for, so its answer reaches the component that asked. Each
 * component also remembers the id it waits for, so an answer it stopped waiting for (after a reset)
 * is recognised and dropped there.
 */
public sealed interface Pending {
  /** Canonical description of this request. */
  void describeTo(StateVisitor v);

  /** An engine-controller call (including the L1 reads of a sync start). */
  record EngineCall(EngineCallKind kind) implements Pending {
    public EngineCall {
      Objects.requireNonNull(kind, "kind");
    }

    @Override
    public void describeTo(StateVisitor v) {
      v.value("kind", "engineCall");
      v.value("call", kind.name());
    }
  }

  /** An L1 block the derivation pipeline asked for. */
  record DeriveL1Block(long number) implements Pending {
    @Override
    public void describeTo(StateVisitor v) {
      v.value("kind", "deriveL1Block");
      v.value("number", number);
    }
  }

  /** Blobs of an L1 block the derivation pipeline asked for. */
  record DeriveBlobs(long l1Number) implements Pending {
    @Override
    public void describeTo(StateVisitor v) {
      v.value("kind", "deriveBlobs");
      v.value("l1Number", l1Number);
    }
  }

  /** An L2 block the derivation pipeline asked for (its view of the safe chain missed it). */
  record DeriveL2Block(long number) implements Pending {
    @Override
    public void describeTo(StateVisitor v) {
      v.value("kind", "deriveL2Block");
      v.value("number", number);
    }
  }

  /** An L1 block the finalizer checks against its finality signal. */
  record FinalityL1Block(long number) implements Pending {
    @Override
    public void describeTo(StateVisitor v) {
      v.value("kind", "finalityL1Block");
      v.value("number", number);
    }
  }

  /** A wakeup. */
  record Wakeup(WakeupPurpose purpose) implements Pending {
    public Wakeup {
      Objects.requireNonNull(purpose, "purpose");
    }

    @Override
    public void describeTo(StateVisitor v) {
      v.value("kind", "wakeup");
      v.value("purpose", purpose.name());
    }
  }

  /** An L1 block the sequencer needs as an L1 origin (the current one, or the next candidate). */
  record SequencerL1Block(long number) implements Pending {
    @Override
    public void describeTo(StateVisitor v) {
      v.value("kind", "sequencerL1Block");
      v.value("number", number);
    }
  }

  /**
   * {@code conductor_leader}, asked for {@code admin_startSequencer} request {@code requestId} that
   * wants to start on {@code head}.
   */
  record SequencerLeaderCheck(long requestId, Hash32 head) implements Pending {
    public SequencerLeaderCheck {
      Objects.requireNonNull(head, "head");
    }

    @Override
    public void describeTo(StateVisitor v) {
      v.value("kind", "sequencerLeaderCheck");
      v.value("requestId", requestId);
      v.value("head", head.toHex());
    }
  }
}
