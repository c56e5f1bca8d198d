package dev.basalt.testdata.derive;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.basalt.core.derive.blob.Blob;
import dev.basalt.core.derive.blob.BlobCodec;
import dev.basalt.core.derive.blob.BlobDecodeException;
import dev.basalt.core.derive.blob.BlobDecodeException.Reason;
import dev.basalt.core.derive.frame.Frame;
import dev.basalt.core.derive.frame.FrameParser;
import dev.basalt.core.types.Hex;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The blob codec against op-service's and hildr's vectors, and every error case. */
class BlobVectorsTest {
  private static final String DIR = "blobs/";

  @Test
  void opServiceDecodeVectors() {
    JsonNode v = Vectors.json(DIR + "op-service_blob_codec_vectors.json");
    int checked = 0;
    for (JsonNode c : v.get("decode_vectors")) {
      Blob blob = Blob.fromPrefix(Vectors.hex(c.get("blob_prefix_hex").asText()));
      if (c.has("error")) {
        assertEquals(Reason.INVALID_LENGTH, assertThrows(BlobDecodeException.class, () -> BlobCodec.decode(blob)).reason());
      } else if (c.has("output_hex")) {
        assertEquals(c.get("output_hex").asText(), Hex.encode(BlobCodec.decode(blob)).substring(2));
      } else {
        assertArrayEquals(new byte[BlobCodec.MAX_DATA_BYTES], BlobCodec.decode(blob), c.get("output").asText());
      }
      checked++;
    }
    assertEquals(7, checked);
  }

  @Test
  void opServiceEncodeVectors() {
    JsonNode v = Vectors.json(DIR + "op-service_blob_codec_vectors.json");
    for (JsonNode c : v.get("encode_vectors")) {
      byte[] input =
          c.has("input_hex")
              ? Vectors.hex(c.get("input_hex").asText())
              : new byte[c.get("input").asText().startsWith("130044") ? BlobCodec.MAX_DATA_BYTES : BlobCodec.MAX_DATA_BYTES + 1];
      if (c.has("error")) {
        assertThrows(IllegalArgumentException.class, () -> BlobCodec.encode(input));
        continue;
      }
      Blob blob = BlobCodec.encode(input);
      assertEquals(Blob.fromPrefix(Vectors.hex(c.get("blob_prefix_hex").asText())), blob);
      assertArrayEquals(input, BlobCodec.decode(blob));
    }
  }

  @Test
  void extraneousDataAndEveryOtherError() {
    JsonNode v = Vectors.json(DIR + "op-service_blob_codec_vectors.json");
    for (JsonNode c : v.get("extraneous_data_vectors")) {
      if (c.has("blob_prefix_hex")) {
        Blob blob = Blob.fromPrefix(Vectors.hex(c.get("blob_prefix_hex").asText()));
        assertEquals(Reason.EXTRANEOUS_DATA_FIELD_ELEMENT, assertThrows(BlobDecodeException.class, () -> BlobCodec.decode(blob)).reason());
      }
    }
    byte[] valid = BlobCodec.encode("hello blob".getBytes(StandardCharsets.US_ASCII)).toArray();
    assertReason(Reason.INVALID_VERSION, with(valid, 1, 1));
    assertReason(Reason.INVALID_LENGTH, with(with(valid, 2, 0x01), 3, 0xfb), 4, 0xfd);
    assertReason(Reason.INVALID_FIELD_ELEMENT, with(valid, 32, 0x40));
    assertReason(Reason.INVALID_FIELD_ELEMENT, with(valid, 96, 0x80));
    // A data byte inside the used field elements but past the length.
    assertReason(Reason.EXTRANEOUS_DATA_FIELD_ELEMENT, with(valid, 20, 7));
    // Any byte after the last field element the length needs.
    assertReason(Reason.EXTRANEOUS_DATA, with(valid, Blob.SIZE_BYTES - 1, 1));
    assertReason(Reason.EXTRANEOUS_DATA, with(valid, 128, 0x01));
    // Field element 0's top bits are not checked, as in op-node and kona: the data is unchanged.
    assertArrayEquals(BlobCodec.decode(Blob.wrap(valid)), BlobCodec.decode(Blob.wrap(with(valid, 0, valid[0] | 0x40))));
  }

  @Test
  void roundTripStringsAndHildrBlobs() {
    Map<String, byte[]> hildr =
        Map.of(
            "blob1.txt", "this is a test of blob encoding/decoding".getBytes(StandardCharsets.UTF_8),
            "blob2.txt", "short".getBytes(StandardCharsets.UTF_8),
            "blob3.txt", new byte[] {0},
            "blob4.txt", new byte[] {0, 1, 0},
            "blob5.txt", new byte[27],
            "blob6.txt", new byte[26],
            "blob7.txt", new byte[25],
            "blob8.txt", new byte[0]);
    for (Map.Entry<String, byte[]> e : hildr.entrySet()) {
      Blob blob = Blob.wrap(Vectors.hex(Vectors.text(DIR + "hildr/" + e.getKey())));
      assertArrayEquals(e.getValue(), BlobCodec.decode(blob), e.getKey());
      assertEquals(blob, BlobCodec.encode(e.getValue()), e.getKey() + " re-encodes to the same blob");
    }
  }

  @Test
  void realSepoliaBlobDecodesToFrames() {
    Blob blob = Blob.wrap(Vectors.hex(Vectors.text(DIR + "hildr/blob9.txt")));
    byte[] data = BlobCodec.decode(blob);
    assertArrayEquals(Vectors.hex(Vectors.text(DIR + "hildr/blob9_decode.txt")), data);
    assertEquals(3220, data.length);
    assertEquals(blob, BlobCodec.encode(data));
    List<Frame> frames = FrameParser.parse(data).frames();
    assertTrue(!frames.isEmpty());
    int total = 1;
    for (Frame f : frames) {
      total += f.encodedLength();
    }
    assertEquals(data.length, total);
    assertEquals("0x2f127415c9cb64ca077f23db3cfa302e", frames.get(0).channelId().toHex());
    assertEquals(0, frames.get(0).number());
  }

  private static byte[] with(byte[] blob, int index, int value) {
    byte[] copy = Arrays.copyOf(blob, blob.length);
    copy[index] = (byte) value;
    return copy;
  }

  private static byte[] with(byte[] blob, int i1, int v1, int i2, int v2) {
    return with(with(blob, i1, v1), i2, v2);
  }

  private static void assertReason(Reason expected, byte[] blob) {
    assertEquals(expected, assertThrows(BlobDecodeException.class, () -> BlobCodec.decode(Blob.wrap(blob))).reason());
  }

  private static void assertReason(Reason expected, byte[] blob, int index, int value) {
    assertReason(expected, with(blob, index, value));
  }
}
