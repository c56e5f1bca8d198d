package dev.basalt.adapters.safedb;

import dev.basalt.core.types.BlockId;
import dev.basalt.core.types.Hash32;
import dev.basalt.core.types.L2BlockRef;
import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

/**
 * The fixed-size binary form of one {@link SafeHeadAtL1}: L1 number and hash, then the safe head's
 * hash, number, parent hash, timestamp, L1 origin hash and number, and sequence number (big-endian,
 * 168 bytes), then a CRC32C of those bytes. Fixed size lets the file be binary-searched in place
 * and a torn write be detected and cut off.
 */
final class SafeHeadRecordCodec {
  static final int BODY_BYTES = 8 + 32 + 32 + 8 + 32 + 8 + 32 + 8 + 8;
  static final int RECORD_BYTES = BODY_BYTES + 4;

  private SafeHeadRecordCodec() {}

  /** Writes the record at the buffer's position (advancing it by {@link #RECORD_BYTES}). */
  static void encode(SafeHeadAtL1 r, ByteBuffer out) {
    int start = out.position();
    L2BlockRef s = r.safeHead();
    out.putLong(r.l1Block().number()).put(r.l1Block().hash().toArray());
    out.put(s.hash().toArray()).putLong(s.number()).put(s.parentHash().toArray()).putLong(s.timestamp());
    out.put(s.l1Origin().hash().toArray()).putLong(s.l1Origin().number()).putLong(s.sequenceNumber());
    out.putInt((int) crc(out, start));
  }

  /**
   * Reads a record at the buffer's position, or returns null when its checksum or contents are
   * invalid (a torn or corrupted write).
   */
  static SafeHeadAtL1 decode(ByteBuffer in) {
    int start = in.position();
    int stored = in.getInt(start + BODY_BYTES);
    if ((int) crc(in, start) != stored) {
      return null;
    }
    try {
      long l1Number = in.getLong();
      Hash32 l1Hash = hash(in);
      Hash32 hash = hash(in);
      long number = in.getLong();
      Hash32 parent = hash(in);
      long timestamp = in.getLong();
      Hash32 originHash = hash(in);
      long originNumber = in.getLong();
      long sequence = in.getLong();
      in.getInt();
      return new SafeHeadAtL1(new BlockId(l1Hash, l1Number),
          new L2BlockRef(hash, number, parent, timestamp, new BlockId(originHash, originNumber), sequence));
    } catch (IllegalArgumentException e) {
      // A checksum match on out-of-range numbers: not something this codec wrote.
      return null;
    }
  }

  /** The L1 number of the record at {@code offset}, without checking it. */
  static long l1Number(ByteBuffer in, int offset) {
    return in.getLong(offset);
  }

  private static Hash32 hash(ByteBuffer in) {
    byte[] b = new byte[Hash32.LENGTH];
    in.get(b);
    return Hash32.wrap(b);
  }

  private static long crc(ByteBuffer buffer, int start) {
    CRC32C crc = new CRC32C();
    crc.update(buffer.duplicate().position(start).limit(start + BODY_BYTES));
    return crc.getValue();
  }
}
