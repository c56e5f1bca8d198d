package dev.basalt.testdata.l1info;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.basalt.core.l1info.L1BlockInfo;
import dev.basalt.core.l1info.L1InfoCalldata;
import dev.basalt.core.l1info.L1InfoForm;
import dev.basalt.core.types.Address;
import dev.basalt.core.types.Bytes;
import dev.basalt.core.types.Hash32;
import dev.basalt.testdata.vectors.Vectors;
import java.math.BigInteger;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The nine calldata vectors of vectors/l1info: upstream-asserted fields and byte-exact round trips. */
class L1InfoVectorsTest {

  @Test
  void decodesToTheAssertedFieldsAndReencodesByteForByte() {
    int count = 0;
    for (JsonNode v : Vectors.json("l1info/l1_info_calldata_vectors.json").get("vectors")) {
      String name = v.get("name").asText();
      Bytes calldata = Bytes.fromHex(v.get("calldata_hex").asText());
      L1BlockInfo info = L1InfoCalldata.decode(calldata);
      assertEquals(L1InfoForm.valueOf(v.get("format").asText().toUpperCase(Locale.ROOT)), info.form(), name);
      assertEquals(info, L1InfoCalldata.decode(calldata, info.form()), name);
      assertEquals(calldata, L1InfoCalldata.encode(info), name);
      checkExpected(name, v.get("expected"), info);
      count++;
    }
    assertEquals(9, count);
  }

  private static void checkExpected(String name, JsonNode e, L1BlockInfo info) {
    e.properties().forEach(f -> {
      JsonNode x = f.getValue();
      switch (f.getKey()) {
        case "number" -> assertEquals(x.asLong(), info.number(), name);
        case "time" -> assertEquals(x.asLong(), info.timestamp(), name);
        case "baseFee" -> assertEquals(new BigInteger(x.asText()), info.baseFee(), name);
        case "hash" -> assertEquals(Hash32.fromHex(x.asText()), info.blockHash(), name);
        case "sequenceNumber" -> assertEquals(x.asLong(), info.sequenceNumber(), name);
        case "batcherAddress" -> assertEquals(Address.fromHex(x.asText()), info.batcherAddress(), name);
        case "batcherHash" -> assertEquals(Hash32.fromHex(x.asText()), leftPadded(info.batcherAddress()), name);
        case "l1FeeOverhead" -> assertEquals(word(x.asLong()), info.l1FeeOverhead(), name);
        case "l1FeeScalar" -> assertEquals(word(x.asLong()), info.l1FeeScalar(), name);
        case "blobBaseFee" -> assertEquals(new BigInteger(x.asText()), info.blobBaseFee(), name);
        case "baseFeeScalar" -> assertEquals(x.asLong(), info.baseFeeScalar(), name);
        case "blobBaseFeeScalar" -> assertEquals(x.asLong(), info.blobBaseFeeScalar(), name);
        case "operatorFeeScalar" -> assertEquals(x.asLong(), info.operatorFeeScalar(), name);
        case "operatorFeeConstant" -> assertEquals(new BigInteger(x.asText()).longValue(), info.operatorFeeConstant(), name);
        case "daFootprintGasScalar" -> assertEquals(x.asInt(), info.daFootprintGasScalar(), name);
        default -> throw new AssertionError(name + ": unchecked expected field " + f.getKey());
      }
    });
  }

  private static Hash32 word(long v) {
    return Hash32.fromHex(String.format("0x%064x", v));
  }

  private static Hash32 leftPadded(Address a) {
    return Hash32.fromHex("0x" + "00".repeat(12) + a.toHex().substring(2));
  }
}
