package dev.basalt.core.derive.frame;

import java.util.List;
import java.util.Objects;

/** What one batcher transaction's data yields: all of its frames, or none with a reason. */
public sealed interface FrameParseResult {
  /** The frames in transaction order (at least one). */
  List<Frame> frames();

  /** Every frame parsed and no byte was left over. */
  record Parsed(List<Frame> frames) implements FrameParseResult {
    public Parsed {
      frames = List.copyOf(frames);
      if (frames.isEmpty()) {
        throw new IllegalArgumentException("a parsed batcher transaction has at least one frame");
      }
    }
  }

  /** The transaction is ignored as a whole: the spec drops every frame when any one is bad. */
  record Rejected(String reason) implements FrameParseResult {
    public Rejected {
      Objects.requireNonNull(reason, "reason");
    }

    @Override
    public List<Frame> frames() {
      return List.of();
    }
  }
}
