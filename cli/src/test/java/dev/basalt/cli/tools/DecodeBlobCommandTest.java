package dev.basalt.cli.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DecodeBlobCommandTest {
  private static final int BLOB = 131_072;

  @TempDir Path dir;

  /** A full blob file: the vector's prefix, the rest zero (how op-service's vectors are given). */
  private Path blob(String prefixHex) {
    return Tool.write(dir, "blob.bin", Arrays.copyOf(Tool.unhex(prefixHex), BLOB));
  }

  @Test
  void hildrBlobsDecodeToTheirStrings() {
    Map<String, byte[]> expected = Map.of(
        "blob1.txt", "this is a test of blob encoding/decoding".getBytes(StandardCharsets.US_ASCII),
        "blob2.txt", "short".getBytes(StandardCharsets.US_ASCII),
        "blob3.txt", new byte[1],
        "blob4.txt", new byte[] {0, 1, 0},
        "blob5.txt", new byte[27],
        "blob6.txt", new byte[26],
        "blob7.txt", new byte[25],
        "blob8.txt", new byte[0]);
    for (Map.Entry<String, byte[]> e : expected.entrySet()) {
      Path file = Tool.file(dir, "blobs/hildr/" + e.getKey());
      JsonNode out = Tool.run("decode", "blob", "--file", file.toString()).json();
      assertEquals(BLOB, out.get("blobBytes").asInt());
      assertEquals(e.getValue().length, out.get("dataLength").asInt(), e.getKey());
      assertEquals(Tool.hex(e.getValue()), out.get("data").asText(), e.getKey());
    }
  }

  @Test
  void realSepoliaBlobHoldsBatcherFrames() {
    String decoded = new String(Tool.bytes("blobs/hildr/blob9_decode.txt"), StandardCharsets.US_ASCII).strip();
    JsonNode out = Tool.run("decode", "blob", "--file", Tool.file(dir, "blobs/hildr/blob9.txt").toString()).json();
    assertEquals(decoded, out.get("data").asText());
    assertEquals(decoded.length() / 2 - 1, out.get("dataLength").asInt());
    JsonNode batcher = out.get("batcherData");
    assertEquals(0, batcher.get("derivationVersion").asInt());
    JsonNode frame = batcher.get("frames").get(0);
    // The decoded data is version 0, then a frame whose 16-byte channel id follows immediately.
    assertEquals("0x" + decoded.substring(4, 36), frame.get("channelId").asText());
    assertFalse(out.has("framesError"));
  }

  @Test
  void opServiceDecodeVectors() {
    JsonNode vectors = Tool.json("blobs/op-service_blob_codec_vectors.json").get("decode_vectors");
    int checked = 0;
    for (JsonNode v : vectors) {
      Tool.Run run = Tool.run("decode", "blob", "--file", blob(v.get("blob_prefix_hex").asText()).toString());
      if (v.has("error")) {
        assertEquals("error: the blob holds no OP blob data: INVALID_LENGTH: length 130045 exceeds 130044", run.badInput());
      } else if (v.has("output_hex")) {
        assertEquals("0x" + v.get("output_hex").asText(), run.json().get("data").asText());
      } else {
        JsonNode out = run.json();
        assertEquals(130_044, out.get("dataLength").asInt(), v.get("output").asText());
        assertEquals("0x" + "00".repeat(130_044), out.get("data").asText());
      }
      checked++;
    }
    assertEquals(7, checked);
  }

  @Test
  void extraneousDataIsTheDecodersExactError() {
    for (JsonNode v : Tool.json("blobs/op-service_blob_codec_vectors.json").get("extraneous_data_vectors")) {
      if (v.has("blob_prefix_hex")) {
        String line = Tool.run("decode", "blob", "--file", blob(v.get("blob_prefix_hex").asText()).toString()).badInput();
        assertTrue(line.startsWith("error: the blob holds no OP blob data: EXTRANEOUS_DATA_FIELD_ELEMENT: "), line);
      }
    }
    byte[] versionOne = new byte[BLOB];
    versionOne[1] = 1;
    assertEquals("error: the blob holds no OP blob data: INVALID_VERSION: expected version 0, got 1",
        Tool.run("decode", "blob", "--file", Tool.write(dir, "v1.bin", versionOne).toString()).badInput());
  }

  @Test
  void inputThatIsNoBlob() {
    assertEquals("error: a blob is 131072 bytes, the input has 3", Tool.run("decode", "blob", "--hex", "0x000000").badInput());
    byte[] real = Tool.bytes("blobs/hildr/blob9.txt");
    Path cut = Tool.write(dir, "cut.txt", Arrays.copyOf(real, real.length - 2));
    assertEquals("error: a blob is 131072 bytes, the input has 131071",
        Tool.run("decode", "blob", "--file", cut.toString()).badInput());
  }
}
