package dev.basalt.core.derive.pipeline.frames;

import dev.basalt.core.derive.frame.Frame;
import dev.basalt.core.derive.pipeline.Pull;
import dev.basalt.core.types.L1BlockRef;

/** Frames in the order they were read from L1 (op-node {@code NextFrameProvider}). */
public interface FrameSource {
  Pull<Frame> nextFrame();

  L1BlockRef origin();
}
