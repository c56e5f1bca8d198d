package dev.basalt.core.derive.pipeline.channels;

import dev.basalt.core.derive.frame.Frame;
import dev.basalt.core.derive.pipeline.Fixtures;
import dev.basalt.core.derive.pipeline.Pull;
import dev.basalt.core.derive.pipeline.frames.FrameSource;
import dev.basalt.core.types.L1BlockRef;
import java.util.ArrayDeque;

/** A frame source fed by the test, at an origin the test moves (op-node's fakeChannelBankInput). */
final class FakeFrames implements FrameSource {
  final ArrayDeque<Frame> frames = new ArrayDeque<>();
  L1BlockRef origin;

  FakeFrames(L1BlockRef origin) {
    this.origin = origin;
  }

  void add(String... specs) {
    frames.addAll(Fixtures.frames(specs));
  }

  void add(Frame f) {
    frames.add(f);
  }

  @Override
  public Pull<Frame> nextFrame() {
    return frames.isEmpty() ? Pull.eof() : Pull.value(frames.pollFirst());
  }

  @Override
  public L1BlockRef origin() {
    return origin;
  }

  /** Moves the origin to block {@code number} at {@code time}. */
  void at(long number, long time) {
    origin = new L1BlockRef(Fixtures.hash(1, number), number, Fixtures.hash(1, number - 1), time);
  }
}
