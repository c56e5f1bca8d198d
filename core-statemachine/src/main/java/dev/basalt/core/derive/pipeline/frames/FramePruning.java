package dev.basalt.core.derive.pipeline.frames;

import dev.basalt.core.derive.frame.Frame;
import java.util.ArrayList;
import java.util.List;

/**
 * Holocene's frame queue rules (op-node {@code pruneFrameQueue}): keep only frames that are, per
 * channel, contiguous, in order and starting at frame 0, where a new channel's first frame may
 * only follow a closing frame (otherwise it discards the unclosed channel before it).
 */
public final class FramePruning {
  private FramePruning() {}

  /** The frames that survive, in order; {@code removed} receives every frame that does not. */
  public static List<Frame> prune(List<Frame> frames, List<Frame> removed) {
    List<Frame> out = new ArrayList<>(frames);
    int i = 0;
    while (i < out.size() - 1) {
      Frame current = out.get(i);
      Frame next = out.get(i + 1);
      if (current.channelId().equals(next.channelId())) {
        // Frames of one channel must arrive in order, and nothing may follow its closing frame.
        if (current.isLast() || next.number() != current.number() + 1) {
          removed.add(out.remove(i + 1));
          continue;
        }
      } else if (next.number() == 0 && !current.isLast()) {
        // A first frame discards the unclosed channel before it, walking back over all its frames.
        removed.add(out.remove(i));
        if (i > 0) {
          i--;
        }
        continue;
      } else if (next.number() != 0) {
        // A non-first frame of a channel other than the previous frame's.
        removed.add(out.remove(i + 1));
        continue;
      }
      // The cursor moves only when nothing was removed, so the new pair at i is checked again.
      i++;
    }
    return out;
  }
}
