package dev.basalt.journal.chronicle;

import dev.basalt.core.codec.BinaryReader;
import dev.basalt.core.codec.BinaryWriter;
import dev.basalt.core.codec.DecodeException;
import dev.basalt.journal.JournalHeader;
import dev.basalt.journal.codec.HeaderCodec;
import dev.basalt.journal.file.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * Reads and atomically writes {@code journal.meta}: 8-byte magic {@code BSLTJRNL}, u8 version,
 * the header, the first retained input seq, the tail cuts, and a CRC32C over all of it.
 */
final class JournalMetaFile {
  static final String NAME = "journal.meta";
  private static final byte[] MAGIC = "BSLTJRNL".getBytes(StandardCharsets.US_ASCII);
  private static final int VERSION = 1;
  private static final int MAX_CUTS = 1_000_000;

  private JournalMetaFile() {}

  static void write(Path file, JournalMeta meta) {
    BinaryWriter w = new BinaryWriter(512);
    w.raw(MAGIC, 0, MAGIC.length).u8(VERSION);
    HeaderCodec.encode(w, meta.header());
    w.i64(meta.firstInputSeq()).i32(meta.cuts().size());
    for (CutRange cut : meta.cuts()) {
      w.u8(streamCode(cut.stream())).i64(cut.fromIndex()).i64(cut.toIndex()).i64(cut.recordsDiscarded());
      w.string(cut.reason());
    }
    CRC32C crc = new CRC32C();
    crc.update(w.buffer(), 0, w.size());
    w.i32((int) crc.getValue());
    AtomicFiles.write(file, w.buffer(), w.size());
  }

  /**
   * Reads the file.
   *
   * @throws IllegalStateException naming the file when it is unreadable or fails its checks
   */
  static JournalMeta read(Path file) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    try {
      return decode(bytes);
    } catch (DecodeException | IllegalArgumentException e) {
      throw new IllegalStateException(file + " is corrupt: " + e.getMessage(), e);
    }
  }

  private static JournalMeta decode(byte[] bytes) {
    if (bytes.length < MAGIC.length + 5 || !Arrays.equals(bytes, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
      throw new DecodeException("not a journal metadata file (bad magic or too short)");
    }
    CRC32C crc = new CRC32C();
    crc.update(bytes, 0, bytes.length - 4);
    if (new BinaryReader(bytes, bytes.length - 4, 4).i32() != (int) crc.getValue()) {
      throw new DecodeException("CRC32C mismatch");
    }
    BinaryReader r = new BinaryReader(bytes, MAGIC.length, bytes.length - MAGIC.length - 4);
    int version = r.u8();
    if (version != VERSION) {
      throw new DecodeException("unsupported journal metadata version " + version);
    }
    JournalHeader header = HeaderCodec.decodeFields(r);
    long firstInputSeq = r.u63("first input seq");
    int count = r.count(Math.min(MAX_CUTS, r.remaining() / 25), "cut count");
    List<CutRange> cuts = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      String stream = streamName(r.u8());
      cuts.add(new CutRange(stream, r.i64(), r.i64(), r.u63("records discarded"), r.string()));
    }
    r.expectEnd("journal metadata");
    return new JournalMeta(header, firstInputSeq, cuts);
  }

  private static int streamCode(String stream) {
    return switch (stream) {
      case QueueStream.INPUTS -> 1;
      case QueueStream.OUTPUTS -> 2;
      default -> throw new IllegalArgumentException("unknown stream " + stream);
    };
  }

  private static String streamName(int code) {
    return switch (code) {
      case 1 -> QueueStream.INPUTS;
      case 2 -> QueueStream.OUTPUTS;
      default -> throw new DecodeException("unknown stream code " + code);
    };
  }
}
