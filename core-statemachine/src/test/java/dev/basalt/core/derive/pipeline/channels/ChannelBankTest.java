package dev.basalt.core.derive.pipeline.channels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.basalt.core.config.Fork;
import dev.basalt.core.config.ForkSchedule;
import dev.basalt.core.config.RollupConfig;
import dev.basalt.core.derive.frame.Frame;
import dev.basalt.core.derive.pipeline.DropReason;
import dev.basalt.core.derive.pipeline.Fixtures;
import dev.basalt.core.derive.pipeline.Pull;
import dev.basalt.core.derive.pipeline.RecordingDrops;
import dev.basalt.core.types.Bytes;
import org.junit.jupiter.api.Test;

/** op-node's {@code channel_bank_test.go} cases, plus timeouts per fork and size pruning. */
class ChannelBankTest {
  private final RecordingDrops drops = new RecordingDrops();

  private ChannelBank bank(ForkSchedule forks, FakeFrames in) {
    RollupConfig cfg = Fixtures.config(0, 2, 100, 600, 10, forks);
    return new ChannelBank(cfg, in, drops);
  }

  private static void expectMore(ChannelBank cb, int times) {
    for (int i = 0; i < times; i++) {
      assertInstanceOf(Pull.More.class, cb.nextChannel(), "pull " + i);
    }
  }

  private static String expectChannel(ChannelBank cb) {
    Pull<Bytes> p = cb.nextChannel();
    return Fixtures.text(assertInstanceOf(Pull.Value.class, p).value() instanceof Bytes b ? b : null);
  }

  @Test
  void simple() {
    FakeFrames in = new FakeFrames(Fixtures.l1Chain(100, 1000).get(0));
    in.add("a:0:first", "a:2:third!", "a:1:second");
    ChannelBank cb = bank(Fixtures.forksThrough(null), in);
    expectMore(cb, 3);
    assertEquals("firstsecondthird", expectChannel(cb));
    assertInstanceOf(Pull.Eof.class, cb.nextChannel());
  }

  @Test
  void interleavedPreCanyonReadsTheFirstOpenedChannelFirst() {
    FakeFrames in = new FakeFrames(Fixtures.l1Chain(100, 1000).get(0));
    in.add("a:0:first", "b:2:trois!", "b:1:deux", "a:2:third!", "b:0:premiere", "a:1:second");
    ChannelBank cb = bank(Fixtures.forksThrough(null), in);
    // b completes after five frames, but a was opened first and is read first.
    expectMore(cb, 6);
    assertEquals("firstsecondthird", expectChannel(cb));
    assertEquals("premieredeuxtrois", expectChannel(cb));
    assertInstanceOf(Pull.Eof.class, cb.nextChannel());
  }

  @Test
  void interleavedFromCanyonReadsTheFirstReadyChannel() {
    FakeFrames in = new FakeFrames(Fixtures.l1Chain(100, 1000).get(0));
    in.add("a:0:first", "b:2:trois!", "b:1:deux", "a:2:third!", "b:0:premiere", "a:1:second");
    ChannelBank cb = bank(Fixtures.forksThrough(Fork.CANYON), in);
    expectMore(cb, 5);
    assertEquals("premieredeuxtrois", expectChannel(cb));
    expectMore(cb, 1);
    assertEquals("firstsecondthird", expectChannel(cb));
    assertInstanceOf(Pull.Eof.class, cb.nextChannel());
  }

  @Test
  void duplicatesAreIgnored() {
    FakeFrames in = new FakeFrames(Fixtures.l1Chain(100, 1000).get(0));
    in.add("a:0:first", "a:2:third!", "a:0:altfirst", "a:2:altthird!", "a:1:second");
    ChannelBank cb = bank(Fixtures.forksThrough(null), in);
    expectMore(cb, 5);
    assertEquals("firstsecondthird", expectChannel(cb));
    assertEquals(2, drops.count(DropReason.FRAME_REJECTED));
  }

