package dev.basalt.core.flow;

import dev.basalt.core.engine.ForkchoiceState;
import dev.basalt.core.state.StateVisitor;

/** What an outstanding request was for, so its answer can be routed. */
public sealed interface Pending {
  /** Canonical description of this request. */
  void describeTo(StateVisitor v);

  record L1Block(long number) implements Pending {
    @Override
    public void describeTo(StateVisitor v) {
      v.value("kind", "l1Block");
      v.value("number", number);
    }
  }

  record EngineHeads() implements Pending {
    @Override
    public void describeTo(StateVisitor v) {
      v.value("kind", "engineHeads");
    }
  }

  record Forkchoice(ForkchoiceState state) implements Pending {
    @Override
    public void describeTo(StateVisitor v) {
      v.value("kind", "forkchoice");
      v.value("head", state.headBlockHash());
      v.value("safe", state.safeBlockHash());
      v.value("finalized", state.finalizedBlockHash());
    }
  }

  /** A wakeup after which the sync start is retried. */
  record RetrySyncStart() implements Pending {
    @Override
    public void describeTo(StateVisitor v) {
      v.value("kind", "retrySyncStart");
    }
  }
}
