package dev.basalt.core.engine.control;

import dev.basalt.core.codec.BinaryReader;
import dev.basalt.core.codec.BinaryWriter;
import dev.basalt.core.event.InputEvent;
import dev.basalt.core.state.StateVisitor;

/**
 * Tells the engine the current heads (op-node {@code tryUpdateEngine}), e.g. to restore the unsafe
 * head after a build on an older parent failed (op-node's backup-unsafe reorg). Anything but
 * {@code VALID} except a temporary failure needs a reset.
 */
final class ForkchoiceTask implements EngineTask {
  private final String why;

  ForkchoiceTask(String why) {
    this.why = why;
  }

  @Override
  public Step start(TaskContext ctx) {
    return ctx.forkchoiceOfHeads();
  }

  @Override
  public Step onAnswer(TaskContext ctx, InputEvent answer) {
    return Verdict.of(answer) == Verdict.VALID ? Step.DONE : Verdict.plainForkchoiceFailure(answer, why);
  }

  @Override
  public Step retry(TaskContext ctx) {
    return start(ctx);
  }

  @Override
  public void writeTo(BinaryWriter w) {
    w.string(why);
  }

  static ForkchoiceTask readFrom(BinaryReader r) {
    return new ForkchoiceTask(r.string());
  }

  @Override
  public void describeTo(StateVisitor v) {
    v.value("task", "forkchoice");
    v.value("why", why);
  }
}
