package dev.basalt.core.derive.pipeline.frames;

import static dev.basalt.core.derive.pipeline.Fixtures.frames;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.basalt.core.config.Fork;
import dev.basalt.core.config.RollupConfig;
import dev.basalt.core.derive.frame.BatcherTxData;
import dev.basalt.core.derive.frame.Frame;
import dev.basalt.core.derive.pipeline.DropReason;
import dev.basalt.core.derive.pipeline.Fixtures;
import dev.basalt.core.derive.pipeline.Pull;
import dev.basalt.core.derive.pipeline.RecordingDrops;
import dev.basalt.core.types.Bytes;
import dev.basalt.core.types.L1BlockRef;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** op-node's {@code TestFrameQueue_NextFrame}, plus garbage data and the one-transaction bound. */
class FrameQueueTest {
  static final class FakeData implements DataSource {
    final ArrayDeque<Bytes> data = new ArrayDeque<>();
    L1BlockRef origin = L1BlockRef.ZERO;

    @Override
    public Pull<Bytes> nextData() {
      return data.isEmpty() ? Pull.eof() : Pull.value(data.pollFirst());
    }

    @Override
    public L1BlockRef origin() {
      return origin;
    }
  }

  private static final String[] IN =
      {"b:1:", "b:2:!", "a:0:", "c:1:!", "a:1:", "a:2:!", "c:0:", "c:1:", "d:0:", "c:2:!", "e:0:"};

  private static List<Frame> drain(FrameQueue fq) {
    List<Frame> out = new ArrayList<>();
    while (true) {
      Pull<Frame> p = fq.nextFrame();
      if (p instanceof Pull.Value<Frame> v) {
        out.add(v.value());
      } else if (p instanceof Pull.Eof<Frame>) {
        return out;
      }
    }
  }

  @Test
  void preHoloceneKeepsEveryFrameInOrder() {
    RollupConfig cfg = Fixtures.config(0, 2, 100, 600, 50, Fixtures.forksThrough(Fork.GRANITE));
    FakeData src = new FakeData();
    src.data.add(Bytes.wrapOwned(BatcherTxData.encode(frames(IN))));
    assertEquals(frames(IN), drain(new FrameQueue(cfg, src, new RecordingDrops())));
  }

  @Test
  void holocenePrunesOutOfOrderFrames() {
    RollupConfig cfg = Fixtures.config(0, 2, 100, 600, 50, Fixtures.forksThrough(Fork.HOLOCENE));
    FakeData src = new FakeData();
    src.data.add(Bytes.wrapOwned(BatcherTxData.encode(frames(IN))));
    RecordingDrops drops = new RecordingDrops();
    List<Frame> got = drain(new FrameQueue(cfg, src, drops));
    assertEquals(frames("b:1:", "b:2:!", "a:0:", "a:1:", "a:2:!", "e:0:"), got);
    assertEquals(IN.length - got.size(), drops.count(DropReason.FRAME_PRUNED));
  }

  @Test
  void garbageDataIsDroppedAndReadingContinues() {
    RollupConfig cfg = Fixtures.config(0, 2, 100, 600, 50, Fixtures.forksThrough(Fork.HOLOCENE));
    FakeData src = new FakeData();
    src.data.add(Bytes.fromHex("0x01deadbeef"));
    src.data.add(Bytes.wrapOwned(BatcherTxData.encode(frames("a:0:x!"))));
    RecordingDrops drops = new RecordingDrops();
    FrameQueue fq = new FrameQueue(cfg, src, drops);
    assertInstanceOf(Pull.More.class, fq.nextFrame(), "garbage yields no frame but is progress");
    assertEquals(1, drops.count(DropReason.FRAMES_UNPARSEABLE));
    assertEquals(frames("a:0:x!"), drain(fq));
  }

  @Test
  void loadsOnlyWhenEmptySoItHoldsOneTransaction() {
    RollupConfig cfg = Fixtures.config(0, 2, 100, 600, 50, Fixtures.forksThrough(Fork.GRANITE));
    FakeData src = new FakeData();
    src.data.add(Bytes.wrapOwned(BatcherTxData.encode(frames("a:0:x", "a:1:y!"))));
    src.data.add(Bytes.wrapOwned(BatcherTxData.encode(frames("b:0:z!"))));
    FrameQueue fq = new FrameQueue(cfg, src, new RecordingDrops());
    fq.nextFrame();
    assertEquals(1, fq.size());
    assertEquals(1, src.data.size(), "the second transaction is not read while frames remain");
  }
}
