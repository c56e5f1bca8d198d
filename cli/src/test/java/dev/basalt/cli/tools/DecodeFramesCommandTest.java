package dev.basalt.cli.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.basalt.core.tx.SignedTx;
import dev.basalt.core.tx.TxCodec;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DecodeFramesCommandTest {
  private static final String DIR = "frames-channels-batches/";

  @TempDir Path dir;

  @Test
  void magiSingleFrame() {
    JsonNode v = Tool.json(DIR + "magi_single_frame_batcher_tx.json");
    JsonNode out = Tool.run("decode", "frames", "--hex", v.get("batcher_tx_calldata_hex").asText()).json();
    JsonNode expected = v.get("expected");
    assertEquals(expected.get("derivation_version").asInt(), out.get("derivationVersion").asInt());
    assertEquals(expected.get("frame_count").asInt(), out.get("frameCount").asInt());
    JsonNode e = expected.get("frames").get(0);
    JsonNode f = out.get("frames").get(0);
    assertEquals(e.get("channel_id_hex").asText(), f.get("channelId").asText());
    assertEquals(e.get("frame_number").asInt(), f.get("frameNumber").asInt());
    assertEquals(e.get("frame_data_len").asInt(), f.get("dataLength").asInt());
    assertEquals(e.get("is_last").asBoolean(), f.get("isLast").asBoolean());
    // "calldata[23 : len-1]": the data starts right after the 23-byte header (version + 22).
    assertEquals(23, f.get("dataOffset").asInt());
  }

  @Test
  void realCalldataFromAFileOfTheTransactionsInput() {
    JsonNode facts = Tool.json(DIR + "kona_raw_batcher_tx.crosscheck-decoded.json");
    SignedTx tx = (SignedTx) TxCodec.decode(Tool.bytes(DIR + "kona_raw_batcher_tx.bin"));
    Path calldata = Tool.write(dir, "calldata.bin", tx.tx().data().toArray());
    JsonNode out = Tool.run("decode", "frames", "--file", calldata.toString()).json();
    JsonNode e = facts.get("frames_by_crosscheck").get(0);
    JsonNode f = out.get("frames").get(0);
    assertEquals(e.get("channel_id").asText(), f.get("channelId").asText());
    assertEquals(e.get("frame_data_len").asInt(), f.get("dataLength").asInt());
    assertTrue(f.get("isLast").asBoolean());
  }

  /**
   * op-node's ForceCloseTxData outputs: version 0, then empty frames of 23 bytes each (the
   * vector's notes give the layout), all of channel deadbeef...
   */
  @Test
  void opNodeForceCloseFrames() {
    JsonNode v = Tool.json(DIR + "opnode_force_close_txdata_frames.json");
    String channel = v.get("channel_id").asText();
    int checked = 0;
    for (JsonNode c : v.get("cases")) {
      if (!c.has("output") || c.get("output").asText().equals("00")) {
        continue;
      }
      String hex = c.get("output").asText();
      JsonNode out = Tool.run("decode", "frames", "--hex", hex).json();
      assertEquals((hex.length() / 2 - 1) / 23, out.get("frameCount").asInt(), hex);
      for (JsonNode f : out.get("frames")) {
        assertEquals(channel, f.get("channelId").asText());
        assertEquals(0, f.get("dataLength").asInt());
      }
      checked++;
    }
    assertEquals(6, checked);
    // The last case: frames 0 and 2 (neither is_last) fill the gaps below the closing frame 3.
    JsonNode last = Tool.run("decode", "frames", "--hex", v.get("cases").get(8).get("output").asText()).json().get("frames");
    assertEquals(0, last.get(0).get("frameNumber").asInt());
    assertEquals(2, last.get(1).get("frameNumber").asInt());
    assertFalse(last.get(1).get("isLast").asBoolean());
    // The "00" output (the version byte alone) has no frame, which derivation rejects.
    assertEquals("error: batcher data: no frames after the version byte", Tool.run("decode", "frames", "--hex", "00").badInput());
  }

  @Test
  void everyTruncationNamesTheBadFrame() {
    byte[] calldata = Tool.unhex(Tool.json(DIR + "magi_single_frame_batcher_tx.json").get("batcher_tx_calldata_hex").asText());
    for (int cut = 2; cut < calldata.length; cut += 97) {
      String line = Tool.run("decode", "frames", "--hex", Tool.hex(Arrays.copyOf(calldata, cut))).badInput();
      assertTrue(line.startsWith("error: batcher data: frame 0: truncated frame "), line);
    }
    assertEquals("error: batcher data: frame 0: truncated frame data and is_last: needs 3029 bytes at offset 23, 3028 left",
        Tool.run("decode", "frames", "--hex", Tool.hex(Arrays.copyOf(calldata, calldata.length - 1))).badInput());
  }

  @Test
  void otherBadInput() {
    assertEquals("error: batcher data: derivation version 1 is an Alt-DA commitment, not frames",
        Tool.run("decode", "frames", "--hex", "0x01aabb").badInput());
    assertEquals("error: batcher data: unknown derivation version 2", Tool.run("decode", "frames", "--hex", "02").badInput());
    assertEquals("error: --hex: odd number of hex digits (3)", Tool.run("decode", "frames", "--hex", "0x001").badInput());
    assertEquals("error: --hex: no hex digits", Tool.run("decode", "frames", "--hex", " 0x ").badInput());
    assertEquals("error: no input: give the batcher data with --hex HEX or --file FILE", Tool.run("decode", "frames").badInput());
    Path missing = dir.resolve("missing.bin");
    assertEquals("error: --file " + missing + ": no such file", Tool.run("decode", "frames", "--file", missing.toString()).badInput());
    Path empty = Tool.write(dir, "empty.bin", new byte[0]);
    assertEquals("error: --file " + empty + ": file is empty", Tool.run("decode", "frames", "--file", empty.toString()).badInput());
    Path binary = Tool.write(dir, "binary.bin", new byte[] {0, (byte) 0xff});
    assertEquals("error: --file " + binary + ": not hex text (--hex without a value says the file holds hex)",
        Tool.run("decode", "frames", "--file", binary.toString(), "--hex").badInput());
    // is_last must be 0 or 1.
    String badLast = "00" + "ab".repeat(16) + "0000" + "00000000" + "02";
    assertEquals("error: batcher data: frame 0: is_last byte 2 is neither 0 nor 1 at offset 23",
        Tool.run("decode", "frames", "--hex", badLast).badInput());
  }
}
