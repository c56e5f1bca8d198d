package dev.basalt.cli.devnet;

import dev.basalt.core.codec.BinaryReader;
import dev.basalt.core.codec.BinaryWriter;
import dev.basalt.core.codec.PayloadCodec;
import dev.basalt.testdata.world.rollup.FeedRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * The sequencing devnet's memory of its L2 chain: every {@link FeedRecord} the embedded batcher's
 * feed reported, appended to a file in the data directory, so a restart rebuilds the same L1
 * (batches included) and gives the engine back the blocks the node built. Each record is a length,
 * a CRC32C and the body; a torn tail (the process killed mid-write) is cut off at the last whole
 * record when the log is opened. Records are flushed to the file before the L1 block carrying
 * their batch is mined (the world calls the sink first), so what the node saw of L1 is rebuilt.
 */
public final class FeedLog implements AutoCloseable {
  /** The file in the devnet's data directory. */
  public static final String FILE = "devnet-l2-chain.bin";

  private static final int APPENDED = 1;
  private static final int TRUNCATED = 2;
  private static final int LABELS = 3;
  private static final int MAX_RECORD_BYTES = 64 << 20;

  private final FileChannel channel;
  private final List<FeedRecord> restored;

  private FeedLog(FileChannel channel, List<FeedRecord> restored) {
    this.channel = channel;
    this.restored = restored;
  }

  /** Opens (or creates) the log in {@code dir}, reading what it holds and cutting a torn tail. */
  public static FeedLog open(Path dir) throws IOException {
    Path file = dir.resolve(FILE);
    FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
    try {
      List<FeedRecord> records = new ArrayList<>();
      long good = read(ch, records);
      if (good < ch.size()) {
        ch.truncate(good);
      }
      ch.position(good);
      return new FeedLog(ch, List.copyOf(records));
    } catch (IOException | RuntimeException e) {
      ch.close();
      throw e;
    }
  }

  private static long read(FileChannel ch, List<FeedRecord> out) throws IOException {
    long pos = 0;
    long size = ch.size();
    ByteBuffer head = ByteBuffer.allocate(8);
    while (pos + 8 <= size) {
      head.clear();
      ch.read(head, pos);
      int length = head.getInt(0);
      int crc = head.getInt(4);
      if (length <= 0 || length > MAX_RECORD_BYTES || pos + 8 + length > size) {
        break;
      }
      ByteBuffer body = ByteBuffer.allocate(length);
      ch.read(body, pos + 8);
      CRC32C c = new CRC32C();
      c.update(body.array());
      if ((int) c.getValue() != crc) {
        break;
      }
      out.add(decode(body.array()));
      pos += 8 + length;
    }
    return pos;
  }

  /** The records of earlier runs, oldest first. */
  public List<FeedRecord> restored() {
    return restored;
  }

  /** Appends one record and flushes it to the file (called under the world's lock). */
  public void append(FeedRecord r) {
    byte[] body = encode(r);
    CRC32C c = new CRC32C();
    c.update(body);
    ByteBuffer buf = ByteBuffer.allocate(8 + body.length);
    buf.putInt(body.length).putInt((int) c.getValue()).put(body).flip();
    try {
      while (buf.hasRemaining()) {
        channel.write(buf);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the devnet's chain log", e);
    }
  }

  static byte[] encode(FeedRecord r) {
    BinaryWriter w = new BinaryWriter(256);
    switch (r) {
      case FeedRecord.Appended a -> {
        w.u8(APPENDED).i64(a.l1Timestamp());
        PayloadCodec.write(w, a.block());
      }
      case FeedRecord.Truncated t -> w.u8(TRUNCATED).i64(t.l1Timestamp()).i64(t.fromNumber());
      case FeedRecord.Labels l -> w.u8(LABELS).i64(l.l1Timestamp()).hash(l.safe()).hash(l.finalized());
    }
    return w.toByteArray();
  }

  static FeedRecord decode(byte[] body) {
    BinaryReader r = new BinaryReader(body);
    int tag = r.u8();
    long at = r.i64();
    FeedRecord out = switch (tag) {
      case APPENDED -> new FeedRecord.Appended(at, PayloadCodec.readEnvelope(r));
      case TRUNCATED -> new FeedRecord.Truncated(at, r.i64());
      case LABELS -> new FeedRecord.Labels(at, r.hash(), r.hash());
      default -> throw new IllegalArgumentException("unknown devnet chain record " + tag);
    };
    r.expectEnd("devnet chain record");
    return out;
  }

  @Override
  public void close() {
    try {
      channel.force(false);
      channel.close();
    } catch (IOException e) {
      // closing at shutdown: the data was written already
    }
  }
}