  @Test
  void channelTimesOutAfterTheBedrockTimeoutBeforeGranite() {
    FakeFrames in = new FakeFrames(null);
    in.at(100, 1000);
    in.add("a:0:first");
    ChannelBank cb = bank(Fixtures.forksThrough(Fork.FJORD), in);
    expectMore(cb, 1);
    in.at(110, 1120); // 100 + 10 is not < 110: still open
    in.add("a:1:second!");
    expectMore(cb, 1);
    assertEquals("firstsecond", expectChannel(cb));

    in.at(200, 2000);
    in.add("b:0:first");
    expectMore(cb, 1);
    in.at(211, 2132); // 200 + 10 < 211: timed out
    in.add("b:1:second!");
    assertInstanceOf(Pull.More.class, cb.nextChannel(), "the timed-out head channel is removed");
    assertEquals(1, drops.count(DropReason.CHANNEL_TIMED_OUT));
    expectMore(cb, 1);
    assertEquals(1, cb.channelCount(), "the late frame opened a fresh channel b");
  }

  @Test
  void graniteShortensTheTimeoutTo50BlocksByTheOriginTime() {
    // Bedrock timeout 300 here, so only Granite can time the channel out after 51 blocks.
    RollupConfig cfg = Fixtures.config(0, 2, 100, 600, 300, Fixtures.forksWith(Fork.GRANITE, 5000));
    FakeFrames in = new FakeFrames(null);
    in.at(100, 4000);
    in.add("a:0:first");
    ChannelBank cb = new ChannelBank(cfg, in, drops);
    expectMore(cb, 1);
    in.at(151, 4600); // before Granite: 100 + 300 >= 151
    in.add("a:1:x");
    expectMore(cb, 1);
    in.at(151, 5000); // same height, but the origin's time is Granite: 100 + 50 < 151
    in.add("a:2:y!");
    assertInstanceOf(Pull.More.class, cb.nextChannel());
    assertEquals(1, drops.count(DropReason.CHANNEL_TIMED_OUT));
  }

  @Test
  void framesForATimedOutChannelAreDropped() {
    FakeFrames in = new FakeFrames(null);
    in.at(100, 1000);
    in.add("a:0:first", "b:0:other");
    ChannelBank cb = bank(Fixtures.forksThrough(Fork.CANYON), in);
    expectMore(cb, 2);
    in.at(105, 1060);
    in.add("c:0:third");
    expectMore(cb, 1);
    in.at(112, 1144); // a and b time out, c (opened at 105) does not
    in.add("a:1:late!");
    expectMore(cb, 2); // the two timed-out head channels are removed one per pull
    expectMore(cb, 1); // a's late frame re-opens channel a at 112 (op-node keys channels by id only)
    assertEquals(2, drops.count(DropReason.CHANNEL_TIMED_OUT));
    assertEquals(2, cb.channelCount());
  }

  @Test
  void bankIsPrunedOldestFirstAboveMaxChannelBankSize() {
    // 1,000,000 data bytes + 200 overhead per frame: 100 frames pass 100,000,000 (pre-Fjord).
    Bytes mb = Bytes.wrapOwned(new byte[1_000_000]);
    FakeFrames in = new FakeFrames(Fixtures.l1Chain(100, 1000).get(0));
    for (int i = 0; i < 60; i++) {
      in.add(new Frame(Fixtures.channelId("a"), i, mb, false));
    }
    for (int i = 0; i < 40; i++) {
      in.add(new Frame(Fixtures.channelId("b"), i, mb, false));
    }
    ChannelBank cb = bank(Fixtures.forksThrough(Fork.ECOTONE), in);
    expectMore(cb, 99);
    assertEquals(0, drops.count(DropReason.CHANNEL_PRUNED));
    expectMore(cb, 1);
    assertEquals(1, drops.count(DropReason.CHANNEL_PRUNED));
    assertEquals(1, cb.channelCount(), "channel a, opened first, was pruned");
  }

  @Test
  void fjordRaisesTheBankSize() {
    Bytes mb = Bytes.wrapOwned(new byte[1_000_000]);
    FakeFrames in = new FakeFrames(Fixtures.l1Chain(100, 1000).get(0));
    for (int i = 0; i < 150; i++) {
      in.add(new Frame(Fixtures.channelId("a"), i, mb, false));
    }
    ChannelBank cb = bank(Fixtures.forksThrough(Fork.FJORD), in);
    expectMore(cb, 150);
    assertEquals(0, drops.count(DropReason.CHANNEL_PRUNED));
  }
}
