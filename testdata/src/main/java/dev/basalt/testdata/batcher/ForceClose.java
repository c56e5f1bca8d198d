package dev.basalt.testdata.batcher;

import dev.basalt.core.derive.frame.BatcherTxData;
import dev.basalt.core.derive.frame.ChannelId;
import dev.basalt.core.derive.frame.Frame;
import dev.basalt.core.types.Bytes;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * op-node's {@code ForceCloseTxData}: batcher data that closes a channel given the frames already
 * seen. Unclosed: one empty last frame 0. Closed: empty non-last frames for every missing number
 * below the first closing frame.
 */
public final class ForceClose {
  private ForceClose() {}

  public static byte[] txData(List<Frame> seen) {
    if (seen.isEmpty()) {
      throw new IllegalArgumentException("must provide at least one frame");
    }
    ChannelId id = seen.get(0).channelId();
    TreeSet<Integer> numbers = new TreeSet<>();
    int closeNumber = 0;
    boolean closed = false;
    for (int i = 0; i < seen.size(); i++) {
      Frame f = seen.get(i);
      if (!f.channelId().equals(id)) {
        throw new IllegalArgumentException("frame " + i + " has channel id " + f.channelId() + ", first has " + id);
      }
      if (!closed && f.isLast()) {
        closeNumber = f.number();
      }
      closed = closed || f.isLast();
      numbers.add(f.number());
    }
    List<Frame> out = new ArrayList<>();
    if (!closed) {
      out.add(new Frame(id, 0, Bytes.EMPTY, true));
    } else {
      for (int n = 0; n <= closeNumber; n++) {
        if (!numbers.contains(n)) {
          out.add(new Frame(id, n, Bytes.EMPTY, false));
        }
      }
    }
    return BatcherTxData.encode(out);
  }
}
