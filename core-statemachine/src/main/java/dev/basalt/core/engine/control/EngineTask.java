package dev.basalt.core.engine.control;

import dev.basalt.core.codec.BinaryWriter;
import dev.basalt.core.event.InputEvent;
import dev.basalt.core.state.StateVisitor;

/**
 * One engine operation (op-node's engine events, kona's engine tasks): a small state machine that
 * issues one call at a time through the {@link TaskContext} and moves on with its answer. The
 * controller runs tasks one after another in FIFO order, so the engine sees one operation at a
 * time and the order never depends on anything but the events.
 */
sealed interface EngineTask
    permits ConsolidateTask, BuildTask, InsertUnsafeTask, FinalizeTask, ForkchoiceTask, ResetTask, ElSyncProbeTask,
        SequenceStartTask, SequenceSealTask {

  /** Begins the task (checking that it still applies to the current heads). */
  Step start(TaskContext ctx);

  /** The answer to the call this task issued: an engine response, a failure, or an L1 block. */
  Step onAnswer(TaskContext ctx, InputEvent answer);

  /** Repeats the step that failed temporarily (after the controller's backoff). */
  Step retry(TaskContext ctx);

  /** Snapshot form, after the tag {@link EngineTaskCodec} writes. */
  void writeTo(BinaryWriter w);

  void describeTo(StateVisitor v);
}
