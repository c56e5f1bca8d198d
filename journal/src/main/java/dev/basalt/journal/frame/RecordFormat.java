package dev.basalt.journal.frame;

import dev.basalt.core.codec.BinaryReader;
import dev.basalt.core.codec.BinaryWriter;
import dev.basalt.core.codec.DecodeException;
import dev.basalt.core.event.InputEvent;
import dev.basalt.journal.InputRecord;
import dev.basalt.journal.JournalCorruptException;
import dev.basalt.journal.JournalHeader;
import dev.basalt.journal.OutputRecord;
import dev.basalt.journal.codec.EventCodec;
import dev.basalt.journal.codec.HeaderCodec;
import dev.basalt.journal.codec.OutputCodec;
import java.util.zip.CRC32C;

/**
 * The byte layout of one journal record, as pure functions over byte arrays (no storage engine):
 *
 * <pre>
 *   u8  kind            {@link RecordKind} code
 *   u16 type tag        event tag for inputs, {@link OutputCodec#TAG} / {@link HeaderCodec#TAG} otherwise
 *   u8  version         codec version of that type
 *   i64 seq             input seq (inputs and outputs), 0 for headers
 *   i64 ingest millis   inputs only
 *   i32 payload length
 *   ... payload
 *   i32 CRC32C          over every byte before it
 * </pre>
 *
 * All integers are big-endian. {@link #decode} checks every field and reports any failure as a
 * {@link JournalCorruptException} naming the record's stream and index.
 */
public final class RecordFormat {
  /** The journal format this build writes and reads ({@link JournalHeader#formatVersion()}). */
  public static final int FORMAT_VERSION = 1;

  static final int CRC_BYTES = 4;

  private RecordFormat() {}

  /** Encodes an input record into {@code w} (after resetting it). */
  public static void encodeInput(BinaryWriter w, long seq, long ingestMillis, InputEvent event) {
    int lengthAt = begin(w, RecordKind.INPUT, EventCodec.tag(event), EventCodec.version(event), seq, ingestMillis);
    EventCodec.encode(w, event);
    finish(w, lengthAt);
  }

  /** Encodes an output record into {@code w} (after resetting it). */
  public static void encodeOutput(BinaryWriter w, OutputRecord record) {
    int lengthAt = begin(w, RecordKind.OUTPUT, OutputCodec.TAG, OutputCodec.CURRENT_VERSION, record.inputSeq(), 0);
    OutputCodec.encode(w, record);
    finish(w, lengthAt);
  }

  /** Encodes a header record into {@code w} (after resetting it). */
  public static void encodeHeader(BinaryWriter w, JournalHeader header) {
    int lengthAt = begin(w, RecordKind.HEADER, HeaderCodec.TAG, HeaderCodec.CURRENT_VERSION, 0, 0);
    HeaderCodec.encode(w, header);
    finish(w, lengthAt);
  }

  /**
   * Encodes a record with arbitrary fields and a correct CRC, for tests and tools that need records
   * this build would never write (unknown tags, future versions).
   */
  public static void encodeRaw(
      BinaryWriter w, RecordKind kind, int tag, int version, long seq, long ingestMillis, byte[] payload) {
    int lengthAt = begin(w, kind, tag, version, seq, ingestMillis);
    w.raw(payload, 0, payload.length);
    finish(w, lengthAt);
  }

  private static int begin(BinaryWriter w, RecordKind kind, int tag, int version, long seq, long ingestMillis) {
    w.reset();
    w.u8(kind.code()).u8(tag >>> 8).u8(tag).u8(version).i64(seq);
    if (kind.hasIngestMillis()) {
      w.i64(ingestMillis);
    }
    int lengthAt = w.size();
    w.i32(0);
    return lengthAt;
  }

  private static void finish(BinaryWriter w, int lengthAt) {
    w.patchI32(lengthAt, w.size() - lengthAt - 4);
    CRC32C crc = new CRC32C();
    crc.update(w.buffer(), 0, w.size());
    w.i32((int) crc.getValue());
  }

  /**
   * Decodes and checks one record occupying exactly {@code buf[off, off + len)}.
   *
   * @param stream {@code "inputs"} or {@code "outputs"}, for the exception
   * @param index the record's storage index, for the exception
   * @throws JournalCorruptException when the record is truncated, longer than announced, fails its
   *     CRC, has an unknown kind or type tag, an unsupported version, or a malformed payload
   */
  public static DecodedRecord decode(String stream, long index, byte[] buf, int off, int len) {
    RecordHead head = RecordHead.parse(stream, index, buf, off, len);
    int stored = readI32(buf, off + len - CRC_BYTES);
    CRC32C crc = new CRC32C();
    crc.update(buf, off, len - CRC_BYTES);
    if (stored != (int) crc.getValue()) {
      throw new JournalCorruptException(
          stream,
          index,
          "CRC32C mismatch: stored " + Integer.toHexString(stored) + ", computed " + Long.toHexString(crc.getValue()));
    }
    if (head.seq() < 0 || (head.kind() == RecordKind.HEADER && head.seq() != 0)) {
      throw new JournalCorruptException(
          stream, index, "bad sequence number " + head.seq() + " in a " + head.kind() + " record");
    }
    BinaryReader payload = new BinaryReader(buf, off + head.kind().headerBytes(), head.payloadBytes());
    try {
      return switch (head.kind()) {
        case HEADER -> new DecodedRecord.Header(HeaderCodec.decode(head.tag(), head.version(), payload));
        case INPUT -> {
          InputEvent event = EventCodec.decode(head.tag(), head.version(), payload);
          yield new DecodedRecord.Input(new InputRecord(head.seq(), head.ingestMillis(), event));
        }
        case OUTPUT ->
            new DecodedRecord.Output(OutputCodec.decode(head.tag(), head.version(), head.seq(), payload));
      };
    } catch (DecodeException e) {
      throw new JournalCorruptException(stream, index, head.kind() + " payload: " + e.getMessage());
    }
  }

  static int readI32(byte[] buf, int at) {
    return ((buf[at] & 0xff) << 24) | ((buf[at + 1] & 0xff) << 16) | ((buf[at + 2] & 0xff) << 8) | (buf[at + 3] & 0xff);
  }

  static long readI64(byte[] buf, int at) {
    return ((long) readI32(buf, at) << 32) | (readI32(buf, at + 4) & 0xffffffffL);
  }
}
