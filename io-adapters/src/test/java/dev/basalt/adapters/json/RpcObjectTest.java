package dev.basalt.adapters.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class RpcObjectTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private static RpcObject obj(String json) throws Exception {
    JsonNode node = MAPPER.readTree(json);
    return new RpcObject(node, "tx");
  }

  private static String error(Runnable r) {
    return assertThrows(JsonFormatException.class, r::run).getMessage();
  }

  @Test
  void quantities() throws Exception {
    RpcObject o = obj("{\"a\":\"0x1a\",\"b\":\"0x\",\"c\":\"0x001\",\"d\":26,\"e\":\"0XFF\",\"n\":null}");
    assertEquals(BigInteger.valueOf(26), o.quantity("a"));
    assertEquals(BigInteger.ZERO, o.quantity("b"));
    assertEquals(BigInteger.ONE, o.quantity("c"), "leading zeros are tolerated");
    assertEquals(BigInteger.valueOf(26), o.quantity("d"), "plain JSON integers too");
    assertEquals(BigInteger.valueOf(255), o.quantity("e"));
    assertNull(o.optionalQuantity("n"), "null is absent");
    assertNull(o.optionalQuantity("missing"));
    assertFalse(o.has("n"));
  }

  @Test
  void badQuantitiesNameTheirPath() throws Exception {
    RpcObject o = obj("{\"a\":\"26\",\"b\":-1,\"c\":\"0x" + "f".repeat(65) + "\",\"d\":true,\"e\":\"0x1g\",\"f\":\"0x"
        + "1" + "0".repeat(16) + "\"}");
    assertEquals("tx.a: expected a 0x-prefixed hex quantity, got \"26\"", error(() -> o.quantity("a")));
    assertEquals("tx.b: -1 is not a 256-bit unsigned integer", error(() -> o.quantity("b")));
    assertTrue(error(() -> o.quantity("c")).startsWith("tx.c: "));
    assertEquals("tx.d: expected a hex quantity such as \"0x1a\", got true", error(() -> o.quantity("d")));
    assertEquals("tx.e: not a hex quantity: \"0x1g\"", error(() -> o.quantity("e")));
    assertEquals("tx.f: 18446744073709551616 does not fit in 64 bits", error(() -> o.u64("f")));
    assertEquals("tx.zz: missing", error(() -> o.quantity("zz")));
  }

  @Test
  void u64KeepsTheFullUnsignedRange() throws Exception {
    assertEquals(-1L, obj("{\"g\":\"0xffffffffffffffff\"}").u64("g"));
  }

  @Test
  void dataHashesAndAddresses() throws Exception {
    RpcObject o = obj("{\"h\":\"0x" + "ab".repeat(32) + "\",\"a\":\"0x" + "cd".repeat(20) + "\",\"odd\":\"0xabc\","
        + "\"bare\":\"abcd\",\"to\":null,\"yes\":true,\"one\":\"0x1\",\"two\":\"0x2\"}");
    assertEquals("0x" + "ab".repeat(32), o.hash("h").toHex());
    assertEquals("0x" + "cd".repeat(20), o.address("a").toHex());
    assertNull(o.optionalAddress("to"));
    assertEquals("tx.a: expected a 32-byte hash, got 20 bytes", error(() -> o.hash("a")));
    assertEquals("tx.h: expected a 20-byte address, got 32 bytes", error(() -> o.address("h")));
    assertEquals("tx.odd: not hex data: odd number of hex digits: 3", error(() -> o.data("odd")));
    assertEquals("tx.bare: expected 0x-prefixed hex data, got \"abcd\"", error(() -> o.data("bare")));
    assertTrue(o.bool("yes", false));
    assertTrue(o.bool("one", false));
    assertFalse(o.bool("absent", false));
    assertEquals("tx.two: expected a boolean, got 2", error(() -> o.bool("two", false)));
  }

  @Test
  void onlyObjects() {
    assertEquals("tx: expected a JSON object, got an array", error(() -> new RpcObject(MAPPER.createArrayNode(), "tx")));
    assertEquals("expected a JSON object, got nothing", error(() -> new RpcObject(null, "")));
  }
}
