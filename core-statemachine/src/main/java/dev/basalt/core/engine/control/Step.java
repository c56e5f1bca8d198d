package dev.basalt.core.engine.control;

import java.util.Objects;

/**
 * What one step of an engine task came to: the error taxonomy of op-node and kona (temporary,
 * reset, critical) plus the two ways a step goes on. Expected engine outcomes are values here; an
 * exception inside a task is a bug.
 */
sealed interface Step {
  /** A call was issued; the task continues with its answer. */
  Step AWAIT = new Await();

  /** The task is finished; the next one may start. */
  Step DONE = new Done();

  record Await() implements Step {}

  record Done() implements Step {}

  /** Nothing is wrong with the chain: retry the step after a backoff (never at once). */
  record Temporary(String reason) implements Step {
    public Temporary {
      Objects.requireNonNull(reason, "reason");
    }
  }

  /** The engine's chain and ours disagree: find the heads again (sync start). */
  record Reset(String reason) implements Step {
    public Reset {
      Objects.requireNonNull(reason, "reason");
    }
  }

  /** Derivation can never get past this: halt the node. */
  record Critical(String reason) implements Step {
    public Critical {
      Objects.requireNonNull(reason, "reason");
    }
  }
}
