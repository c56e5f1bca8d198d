package dev.basalt.core.derive.pipeline.frames;

import static dev.basalt.core.derive.pipeline.Fixtures.frames;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.basalt.core.derive.frame.Frame;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** op-node's {@code TestPruneFrameQueue} cases: Holocene's frame ordering rules. */
class FramePruningTest {
  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("empty", new String[] {}, new String[] {}),
        Arguments.of("one", new String[] {"a:2:"}, new String[] {"a:2:"}),
        Arguments.of("one-last", new String[] {"a:2:!"}, new String[] {"a:2:!"}),
        Arguments.of("last-new", new String[] {"a:2:!", "b:0:"}, new String[] {"a:2:!", "b:0:"}),
        Arguments.of("last-ooo", new String[] {"a:2:!", "b:1:"}, new String[] {"a:2:!"}),
        Arguments.of("middle-lastooo", new String[] {"b:1:", "a:2:!"}, new String[] {"b:1:"}),
        Arguments.of("middle-first", new String[] {"b:1:", "a:0:"}, new String[] {"a:0:"}),
        Arguments.of("last-first", new String[] {"b:1:!", "a:0:"}, new String[] {"b:1:!", "a:0:"}),
        Arguments.of("last-ooo-same", new String[] {"b:1:!", "b:2:"}, new String[] {"b:1:!"}),
        Arguments.of("ooo", new String[] {"b:1:", "b:3:"}, new String[] {"b:1:"}),
        Arguments.of("other-ooo", new String[] {"b:1:", "c:3:"}, new String[] {"b:1:"}),
        Arguments.of("other-ooo-last", new String[] {"b:1:", "c:3:", "b:2:!"}, new String[] {"b:1:", "b:2:!"}),
        Arguments.of("ooo-resubmit", new String[] {"b:1:", "b:3:!", "b:2:", "b:3:!"}, new String[] {"b:1:", "b:2:", "b:3:!"}),
        Arguments.of("first-discards-multiple", new String[] {"c:0:", "c:1:", "c:2:", "d:0:", "c:3:!"}, new String[] {"d:0:"}),
        Arguments.of(
            "complex",
            new String[] {"b:1:", "b:2:!", "a:0:", "c:1:!", "a:1:", "a:2:!", "c:0:", "c:1:", "d:0:", "c:2:!", "e:0:"},
            new String[] {"b:1:", "b:2:!", "a:0:", "a:1:", "a:2:!", "e:0:"}));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void prunesLikeOpNode(String name, String[] in, String[] expected) {
    List<Frame> removed = new ArrayList<>();
    List<Frame> kept = FramePruning.prune(frames(in), removed);
    assertEquals(frames(expected), kept);
    assertEquals(in.length, kept.size() + removed.size(), "every frame is either kept or reported removed");
  }
}
