package dev.basalt.journal.codec;

import dev.basalt.core.codec.BinaryReader;
import dev.basalt.core.codec.BinaryWriter;
import dev.basalt.core.codec.ValueCodec;
import dev.basalt.core.heads.SyncStatus;

/** {@link SyncStatus}: its nine block references in declaration order. */
final class SyncStatusCodec {
  private SyncStatusCodec() {}

  static void write(BinaryWriter w, SyncStatus s) {
    ValueCodec.write(w, s.currentL1());
    ValueCodec.write(w, s.headL1());
    ValueCodec.write(w, s.safeL1());
    ValueCodec.write(w, s.finalizedL1());
    ValueCodec.write(w, s.unsafeL2());
    ValueCodec.write(w, s.pendingSafeL2());
    ValueCodec.write(w, s.localSafeL2());
    ValueCodec.write(w, s.safeL2());
    ValueCodec.write(w, s.finalizedL2());
  }

  static SyncStatus read(BinaryReader r) {
    return new SyncStatus(
        ValueCodec.readL1BlockRef(r),
        ValueCodec.readL1BlockRef(r),
        ValueCodec.readL1BlockRef(r),
        ValueCodec.readL1BlockRef(r),
        ValueCodec.readL2BlockRef(r),
        ValueCodec.readL2BlockRef(r),
        ValueCodec.readL2BlockRef(r),
        ValueCodec.readL2BlockRef(r),
        ValueCodec.readL2BlockRef(r));
  }
}
