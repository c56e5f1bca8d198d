package dev.basalt.adapters.p2p.wire;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reassembles uvarint-length-prefixed messages (identify, gossipsub RPCs, multistream lines) from
 * chunks as they arrive on a stream. Holds at most one partial message of at most {@code
 * maxMessageBytes}; a longer declared length fails before anything is allocated for it.
 */
public final class LengthPrefixedReader {
  private final int maxMessageBytes;
  private byte[] buffer = new byte[0];
  private int length;

  public LengthPrefixedReader(int maxMessageBytes) {
    this.maxMessageBytes = maxMessageBytes;
  }

  /** Adds a chunk; returns the messages it completed (often none or one). */
  public List<byte[]> feed(byte[] chunk) throws WireException {
    append(chunk);
    List<byte[]> out = new ArrayList<>(1);
    int pos = 0;
    while (pos < length) {
      long size = Uvarint.decode(buffer, pos, length);
      if (size == Uvarint.INCOMPLETE) {
        break;
      }
      if (size > maxMessageBytes) {
        throw new WireException("message of " + size + " bytes exceeds the limit of " + maxMessageBytes);
      }
      int header = Uvarint.decodedLength(buffer, pos);
      if (length - pos - header < size) {
        break;
      }
      out.add(Arrays.copyOfRange(buffer, pos + header, pos + header + (int) size));
      pos += header + (int) size;
    }
    if (pos > 0) {
      System.arraycopy(buffer, pos, buffer, 0, length - pos);
      length -= pos;
    }
    if (length > maxMessageBytes + 10) {
      throw new WireException("partial message exceeds the limit of " + maxMessageBytes);
    }
    return out;
  }

  /** Bytes held for an incomplete message. */
  public int buffered() {
    return length;
  }

  /** Frames one message: uvarint length then the bytes. */
  public static byte[] frame(byte[] message) {
    byte[] out = new byte[Uvarint.size(message.length) + message.length];
    int off = Uvarint.write(out, 0, message.length);
    System.arraycopy(message, 0, out, off, message.length);
    return out;
  }

  private void append(byte[] chunk) {
    if (length + chunk.length > buffer.length) {
      buffer = Arrays.copyOf(buffer, Math.max(length + chunk.length, Math.min(buffer.length * 2, maxMessageBytes + 16)));
    }
    System.arraycopy(chunk, 0, buffer, length, chunk.length);
    length += chunk.length;
  }
}
