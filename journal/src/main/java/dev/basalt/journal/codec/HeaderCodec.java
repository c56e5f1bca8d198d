package dev.basalt.journal.codec;

import dev.basalt.core.codec.BinaryReader;
import dev.basalt.core.codec.BinaryWriter;
import dev.basalt.core.codec.DecodeException;
import dev.basalt.journal.JournalHeader;

/** Payload of a journal header record (also stored in the journal's metadata file). */
public final class HeaderCodec {
  /** Header records have a single type; its tag in the frame. */
  public static final int TAG = 1;

  public static final int CURRENT_VERSION = 1;

  private HeaderCodec() {}

  public static void encode(BinaryWriter w, JournalHeader header) {
    w.i32(header.formatVersion())
        .string(header.nodeVersion())
        .i64(header.l2ChainId())
        .hash(header.configHash())
        .i64(header.createdMillis());
  }

  /** Reads the header fields; the caller checks that nothing follows if the header stands alone. */
  public static JournalHeader decodeFields(BinaryReader r) {
    return new JournalHeader(r.i32(), r.string(), r.i64(), r.hash(), r.i64());
  }

  /** Reads a header record payload of type {@code tag} at {@code version}. */
  public static JournalHeader decode(int tag, int version, BinaryReader r) {
    if (tag != TAG) {
      throw new DecodeException("unknown header record type tag " + tag);
    }
    CodecSupport.checkVersion("header record", "JournalHeader", tag, version, CURRENT_VERSION);
    JournalHeader header = decodeFields(r);
    r.expectEnd("journal header");
    return header;
  }
}
