package dev.basalt.testdata.derive;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import dev.basalt.core.codec.BinaryWriter;
import dev.basalt.core.codec.DecodeException;
import dev.basalt.core.derive.batch.RawSpanBatch;
import dev.basalt.core.derive.batch.SpanBatchCodec;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The op-node span batch vector (via kona): decode then encode is byte exact. */
class SpanBatchVectorsTest {
  private static final String DIR = "frames-channels-batches/";

  @Test
  void konaRawSpanBatchRoundTripsByteForByte() {
    byte[] raw = Vectors.bytes(DIR + "kona_raw_span_batch.bin");
    JsonNode exp = Vectors.json(DIR + "kona_raw_span_batch.crosscheck-decoded.json").get("crosscheck_decoded_prefix");
    RawSpanBatch batch = SpanBatchCodec.decode(raw, 0, raw.length);
    assertEquals(exp.get("rel_timestamp").asLong(), batch.prefix().relTimestamp());
    assertEquals(exp.get("l1_origin_num").asText(), Long.toUnsignedString(batch.prefix().l1OriginNumber()));
    assertEquals(exp.get("parent_check").asText(), batch.prefix().parentCheck().toHex());
    assertEquals(exp.get("l1_origin_check").asText(), batch.prefix().l1OriginCheck().toHex());
    assertEquals(exp.get("block_count").asInt(), batch.blockCount());
    BinaryWriter out = new BinaryWriter();
    SpanBatchCodec.encode(batch, out);
    assertArrayEquals(raw, out.toByteArray());
  }

  @Test
  void everyTruncationOfTheVectorIsADecodeException() {
    byte[] raw = Vectors.bytes(DIR + "kona_raw_span_batch.bin");
    for (int cut = 0; cut < raw.length; cut++) {
      byte[] part = Arrays.copyOf(raw, cut);
      assertThrows(DecodeException.class, () -> SpanBatchCodec.decode(part, 0, part.length), "cut at " + cut);
    }
  }

  @Test
  void trailingBytesAfterASpanBatchAreIgnoredLikeOpNode() {
    byte[] raw = Vectors.bytes(DIR + "kona_raw_span_batch.bin");
    byte[] longer = Arrays.copyOf(raw, raw.length + 3);
    assertEquals(SpanBatchCodec.decode(raw, 0, raw.length), SpanBatchCodec.decode(longer, 0, longer.length));
  }
}
