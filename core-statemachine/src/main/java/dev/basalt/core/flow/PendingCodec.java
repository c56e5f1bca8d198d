package dev.basalt.core.flow;

import dev.basalt.core.codec.BinaryReader;
import dev.basalt.core.codec.BinaryWriter;
import dev.basalt.core.codec.DecodeException;
import dev.basalt.core.engine.ForkchoiceState;

/** Snapshot encoding of {@link Pending} purposes. Tags are stable: never reuse one. */
final class PendingCodec {
  private PendingCodec() {}

  static void write(BinaryWriter w, Pending p) {
    switch (p) {
      case Pending.L1Block b -> w.u8(1).i64(b.number());
      case Pending.EngineHeads h -> w.u8(2);
      case Pending.Forkchoice f ->
          w.u8(3).hash(f.state().headBlockHash()).hash(f.state().safeBlockHash()).hash(f.state().finalizedBlockHash());
      case Pending.RetrySyncStart r -> w.u8(4);
    }
  }

  static Pending read(BinaryReader r) {
    int tag = r.u8();
    return switch (tag) {
      case 1 -> new Pending.L1Block(r.u63("block number"));
      case 2 -> new Pending.EngineHeads();
      case 3 -> new Pending.Forkchoice(new ForkchoiceState(r.hash(), r.hash(), r.hash()));
      case 4 -> new Pending.RetrySyncStart();
      default -> throw new DecodeException("unknown pending request tag " + tag);
    };
  }
}
