package dev.basalt.cli.tools;

import dev.basalt.core.derive.frame.ChannelId;
import dev.basalt.core.derive.frame.Frame;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The channels one batcher transaction's frames complete on their own. A channel is complete when
 * its first {@code is_last} frame has number {@code k} and frames {@code 0..k} are all present;
 * a repeated frame number keeps the first frame, as op-node does. Frames from earlier
 * transactions are not known here, so a channel that needs them is reported as incomplete, with
 * the reason; the tool does not try to be a channel bank (timeouts, Holocene ordering).
 *
 * @param data the channel's compressed bytes (frames concatenated), or null when incomplete
 * @param missing why the channel is incomplete, or null
 */
record ChannelAssembly(ChannelId id, List<Integer> frameNumbers, byte[] data, String missing) {
  boolean complete() {
    return data != null;
  }

  /** One entry per channel id, in the order the channels first appear. */
  static List<ChannelAssembly> of(List<Frame> frames) {
    Map<ChannelId, List<Frame>> byChannel = new LinkedHashMap<>();
    for (Frame f : frames) {
      byChannel.computeIfAbsent(f.channelId(), k -> new ArrayList<>()).add(f);
    }
    List<ChannelAssembly> out = new ArrayList<>();
    for (Map.Entry<ChannelId, List<Frame>> e : byChannel.entrySet()) {
      out.add(assemble(e.getKey(), e.getValue()));
    }
    return out;
  }

  private static ChannelAssembly assemble(ChannelId id, List<Frame> frames) {
    TreeMap<Integer, Frame> byNumber = new TreeMap<>();
    Integer last = null;
    for (Frame f : frames) {
      byNumber.putIfAbsent(f.number(), f);
      if (f.isLast() && last == null) {
        last = f.number();
      }
    }
    List<Integer> numbers = new ArrayList<>(byNumber.keySet());
    if (last == null) {
      return new ChannelAssembly(id, numbers, null, "no frame of this channel here is marked is_last");
    }
    ByteArrayOutputStream data = new ByteArrayOutputStream();
    for (int n = 0; n <= last; n++) {
      Frame f = byNumber.get(n);
      if (f == null) {
        return new ChannelAssembly(id, numbers, null, "frame " + n + " is not in this transaction");
      }
      data.writeBytes(f.data().toArray());
    }
    return new ChannelAssembly(id, numbers, data.toByteArray(), null);
  }
}
