package dev.basalt.adapters.safedb;

import static dev.basalt.adapters.safedb.SafeHeadRecordCodec.RECORD_BYTES;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The safe-head database file: a 16-byte header ({@code BSLTSAFE}, format version, record size)
 * followed by fixed-size records sorted by strictly increasing L1 number.
 *
 * <p>Crash safety: the file is created whole (temp file, fsync, atomic rename); every change is
 * fsynced before it counts; opening keeps the longest valid prefix (each record's CRC holds and
 * L1 numbers increase) and cuts off the rest, so a torn append or overwrite costs at most the
 * last record. Truncation (rewinds) is a single metadata change, atomic on the file systems a node
 * runs on, so unlike a rewrite it needs no copy of the file.
 *
 * <p>Not thread-safe for writes: {@link FileSafeHeadStore} serializes them. Positional reads may
 * run concurrently with each other.
 */
final class SafeHeadFile implements Closeable {
  private static final Logger LOG = LoggerFactory.getLogger(SafeHeadFile.class);
  private static final byte[] MAGIC = "BSLTSAFE".getBytes(StandardCharsets.US_ASCII);
  private static final int VERSION = 1;
  static final int HEADER_BYTES = 16;
  /** Records read per chunk while scanning on open. */
  private static final int SCAN_RECORDS = 512;

  private final Path path;
  private final FileChannel channel;
  private long count;
  private final long droppedBytes;

  private SafeHeadFile(Path path, FileChannel channel, long count, long droppedBytes) {
    this.path = path;
    this.channel = channel;
    this.count = count;
    this.droppedBytes = droppedBytes;
  }

  /** Opens (creating it if missing) and recovers the valid prefix. */
  static SafeHeadFile open(Path path) throws IOException {
    if (!Files.exists(path)) {
      create(path);
    }
    FileChannel channel = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE);
    try {
      checkHeader(path, channel);
      long valid = scan(channel);
      long keep = HEADER_BYTES + valid * RECORD_BYTES;
      long dropped = channel.size() - keep;
      if (dropped > 0) {
        LOG.warn("safe-head database {}: dropping {} bytes after {} valid records (an interrupted write)", path, dropped, valid);
        channel.truncate(keep);
        channel.force(true);
      }
      return new SafeHeadFile(path, channel, valid, dropped);
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }

  private static void create(Path path) throws IOException {
    Path absolute = path.toAbsolutePath();
    Files.createDirectories(absolute.getParent());
    Path tmp = absolute.resolveSibling(absolute.getFileName() + ".tmp");
    ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES).put(MAGIC).putInt(VERSION).putInt(RECORD_BYTES).flip();
    try (FileChannel c = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
        StandardOpenOption.WRITE)) {
      writeFully(c, header, 0);
      c.force(true);
    }
    Files.move(tmp, absolute, StandardCopyOption.ATOMIC_MOVE);
    syncDirectory(absolute.getParent());
  }

  private static void checkHeader(Path path, FileChannel channel) throws IOException {
    ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES);
    channel.read(header, 0);
    header.flip();
    byte[] magic = new byte[Math.min(MAGIC.length, header.remaining())];
    header.get(magic);
    if (!Arrays.equals(MAGIC, magic)) {
      throw new IOException(path + " is not a Basalt safe-head database (no BSLTSAFE header)");
    }
    if (header.remaining() < 8) {
      throw new IOException(path + ": truncated safe-head database header");
    }
    int version = header.getInt();
    int recordBytes = header.getInt();
    if (version != VERSION || recordBytes != RECORD_BYTES) {
      throw new IOException(path + ": safe-head database format " + version + " with " + recordBytes
          + "-byte records; this Basalt reads format " + VERSION + " with " + RECORD_BYTES);
    }
  }

  /** The number of leading records that are valid and in order. */
  private static long scan(FileChannel channel) throws IOException {
    long available = (channel.size() - HEADER_BYTES) / RECORD_BYTES;
    ByteBuffer chunk = ByteBuffer.allocate(SCAN_RECORDS * RECORD_BYTES);
    long valid = 0;
    long lastL1 = -1;
    while (valid < available) {
      int n = (int) Math.min(SCAN_RECORDS, available - valid);
      chunk.clear().limit(n * RECORD_BYTES);
      readFully(channel, chunk, HEADER_BYTES + valid * RECORD_BYTES);
      for (int i = 0; i < n; i++) {
        chunk.position(i * RECORD_BYTES);
        SafeHeadAtL1 r = SafeHeadRecordCodec.decode(chunk);
        if (r == null || r.l1Block().number() <= lastL1) {
          return valid;
        }
        lastL1 = r.l1Block().number();
        valid++;
      }
    }
    return valid;
  }

  long count() {
    return count;
  }

  /** Bytes cut off when the file was opened (0 after a clean shutdown). */
  long droppedBytes() {
    return droppedBytes;
  }

  /** The record at {@code index} (below {@link #count()}), its checksum verified. */
  SafeHeadAtL1 read(long index) throws IOException {
    ByteBuffer b = ByteBuffer.allocate(RECORD_BYTES);
    readFully(channel, b, offset(index));
    b.flip();
    SafeHeadAtL1 r = SafeHeadRecordCodec.decode(b);
    if (r == null) {
      throw new IOException(path + ": safe-head record " + index + " is corrupt");
    }
    return r;
  }

  /** The index of the first record with an L1 number of at least {@code l1Number} ({@link #count()} if none). */
  long firstAtOrAbove(long l1Number) throws IOException {
    long lo = 0;
    long hi = count;
    ByteBuffer b = ByteBuffer.allocate(8);
    while (lo < hi) {
      long mid = (lo + hi) >>> 1;
      b.clear();
      readFully(channel, b, offset(mid));
      if (SafeHeadRecordCodec.l1Number(b, 0) < l1Number) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  void append(SafeHeadAtL1 r) throws IOException {
    write(count, r);
    count++;
  }

  void overwrite(long index, SafeHeadAtL1 r) throws IOException {
    write(index, r);
  }

  /** Keeps the first {@code newCount} records. */
  void truncate(long newCount) throws IOException {
    channel.truncate(offset(newCount));
    channel.force(true);
    count = newCount;
  }

  private void write(long index, SafeHeadAtL1 r) throws IOException {
    ByteBuffer b = ByteBuffer.allocate(RECORD_BYTES);
    SafeHeadRecordCodec.encode(r, b);
    writeFully(channel, b.flip(), offset(index));
    channel.force(false);
  }

  private static long offset(long index) {
    return HEADER_BYTES + index * RECORD_BYTES;
  }

  private static void readFully(FileChannel c, ByteBuffer b, long position) throws IOException {
    long at = position;
    while (b.hasRemaining()) {
      int n = c.read(b, at);
      if (n < 0) {
        throw new EOFException("safe-head database ends at " + at);
      }
      at += n;
    }
  }

  private static void writeFully(FileChannel c, ByteBuffer b, long position) throws IOException {
    long at = position;
    while (b.hasRemaining()) {
      at += c.write(b, at);
    }
  }

  /** Makes a rename durable; some platforms cannot open directories, and then the rename is as durable as it gets. */
  private static void syncDirectory(Path dir) {
    try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
      d.force(true);
    } catch (IOException e) {
      LOG.debug("cannot fsync directory {}: {}", dir, e.toString());
    }
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }
}
