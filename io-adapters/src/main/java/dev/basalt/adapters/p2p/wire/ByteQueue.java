package dev.basalt.adapters.p2p.wire;

import java.util.Arrays;

/**
 * A FIFO of bytes for incremental parsers: bytes are appended as they arrive and taken from the
 * front once a whole unit (frame, line) is there. Not thread-safe; callers bound its size by
 * checking declared lengths before waiting for more bytes.
 */
public final class ByteQueue {
  private byte[] data = new byte[256];
  private int start;
  private int end;

  public int available() {
    return end - start;
  }

  public void append(byte[] src) {
    append(src, 0, src.length);
  }

  public void append(byte[] src, int offset, int length) {
    ensure(length);
    System.arraycopy(src, offset, data, end, length);
    end += length;
  }

  /** The byte {@code index} positions from the front (no bounds check beyond the array's). */
  public int peek(int index) {
    return data[start + index] & 0xFF;
  }

  /** Decodes a uvarint at {@code index} from the front, or {@link Uvarint#INCOMPLETE}. */
  public long peekUvarint(int index) throws WireException {
    return Uvarint.decode(data, start + index, end);
  }

  public int uvarintLength(int index) {
    return Uvarint.decodedLength(data, start + index);
  }

  public byte[] take(int n) {
    if (n > available()) {
      throw new IllegalArgumentException("take " + n + " of " + available());
    }
    byte[] out = Arrays.copyOfRange(data, start, start + n);
    skip(n);
    return out;
  }

  public void skip(int n) {
    start += n;
    if (start == end) {
      start = 0;
      end = 0;
    }
  }

  public byte[] takeAll() {
    return take(available());
  }

  /** Direct access for zero-copy reads: the backing array, valid from {@link #readOffset()}. */
  public byte[] array() {
    return data;
  }

  public int readOffset() {
    return start;
  }

  private void ensure(int extra) {
    if (end + extra <= data.length) {
      return;
    }
    int live = end - start;
    if (live + extra <= data.length && start > data.length / 2) {
      System.arraycopy(data, start, data, 0, live);
    } else {
      byte[] bigger = new byte[Math.max(data.length * 2, live + extra)];
      System.arraycopy(data, start, bigger, 0, live);
      data = bigger;
    }
    start = 0;
    end = live;
  }
}
