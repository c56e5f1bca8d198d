package dev.basalt.journal.frame;

import dev.basalt.journal.JournalCorruptException;

/**
 * The fixed fields in front of a record's payload, parsed with the length checks that must pass
 * before the CRC can even be located.
 */
record RecordHead(RecordKind kind, int tag, int version, long seq, long ingestMillis, int payloadBytes) {

  static RecordHead parse(String stream, long index, byte[] buf, int off, int len) {
    if (off < 0 || len < 0 || off + len > buf.length) {
      throw new IllegalArgumentException("bad range " + off + "+" + len + " of " + buf.length);
    }
    if (len == 0) {
      throw new JournalCorruptException(stream, index, "truncated: empty record");
    }
    int code = buf[off] & 0xff;
    RecordKind kind = RecordKind.fromCode(code);
    if (kind == null) {
      throw new JournalCorruptException(stream, index, "unknown record kind " + code);
    }
    int headerBytes = kind.headerBytes();
    if (len < headerBytes + RecordFormat.CRC_BYTES) {
      throw new JournalCorruptException(
          stream,
          index,
          "truncated: "
              + len
              + " bytes, a "
              + kind
              + " record needs at least "
              + (headerBytes + RecordFormat.CRC_BYTES));
    }
    int payloadBytes = RecordFormat.readI32(buf, off + headerBytes - 4);
    long announced = (long) headerBytes + payloadBytes + RecordFormat.CRC_BYTES;
    if (payloadBytes < 0) {
      throw new JournalCorruptException(stream, index, "length mismatch: negative payload length " + payloadBytes);
    }
    if (len < announced) {
      throw new JournalCorruptException(
          stream, index, "truncated: record has " + len + " bytes, its header announces " + announced);
    }
    if (len > announced) {
      throw new JournalCorruptException(
          stream, index, "length mismatch: record has " + len + " bytes, its header announces " + announced);
    }
    int tag = ((buf[off + 1] & 0xff) << 8) | (buf[off + 2] & 0xff);
    int version = buf[off + 3] & 0xff;
    long seq = RecordFormat.readI64(buf, off + 4);
    long ingestMillis = kind.hasIngestMillis() ? RecordFormat.readI64(buf, off + 12) : 0;
    return new RecordHead(kind, tag, version, seq, ingestMillis, payloadBytes);
  }
}
