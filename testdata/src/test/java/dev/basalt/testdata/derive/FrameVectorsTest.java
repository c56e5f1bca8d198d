package dev.basalt.testdata.derive;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.basalt.core.crypto.Keccak;
import dev.basalt.core.derive.frame.BatcherTxData;
import dev.basalt.core.derive.frame.ChannelId;
import dev.basalt.core.derive.frame.Frame;
import dev.basalt.core.derive.frame.FrameParseResult;
import dev.basalt.core.derive.frame.FrameParser;
import dev.basalt.core.types.Bytes;
import dev.basalt.core.types.Hex;
import dev.basalt.testdata.batcher.ForceClose;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Frame parsing and encoding against the real and upstream vectors. */
class FrameVectorsTest {
  private static final String DIR = "frames-channels-batches/";

  @Test
  void konaMainnetBatcherTxCarriesOneLastFrame() {
    byte[] rawTx = Vectors.bytes(DIR + "kona_raw_batcher_tx.bin");
    JsonNode expected = Vectors.json(DIR + "kona_raw_batcher_tx.crosscheck-decoded.json");
    assertEquals(expected.get("tx_hash_by_crosscheck").asText(), Keccak.hash(rawTx).toHex());
    byte[] calldata = Vectors.eip1559Calldata(rawTx);
    assertEquals(119_823, calldata.length);

    List<Frame> frames = FrameParser.parse(calldata).frames();
    assertEquals(1, frames.size());
    Frame f = frames.get(0);
    assertEquals(ChannelId.fromHex(expected.at("/frames_by_crosscheck/0/channel_id").asText()), f.channelId());
    assertEquals(0, f.number());
    assertEquals(119_799, f.data().length());
    assertTrue(f.isLast());
    assertArrayEquals(calldata, BatcherTxData.encode(frames), "re-encoding the frame reproduces the calldata");
  }

  @Test
  void magiSingleFrame() {
    JsonNode v = Vectors.json(DIR + "magi_single_frame_batcher_tx.json");
    byte[] calldata = Vectors.hex(v.get("batcher_tx_calldata_hex").asText());
    JsonNode exp = v.at("/expected/frames/0");
    List<Frame> frames = FrameParser.parse(calldata).frames();
    assertEquals(1, frames.size());
    Frame f = frames.get(0);
    assertEquals(new BigInteger(exp.get("channel_id_decimal_u128").asText()), new BigInteger(1, f.channelId().toArray()));
    assertEquals(exp.get("channel_id_hex").asText(), f.channelId().toHex());
    assertEquals(0, f.number());
    assertEquals(3028, f.data().length());
    assertTrue(f.isLast());
    assertEquals(Bytes.of(Arrays.copyOfRange(calldata, 23, calldata.length - 1)), f.data());
  }

  @Test
  void forceCloseTxDataMatchesOpNodeByteForByte() {
    JsonNode v = Vectors.json(DIR + "opnode_force_close_txdata_frames.json");
    ChannelId id = ChannelId.fromHex(v.get("channel_id").asText());
    int checked = 0;
    for (JsonNode c : v.get("cases")) {
      List<Frame> seen = new ArrayList<>();
      for (JsonNode f : c.get("frames")) {
        ChannelId fid = "zero".equals(f.path("id").asText()) ? ChannelId.wrap(new byte[16]) : id;
        seen.add(new Frame(fid, f.get("frame_number").asInt(), Bytes.EMPTY, f.get("is_last").asBoolean()));
      }
      if (c.path("error").asBoolean()) {
        assertThrows(IllegalArgumentException.class, () -> ForceClose.txData(seen));
      } else {
        byte[] out = ForceClose.txData(seen);
        assertEquals(c.get("output").asText(), Hex.encode(out).substring(2));
        // Every output is valid batcher data (or a bare version byte when nothing is missing).
        if (out.length > 1) {
          assertInstanceOf(FrameParseResult.Parsed.class, FrameParser.parse(out));
        }
      }
      checked++;
    }
    assertEquals(9, checked);
  }

  @Test
  void anyBadFrameRejectsTheWholeTransaction() {
    ChannelId id = ChannelId.fromHex("0x00112233445566778899aabbccddeeff");
    Frame good = new Frame(id, 0, Bytes.fromHex("0xdeadbeef"), false);
    byte[] valid = BatcherTxData.encode(List.of(good, new Frame(id, 1, Bytes.EMPTY, true)));
    assertEquals(2, FrameParser.parse(valid).frames().size());

    assertRejected(new byte[0], "empty");
    assertRejected(new byte[] {0}, "version byte only");
    byte[] badVersion = valid.clone();
    badVersion[0] = 1;
    assertRejected(badVersion, "version 1");
    assertRejected(Arrays.copyOf(valid, valid.length - 1), "second frame cut short");
    assertRejected(Arrays.copyOf(valid, valid.length + 1), "a trailing byte");
    byte[] badIsLast = valid.clone();
    badIsLast[valid.length - 1] = 2;
    assertRejected(badIsLast, "is_last 2");
    byte[] huge = valid.clone();
    // First frame's length field claims 1,000,001 bytes: refused before reading, as op-node.
    int lengthAt = 1 + 16 + 2;
    huge[lengthAt] = 0;
    huge[lengthAt + 1] = 0x0f;
    huge[lengthAt + 2] = 0x42;
    huge[lengthAt + 3] = 0x41;
    assertRejected(huge, "frame length over MaxFrameLen");
  }

  @Test
  void frameLimitsAreEnforcedOnConstruction() {
    ChannelId id = ChannelId.wrap(new byte[16]);
    assertThrows(IllegalArgumentException.class, () -> new Frame(id, 65_536, Bytes.EMPTY, false));
    assertThrows(IllegalArgumentException.class, () -> new Frame(id, 0, Bytes.wrapOwned(new byte[Frame.MAX_DATA_BYTES + 1]), false));
    Frame max = new Frame(id, 65_535, Bytes.wrapOwned(new byte[Frame.MAX_DATA_BYTES]), true);
    assertEquals(List.of(max), FrameParser.parse(BatcherTxData.encode(List.of(max))).frames());
  }

  private static void assertRejected(byte[] data, String why) {
    FrameParseResult r = FrameParser.parse(data);
    assertInstanceOf(FrameParseResult.Rejected.class, r, why);
    assertTrue(r.frames().isEmpty(), why);
  }
}
