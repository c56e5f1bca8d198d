package dev.basalt.cli.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DecodeL1InfoCommandTest {
  /** The vectors' field names where ours differ. */
  private static final Map<String, String> FIELD = Map.of("time", "timestamp", "hash", "blockHash");

  @Test
  void everyUpstreamVectorDecodesToItsExpectedFields() {
    int fields = 0;
    for (JsonNode v : Tool.json("l1info/l1_info_calldata_vectors.json").get("vectors")) {
      JsonNode out = Tool.run("decode", "l1-info", "--hex", v.get("calldata_hex").asText()).json();
      String name = v.get("name").asText();
      assertEquals(v.get("format").asText(), out.get("form").asText(), name);
      assertEquals(v.get("calldata_hex").asText().length() / 2, out.get("length").asInt(), name);
      Iterator<Map.Entry<String, JsonNode>> expected = v.get("expected").fields();
      while (expected.hasNext()) {
        Map.Entry<String, JsonNode> e = expected.next();
        if (e.getKey().equals("batcherHash")) {
          // A version-0 batcher hash is the batcher address, left-padded to 32 bytes.
          assertEquals("0x" + e.getValue().asText().substring(26), out.get("batcherAddress").asText(), name);
        } else {
          JsonNode actual = out.get(FIELD.getOrDefault(e.getKey(), e.getKey()));
          assertEquals(e.getValue().asText(), actual.asText(), name + " " + e.getKey());
        }
        fields++;
      }
    }
    assertEquals(62, fields, "every expected value was compared");
  }

  @Test
  void onlyTheFormsFieldsAppear() {
    JsonNode vectors = Tool.json("l1info/l1_info_calldata_vectors.json").get("vectors");
    JsonNode bedrock = Tool.run("decode", "l1-info", "--hex", vectors.get(0).get("calldata_hex").asText()).json();
    assertEquals("setL1BlockValues", bedrock.get("function").asText());
    assertEquals("0x015d8eb9", bedrock.get("selector").asText());
    assertFalse(bedrock.has("blobBaseFee"));
    JsonNode ecotone = Tool.run("decode", "l1-info", "--hex", vectors.get(1).get("calldata_hex").asText()).json();
    assertFalse(ecotone.has("l1FeeOverhead"));
    assertFalse(ecotone.has("operatorFeeScalar"));
    JsonNode jovian = Tool.run("decode", "l1-info", "--hex", vectors.get(8).get("calldata_hex").asText()).json();
    assertEquals("jovian", jovian.get("form").asText());
    assertEquals(1234, jovian.get("sequenceNumber").asInt());
  }

  @Test
  void badCalldataNamesWhatDoesNotFit() {
    String ecotone = Tool.json("l1info/l1_info_calldata_vectors.json").get("vectors").get(1).get("calldata_hex").asText();
    assertEquals("error: L1-info calldata: selector 0x440a5e20 is ecotone's, whose calldata has 164 bytes, but this has 163",
        Tool.run("decode", "l1-info", "--hex", ecotone.substring(0, ecotone.length() - 2)).badInput());
    assertEquals("error: L1-info calldata: selector 0xa9059cbb is no L1-info form's (bedrock 0x015d8eb9, ecotone"
        + " 0x440a5e20, isthmus 0x098999be, jovian 0x3db6be2b)", Tool.run("decode", "l1-info", "--hex", "a9059cbb00").badInput());
    assertEquals("error: L1-info calldata: L1-info calldata starts with a 4-byte selector, got 2 bytes",
        Tool.run("decode", "l1-info", "--hex", "0x015d").badInput());
    // Bedrock words are left-padded: a non-zero byte in the number's padding is refused.
    String bedrock = Tool.json("l1info/l1_info_calldata_vectors.json").get("vectors").get(0).get("calldata_hex").asText();
    String dirty = bedrock.substring(0, 8) + "01" + bedrock.substring(10);
    assertEquals("error: L1-info calldata: number has non-zero padding at offset 4",
        Tool.run("decode", "l1-info", "--hex", dirty).badInput());
  }
}
