package dev.basalt.core.flow;

import dev.basalt.core.codec.BinaryReader;
import dev.basalt.core.codec.BinaryWriter;
import dev.basalt.core.codec.DecodeException;

/**
 * Snapshot encoding of {@link Pending} purposes. Tags are stable: never reuse one. Tags 1-4 were
 * the spine's purposes (head fetch, engine heads, forkchoice, sync-start retry), retired with
 * snapshot version 1.
 */
final class PendingCodec {
  private static final EngineCallKind[] CALLS = EngineCallKind.values();
  private static final WakeupPurpose[] WAKEUPS = WakeupPurpose.values();

  private PendingCodec() {}

  static void write(BinaryWriter w, Pending p) {
    switch (p) {
      case Pending.EngineCall c -> w.u8(5).u8(c.kind().ordinal());
      case Pending.DeriveL1Block b -> w.u8(6).i64(b.number());
      case Pending.DeriveBlobs b -> w.u8(7).i64(b.l1Number());
      case Pending.DeriveL2Block b -> w.u8(8).i64(b.number());
      case Pending.FinalityL1Block b -> w.u8(9).i64(b.number());
      case Pending.Wakeup wakeup -> w.u8(10).u8(wakeup.purpose().ordinal());
      case Pending.SequencerL1Block b -> w.u8(11).i64(b.number());
      case Pending.SequencerLeaderCheck c -> w.u8(12).i64(c.requestId()).hash(c.head());
    }
  }

  static Pending read(BinaryReader r) {
    int tag = r.u8();
    return switch (tag) {
      case 5 -> new Pending.EngineCall(r.enumValue(CALLS, "engine call"));
      case 6 -> new Pending.DeriveL1Block(r.u63("block number"));
      case 7 -> new Pending.DeriveBlobs(r.u63("block number"));
      case 8 -> new Pending.DeriveL2Block(r.u63("block number"));
      case 9 -> new Pending.FinalityL1Block(r.u63("block number"));
      case 10 -> new Pending.Wakeup(r.enumValue(WAKEUPS, "wakeup purpose"));
      case 11 -> new Pending.SequencerL1Block(r.u63("block number"));
      case 12 -> new Pending.SequencerLeaderCheck(r.i64(), r.hash());
      default -> throw new DecodeException("unknown pending request tag " + tag);
    };
  }
}
