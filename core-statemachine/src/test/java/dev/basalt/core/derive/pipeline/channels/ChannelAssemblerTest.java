package dev.basalt.core.derive.pipeline.channels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.basalt.core.config.Fork;
import dev.basalt.core.config.RollupConfig;
import dev.basalt.core.derive.frame.Frame;
import dev.basalt.core.derive.pipeline.DropReason;
import dev.basalt.core.derive.pipeline.Fixtures;
import dev.basalt.core.derive.pipeline.Pull;
import dev.basalt.core.derive.pipeline.RecordingDrops;
import dev.basalt.core.types.Bytes;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** op-node's {@code TestChannelStage_NextData} cases for the Holocene channel assembler. */
class ChannelAssemblerTest {
  private final RecordingDrops drops = new RecordingDrops();
  private final RollupConfig cfg = Fixtures.config(0, 2, 100, 600, 300, Fixtures.forksThrough(Fork.HOLOCENE));

  /**
   * @param batches frames added before each pull
   * @param data expected channel per pull ("" = EOF)
   * @param staging expected staging channel after each pull ("" = none)
   */
  record Case(String name, List<String[]> batches, List<String> data, List<String> staging) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Arguments> cases() {
    return Stream.of(
        new Case("simple", List.<String[]>of(new String[] {"a:0:first!"}), List.of("first"), List.of("")),
        new Case("simple-two", List.<String[]>of(new String[] {"a:0:first", "a:1:second!"}), List.of("firstsecond"), List.of("")),
        new Case("drop-other",
            List.of(new String[] {"a:0:first", "b:1:foo"}, new String[] {"a:1:second", "c:1:bar!"}, new String[] {"a:2:third!"}),
            List.of("", "", "firstsecondthird"), List.of("a", "a", "")),
        new Case("drop-non-first", List.<String[]>of(new String[] {"a:1:foo"}), List.of(""), List.of("")),
        new Case("first-discards", List.of(new String[] {"b:0:foo"}, new String[] {"a:0:first!"}), List.of("", "first"), List.of("b", "")),
        new Case("already-closed", List.of(new String[] {"a:0:foo"}, new String[] {"a:1:bar!", "a:2:baz!"}),
            List.of("", "foobar"), List.of("a", "")))
        .map(Arguments::of);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void assemblesLikeOpNode(Case c) {
    FakeFrames in = new FakeFrames(Fixtures.l1Chain(100, 1000).get(0));
    ChannelAssembler ca = new ChannelAssembler(cfg, in, drops);
    for (int i = 0; i < c.batches().size(); i++) {
      in.add(c.batches().get(i));
      Pull<Bytes> p = ca.nextChannel();
      if (c.data().get(i).isEmpty()) {
        assertInstanceOf(Pull.Eof.class, p);
      } else {
        assertEquals(c.data().get(i), Fixtures.text(((Pull.Value<Bytes>) p).value()));
      }
      String staging = c.staging().get(i);
      if (staging.isEmpty()) {
        assertNull(ca.stagingChannel());
      } else {
        assertEquals(Fixtures.channelId(staging).toHex(), ca.stagingChannel());
      }
    }
    assertInstanceOf(Pull.Eof.class, ca.nextChannel(), "the exhausted frame queue ends in EOF");
  }

  @Test
  void channelExactlyAtMaxRlpBytesIsKeptOneByteMoreIsDropped() {
    // Holocene implies Fjord: 100,000,000 bytes, counted like op-node as data plus 200 per frame.
    for (int extra : new int[] {0, 1}) {
      FakeFrames in = new FakeFrames(Fixtures.l1Chain(100, 1000).get(0));
      Bytes chunk = Bytes.wrapOwned(new byte[999_800]);
      for (int i = 0; i < 99; i++) {
        in.add(new Frame(Fixtures.channelId("a"), i, chunk, false));
      }
      in.add(new Frame(Fixtures.channelId("a"), 99, Bytes.wrapOwned(new byte[999_800 + extra]), true));
      ChannelAssembler ca = new ChannelAssembler(cfg, in, drops);
      Pull<Bytes> p = ca.nextChannel();
      if (extra == 0) {
        assertEquals(99_980_000, ((Pull.Value<Bytes>) p).value().length());
      } else {
        assertInstanceOf(Pull.Eof.class, p);
        assertEquals(1, drops.count(DropReason.CHANNEL_OVERSIZED));
      }
    }
  }

  @Test
  void stagingChannelTimesOut() {
    RollupConfig granite = Fixtures.config(0, 2, 100, 600, 300, Fixtures.forksThrough(Fork.HOLOCENE));
    FakeFrames in = new FakeFrames(null);
    in.at(0, 0);
    ChannelAssembler ca = new ChannelAssembler(granite, in, drops);
    in.add("a:0:foo");
    assertInstanceOf(Pull.Eof.class, ca.nextChannel());
    assertEquals(Fixtures.channelId("a").toHex(), ca.stagingChannel());
    in.at(50, 600); // Granite timeout 50: 0 + 50 is not < 50
    in.add("a:1:bar");
    assertInstanceOf(Pull.Eof.class, ca.nextChannel());
    assertEquals(Fixtures.channelId("a").toHex(), ca.stagingChannel());
    in.at(51, 612);
    in.add("a:2:baz!");
    assertInstanceOf(Pull.Eof.class, ca.nextChannel());
    assertNull(ca.stagingChannel());
    assertEquals(1, drops.count(DropReason.CHANNEL_TIMED_OUT));
    assertEquals(1, drops.count(DropReason.FRAME_WITHOUT_CHANNEL), "the timed-out channel's next frame is dropped");
  }

  @Test
  void aFirstFrameReplacesAnUnfinishedChannel() {
    FakeFrames in = new FakeFrames(Fixtures.l1Chain(100, 1000).get(0));
    ChannelAssembler ca = new ChannelAssembler(cfg, in, drops);
    in.add("a:0:one", "b:0:two!");
    assertEquals("two", Fixtures.text(((Pull.Value<Bytes>) ca.nextChannel()).value()));
    assertEquals(1, drops.count(DropReason.CHANNEL_REPLACED));
  }
}
