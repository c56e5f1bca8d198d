package dev.basalt.cli.tools;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.basalt.core.derive.frame.ChannelId;
import dev.basalt.core.derive.frame.Frame;
import dev.basalt.core.types.Bytes;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChannelAssemblyTest {
  private static final ChannelId A = ChannelId.fromHex("0x" + "aa".repeat(16));
  private static final ChannelId B = ChannelId.fromHex("0x" + "bb".repeat(16));

  private static Frame frame(ChannelId id, int number, String data, boolean last) {
    return new Frame(id, number, Bytes.fromHex(data), last);
  }

  @Test
  void framesOutOfOrderStillCompleteAChannel() {
    List<ChannelAssembly> out = ChannelAssembly.of(List.of(
        frame(A, 1, "0x0303", true), frame(A, 0, "0x0102", false)));
    assertEquals(1, out.size());
    assertTrue(out.get(0).complete());
    assertArrayEquals(new byte[] {1, 2, 3, 3}, out.get(0).data());
    assertEquals(List.of(0, 1), out.get(0).frameNumbers());
  }

  @Test
  void aRepeatedFrameNumberKeepsTheFirstAndFramesAfterTheLastAreIgnored() {
    ChannelAssembly a = ChannelAssembly.of(List.of(
        frame(A, 0, "0x01", false), frame(A, 0, "0xff", false), frame(A, 1, "0x02", true), frame(A, 2, "0x09", false)))
        .get(0);
    assertArrayEquals(new byte[] {1, 2}, a.data());
  }

  @Test
  void incompleteChannelsSayWhy() {
    List<ChannelAssembly> out = ChannelAssembly.of(List.of(
        frame(A, 1, "0x01", true), frame(B, 0, "0x02", false)));
    assertEquals(A, out.get(0).id());
    assertFalse(out.get(0).complete());
    assertNull(out.get(0).data());
    assertEquals("frame 0 is not in this transaction", out.get(0).missing());
    assertEquals("no frame of this channel here is marked is_last", out.get(1).missing());
  }
}
