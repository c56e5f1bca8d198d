package dev.basalt.core.derive.channel;

import java.util.zip.Adler32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * RFC 1950 zlib over the JDK's raw inflater. The two-byte header and the Adler-32 trailer are
 * checked here, as Go's {@code compress/zlib} checks them, so every decompressed byte reaches the
 * reader before a bad trailer is reported (Go also hands out the data first and the error after).
 */
final class ZlibStream implements DecompressedStream {
  private final byte[] in;
  private final Inflater inflater = new Inflater(true);
  private final Adler32 adler = new Adler32();
  private boolean done;
  private String failure;

  private ZlibStream(byte[] in) {
    this.in = in;
    inflater.setInput(in, 2, in.length - 2);
  }

  /** Checks the zlib header the way Go's {@code zlib.NewReader} does, then starts inflating. */
  static DecompressedStream open(byte[] in) {
    if (in.length < 2) {
      return DecompressedStream.failed("zlib header cut short");
    }
    int cmf = in[0] & 0xff;
    int flg = in[1] & 0xff;
    if ((cmf & 0x0f) != 8) {
      return DecompressedStream.failed("zlib compression method " + (cmf & 0x0f) + " is not deflate");
    }
    if ((cmf >>> 4) > 7) {
      return DecompressedStream.failed("zlib window size field " + (cmf >>> 4) + " over 7");
    }
    if (((cmf << 8) | flg) % 31 != 0) {
      return DecompressedStream.failed("zlib header check bits wrong");
    }
    if ((flg & 0x20) != 0) {
      return DecompressedStream.failed("zlib preset dictionary is not allowed");
    }
    return new ZlibStream(in);
  }

  @Override
  public int read(byte[] out, int off, int len) {
    if (done) {
      return -1;
    }
    long readBefore = inflater.getBytesRead();
    while (true) {
      int n;
      try {
        n = inflater.inflate(out, off, len);
      } catch (DataFormatException e) {
        return fail("corrupt deflate data: " + e.getMessage());
      }
      if (n > 0) {
        adler.update(out, off, n);
        return n;
      }
      if (inflater.finished()) {
        return finish();
      }
      if (inflater.needsInput() || inflater.needsDictionary()) {
        return fail("deflate data cut short");
      }
      if (inflater.getBytesRead() == readBefore) {
        // Neither output nor input moved: never loop on a stuck decoder.
        return fail("inflater made no progress");
      }
      readBefore = inflater.getBytesRead();
    }
  }

  /** The deflate stream is complete: the next four bytes must be the big-endian Adler-32. */
  private int finish() {
    long trailerAt = 2 + inflater.getBytesRead();
    if (trailerAt + 4 > in.length) {
      return fail("zlib checksum missing");
    }
    int t = (int) trailerAt;
    long expected =
        ((long) (in[t] & 0xff) << 24) | ((in[t + 1] & 0xff) << 16) | ((in[t + 2] & 0xff) << 8) | (in[t + 3] & 0xff);
    if (expected != adler.getValue()) {
      return fail("zlib checksum mismatch");
    }
    // Bytes after the trailer are ignored, as Go's zlib reader ignores them.
    close();
    return -1;
  }

  private int fail(String why) {
    failure = why;
    close();
    return -1;
  }

  @Override
  public String failure() {
    return failure;
  }

  @Override
  public void close() {
    if (!done) {
      done = true;
      inflater.end();
    }
  }
}
