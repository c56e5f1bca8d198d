package dev.basalt.testdata.batcher;

import dev.basalt.core.derive.frame.ChannelId;
import dev.basalt.core.derive.frame.Frame;
import dev.basalt.core.types.Bytes;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts closed channel data into frames no larger than {@code maxFrameBytes} on the wire (op-node's
 * {@code ChannelOut.OutputFrame}): each frame takes as much data as fits, and the frame that takes
 * the last byte is marked last. An empty channel is one empty last frame.
 */
public final class ChannelFramer {
  private ChannelFramer() {}

  public static List<Frame> frames(ChannelId id, byte[] channelData, int maxFrameBytes) {
    int maxData = Math.min(maxFrameBytes - Frame.OVERHEAD_BYTES, Frame.MAX_DATA_BYTES);
    if (maxData <= 0) {
      throw new IllegalArgumentException("max frame size " + maxFrameBytes + " leaves no room for data");
    }
    List<Frame> frames = new ArrayList<>();
    int offset = 0;
    do {
      int n = Math.min(maxData, channelData.length - offset);
      boolean last = offset + n == channelData.length;
      if (frames.size() > Frame.MAX_NUMBER) {
        throw new IllegalArgumentException("channel needs more than 65536 frames");
      }
      frames.add(new Frame(id, frames.size(), Bytes.of(channelData, offset, n), last));
      offset += n;
    } while (offset < channelData.length);
    return frames;
  }
}
