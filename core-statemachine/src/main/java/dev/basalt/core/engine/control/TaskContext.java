package dev.basalt.core.engine.control;

import dev.basalt.core.CoreConfig;
import dev.basalt.core.command.Command;
import dev.basalt.core.command.FetchL1Block;
import dev.basalt.core.command.FetchL2Block;
import dev.basalt.core.command.SendForkchoiceUpdate;
import dev.basalt.core.config.RollupConfig;
import dev.basalt.core.engine.ForkchoiceState;
import dev.basalt.core.engine.L2BlockSelector;
import dev.basalt.core.flow.EngineCallKind;
import dev.basalt.core.flow.Outbox;
import dev.basalt.core.flow.Pending;
import dev.basalt.core.flow.Signal;
import dev.basalt.core.heads.L2Heads;
import dev.basalt.core.types.Hash32;
import dev.basalt.core.types.L1BlockRef;
import java.util.function.LongFunction;

/**
 * What a task may touch while it runs for one event: the heads, the commands and signals of the
 * event, and the controller's bookkeeping (which call is awaited, the unsafe payloads, the
 * execution-layer sync state). Made per event; never kept.
 */
final class TaskContext {
  private final EngineController controller;
  private final CoreConfig config;
  private final Outbox out;
  private final L1BlockRef l1Head;

  TaskContext(EngineController controller, CoreConfig config, Outbox out, L1BlockRef l1Head) {
    this.controller = controller;
    this.config = config;
    this.out = out;
    this.l1Head = l1Head;
  }

  CoreConfig config() {
    return config;
  }

  RollupConfig rollup() {
    return config.rollup();
  }

  L2Heads heads() {
    return controller.heads();
  }

  L1BlockRef l1Head() {
    return l1Head;
  }

  Outbox out() {
    return out;
  }

  /** Reads L2 blocks back ({@link dev.basalt.core.derive.payload.PayloadBlockInfo#decode}), remembered. */
  dev.basalt.core.derive.payload.PayloadInfoMemo payloadInfo() {
    return controller.payloadInfo();
  }

  UnsafePayloads unsafePayloads() {
    return controller.unsafePayloads();
  }

  ElSync elSync() {
    return controller.elSync();
  }

  /** Resets the controller did in a row without a task making progress in between. */
  int resetsWithoutProgress() {
    return controller.resetsWithoutProgress();
  }

  void signal(Signal signal) {
    out.signal(signal);
  }

  /** Issues the engine-controller call {@code make} builds; the task waits for its answer. */
  Step call(EngineCallKind kind, LongFunction<Command> make) {
    controller.awaiting(out.request(new Pending.EngineCall(kind), make));
    return Step.AWAIT;
  }

  /** A plain forkchoice update (always V3, as op-node sends every update without attributes). */
  Step forkchoice(Hash32 head, Hash32 safe, Hash32 finalized) {
    ForkchoiceState state = new ForkchoiceState(head, safe, finalized);
    return call(EngineCallKind.FORKCHOICE, id -> new SendForkchoiceUpdate(id, state));
  }

  /** The current heads as the engine should see them. */
  Step forkchoiceOfHeads() {
    L2Heads h = heads();
    return forkchoice(h.unsafe().ref().hash(), h.safe().ref().hash(), h.finalized().ref().hash());
  }

  Step fetchL2(L2BlockSelector selector) {
    return call(EngineCallKind.L2_BLOCK, id -> new FetchL2Block(id, selector));
  }

  Step fetchL1(long number) {
    return call(EngineCallKind.L1_BLOCK, id -> new FetchL1Block(id, number));
  }

  /** Runs {@code next} in place of the current task (consolidation turning into a build). */
  Step switchTo(EngineTask next) {
    controller.replaceCurrent(next);
    return next.start(this);
  }

  /** Runs {@code next} right after the current task, ahead of everything queued. */
  void runNext(EngineTask next) {
    controller.runNext(next);
  }
}
