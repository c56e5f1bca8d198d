package dev.basalt.core.derive.frame;

import dev.basalt.core.types.Bytes;
import java.util.Objects;

/**
 * One channel frame: {@code channel_id ++ frame_number(u16) ++ frame_data_length(u32) ++
 * frame_data ++ is_last(u8)}, all big-endian.
 *
 * @param number the frame's index within its channel, 0..65535
 * @param data a chunk of the channel's compressed bytes, at most {@link #MAX_DATA_BYTES}
 * @param isLast true when this frame closes the channel
 */
public record Frame(ChannelId channelId, int number, Bytes data, boolean isLast) {
  /** op-node's {@code MaxFrameLen}: larger frames are invalid (the spec caps data at 1,000,000). */
  public static final int MAX_DATA_BYTES = 1_000_000;

  /** Fixed bytes around the data: 16 (id) + 2 (number) + 4 (length) + 1 (is_last). */
  public static final int OVERHEAD_BYTES = ChannelId.LENGTH + 2 + 4 + 1;

  /** Largest frame number a u16 can carry. */
  public static final int MAX_NUMBER = 0xffff;

  public Frame {
    Objects.requireNonNull(channelId, "channelId");
    Objects.requireNonNull(data, "data");
    if (number < 0 || number > MAX_NUMBER) {
      throw new IllegalArgumentException("frame number out of u16 range: " + number);
    }
    if (data.length() > MAX_DATA_BYTES) {
      throw new IllegalArgumentException("frame data of " + data.length() + " bytes exceeds " + MAX_DATA_BYTES);
    }
  }

  /** Size of this frame on the wire. */
  public int encodedLength() {
    return OVERHEAD_BYTES + data.length();
  }

  /** Writes the wire form at {@code offset}; returns the offset just past it. */
  public int writeTo(byte[] out, int offset) {
    channelId.copyTo(out, offset);
    int p = offset + ChannelId.LENGTH;
    out[p++] = (byte) (number >>> 8);
    out[p++] = (byte) number;
    int length = data.length();
    out[p++] = (byte) (length >>> 24);
    out[p++] = (byte) (length >>> 16);
    out[p++] = (byte) (length >>> 8);
    out[p++] = (byte) length;
    data.copyTo(out, p);
    p += length;
    out[p++] = (byte) (isLast ? 1 : 0);
    return p;
  }

  /** The wire form alone. */
  public byte[] encode() {
    byte[] out = new byte[encodedLength()];
    writeTo(out, 0);
    return out;
  }

  @Override
  public String toString() {
    return "Frame[" + channelId + " #" + number + ", " + data.length() + " bytes" + (isLast ? ", last]" : "]");
  }
}
