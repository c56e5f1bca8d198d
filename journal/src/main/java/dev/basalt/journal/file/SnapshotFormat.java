package dev.basalt.journal.file;

import dev.basalt.core.codec.BinaryReader;
import dev.basalt.core.codec.BinaryWriter;
import dev.basalt.core.codec.DecodeException;
import dev.basalt.core.types.Bytes;
import dev.basalt.journal.Snapshot;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32C;

/**
 * Layout of one snapshot file: 8-byte magic {@code BSLTSNAP}, u8 version, i64 seq, i32 state
 * length, the state bytes, and a CRC32C over everything before it (big-endian).
 */
final class SnapshotFormat {
  static final byte[] MAGIC = "BSLTSNAP".getBytes(StandardCharsets.US_ASCII);
  static final int VERSION = 1;
  private static final int FIXED_BYTES = MAGIC.length + 1 + 8 + 4 + 4;

  private SnapshotFormat() {}

  static void encode(BinaryWriter w, Snapshot snapshot) {
    w.reset();
    w.raw(MAGIC, 0, MAGIC.length).u8(VERSION).i64(snapshot.seq()).bytes(snapshot.coreState());
    CRC32C crc = new CRC32C();
    crc.update(w.buffer(), 0, w.size());
    w.i32((int) crc.getValue());
  }

  /**
   * Decodes a whole snapshot file.
   *
   * @throws DecodeException when the magic, version, length or CRC is wrong
   */
  static Snapshot decode(byte[] file) {
    if (file.length < FIXED_BYTES) {
      throw new DecodeException("truncated: " + file.length + " bytes");
    }
    if (!Arrays.equals(file, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
      throw new DecodeException("not a snapshot file (bad magic)");
    }
    BinaryReader crcReader = new BinaryReader(file, file.length - 4, 4);
    CRC32C crc = new CRC32C();
    crc.update(file, 0, file.length - 4);
    if (crcReader.i32() != (int) crc.getValue()) {
      throw new DecodeException("CRC32C mismatch");
    }
    BinaryReader r = new BinaryReader(file, MAGIC.length, file.length - MAGIC.length - 4);
    int version = r.u8();
    if (version != VERSION) {
      throw new DecodeException("unsupported snapshot file version " + version);
    }
    long seq = r.u63("snapshot seq");
    Bytes state = r.bytes();
    r.expectEnd("snapshot file");
    return new Snapshot(seq, state);
  }
}
