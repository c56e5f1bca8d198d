package dev.basalt.cli.tools;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.basalt.core.derive.frame.BatcherTxData;
import dev.basalt.core.derive.frame.ChannelId;
import dev.basalt.core.derive.frame.Frame;
import dev.basalt.core.derive.frame.FrameParseResult;
import dev.basalt.core.derive.frame.FrameParser;
import java.util.List;

/** Batcher data (version byte, then frames) through the core's {@link FrameParser}, as JSON. */
final class FramesJson {
  /** Bytes before a frame's data: channel id, frame number (u16), data length (u32). */
  private static final int HEADER_BYTES = ChannelId.LENGTH + 2 + 4;

  private FramesJson() {}

  /**
   * The frames of {@code data}.
   *
   * @param source names the data in messages ("calldata", "blob data")
   * @throws BadInputException when the data is not version-0 batcher data, naming the bad frame
   */
  static List<Frame> parse(byte[] data, String source) {
    if (data.length > 0 && (data[0] & 0xff) == 1) {
      throw new BadInputException(source + ": derivation version 1 is an Alt-DA commitment, not frames");
    }
    return switch (FrameParser.parse(data)) {
      case FrameParseResult.Parsed p -> p.frames();
      case FrameParseResult.Rejected r -> throw new BadInputException(source + ": " + r.reason());
    };
  }

  /** {@code {channelId, frameNumber, dataOffset, dataLength, isLast}} per frame, offsets into the batcher data. */
  static ArrayNode render(List<Frame> frames) {
    ArrayNode out = ToolJson.array();
    int offset = 1;
    for (Frame f : frames) {
      ObjectNode frame = out.addObject();
      frame.put("channelId", f.channelId().toHex());
      frame.put("frameNumber", f.number());
      frame.put("dataOffset", offset + HEADER_BYTES);
      frame.put("dataLength", f.data().length());
      frame.put("isLast", f.isLast());
      offset += f.encodedLength();
    }
    return out;
  }

  /** {@code derivationVersion}, {@code frameCount} and {@code frames} added to {@code out}. */
  static void addTo(ObjectNode out, List<Frame> frames) {
    out.put("derivationVersion", BatcherTxData.DERIVATION_VERSION_0);
    out.put("frameCount", frames.size());
    out.set("frames", render(frames));
  }
}
