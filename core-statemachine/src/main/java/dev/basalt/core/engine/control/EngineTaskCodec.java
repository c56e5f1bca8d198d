package dev.basalt.core.engine.control;

import dev.basalt.core.codec.BinaryReader;
import dev.basalt.core.codec.BinaryWriter;
import dev.basalt.core.codec.DecodeException;
import dev.basalt.core.config.RollupConfig;

/** Snapshot form of {@link EngineTask}s: a stable tag, then the task's own fields. */
final class EngineTaskCodec {
  private EngineTaskCodec() {}

  static void write(BinaryWriter w, EngineTask task) {
    w.u8(switch (task) {
      case ConsolidateTask t -> 1;
      case BuildTask t -> 2;
      case InsertUnsafeTask t -> 3;
      case FinalizeTask t -> 4;
      case ForkchoiceTask t -> 5;
      case ResetTask t -> 6;
      case ElSyncProbeTask t -> 7;
      case SequenceStartTask t -> 8;
      case SequenceSealTask t -> 9;
    });
    task.writeTo(w);
  }

  static EngineTask read(BinaryReader r, RollupConfig config) {
    int tag = r.u8();
    return switch (tag) {
      case 1 -> ConsolidateTask.readFrom(r);
      case 2 -> BuildTask.readFrom(r);
      case 3 -> InsertUnsafeTask.readFrom(r);
      case 4 -> FinalizeTask.readFrom(r);
      case 5 -> ForkchoiceTask.readFrom(r);
      case 6 -> ResetTask.readFrom(r, config);
      case 7 -> new ElSyncProbeTask();
      case 8 -> SequenceStartTask.readFrom(r);
      case 9 -> SequenceSealTask.readFrom(r);
      default -> throw new DecodeException("unknown engine task tag " + tag);
    };
  }
}
