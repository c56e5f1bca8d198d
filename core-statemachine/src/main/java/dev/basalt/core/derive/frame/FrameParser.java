package dev.basalt.core.derive.frame;

import dev.basalt.core.codec.DecodeException;
import dev.basalt.core.types.Bytes;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits batcher transaction data ({@code derivation_version ++ frame ...}) into frames, the way
 * op-node's {@code ParseFrames} does: version byte must be 0, every frame must parse, no byte may be
 * left over and there must be at least one frame; otherwise the whole transaction is rejected.
 */
public final class FrameParser {
  private FrameParser() {}

  /** Parses one transaction's data; never throws on malformed input. */
  public static FrameParseResult parse(byte[] txData) {
    if (txData.length == 0) {
      return new FrameParseResult.Rejected("empty batcher transaction data");
    }
    int version = txData[0] & 0xff;
    if (version != BatcherTxData.DERIVATION_VERSION_0) {
      return new FrameParseResult.Rejected("unknown derivation version " + version);
    }
    List<Frame> frames = new ArrayList<>();
    int pos = 1;
    try {
      while (pos < txData.length) {
        pos = readFrame(txData, pos, frames);
      }
    } catch (DecodeException e) {
      return new FrameParseResult.Rejected("frame " + frames.size() + ": " + e.getMessage());
    }
    if (frames.isEmpty()) {
      return new FrameParseResult.Rejected("no frames after the version byte");
    }
    return new FrameParseResult.Parsed(frames);
  }

  /** Decodes the frame at {@code pos}, appends it and returns the offset after it. */
  static int readFrame(byte[] in, int pos, List<Frame> out) {
    need(in, pos, ChannelId.LENGTH + 2 + 4, "frame header");
    ChannelId id = ChannelId.wrap(in, pos);
    int p = pos + ChannelId.LENGTH;
    int number = ((in[p] & 0xff) << 8) | (in[p + 1] & 0xff);
    p += 2;
    long length =
        ((long) (in[p] & 0xff) << 24) | ((in[p + 1] & 0xff) << 16) | ((in[p + 2] & 0xff) << 8) | (in[p + 3] & 0xff);
    p += 4;
    // The cap comes first, as in op-node, so a huge claimed length is refused before any read.
    if (length > Frame.MAX_DATA_BYTES) {
      throw new DecodeException("frame_data_length " + length + " exceeds " + Frame.MAX_DATA_BYTES + " at offset " + pos);
    }
    need(in, p, (int) length + 1, "frame data and is_last");
    Bytes data = Bytes.of(in, p, (int) length);
    p += (int) length;
    int isLast = in[p++] & 0xff;
    if (isLast > 1) {
      throw new DecodeException("is_last byte " + isLast + " is neither 0 nor 1 at offset " + (p - 1));
    }
    out.add(new Frame(id, number, data, isLast == 1));
    return p;
  }

  private static void need(byte[] in, int pos, int n, String what) {
    if (n > in.length - pos) {
      throw new DecodeException("truncated " + what + ": needs " + n + " bytes at offset " + pos + ", " + (in.length - pos) + " left");
    }
  }
}
