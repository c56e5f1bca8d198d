package dev.basalt.core.derive.frame;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.basalt.core.types.Bytes;
import dev.basalt.core.types.Hex;
import java.util.List;
import org.junit.jupiter.api.Test;

class FrameTest {
  @Test
  void wireLayoutIsIdNumberLengthDataIsLast() {
    ChannelId id = ChannelId.fromHex("0x000102030405060708090a0b0c0d0e0f");
    Frame f = new Frame(id, 0x0102, Bytes.fromHex("0xaabb"), true);
    assertEquals("0x000102030405060708090a0b0c0d0e0f" + "0102" + "00000002" + "aabb" + "01", Hex.encode(f.encode()));
    assertEquals(25, f.encodedLength());
    byte[] tx = BatcherTxData.encode(List.of(f));
    assertEquals(0, tx[0]);
    assertEquals(List.of(f), FrameParser.parse(tx).frames());
  }
}
