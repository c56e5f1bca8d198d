package dev.basalt.core.l1info;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.basalt.core.codec.DecodeException;
import dev.basalt.core.types.Address;
import dev.basalt.core.types.Bytes;
import dev.basalt.core.types.Hash32;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class L1InfoCalldataTest {
  private static final Hash32 HASH = Hash32.fromHex("0x" + "cd".repeat(32));
  private static final Address BATCHER = Address.fromHex("0x" + "ba".repeat(20));
  private static final L1BlockInfo.Common COMMON =
      new L1BlockInfo.Common(0x0102030405060708L, 0x1112131415161718L, BigInteger.valueOf(0x2122), HASH, 0x31, BATCHER);

  @Test
  void bedrockIsEightAbiWords() {
    L1BlockInfo info = L1BlockInfo.bedrock(COMMON, Hash32.fromHex(word("bc")), Hash32.fromHex(word("0a6fe0")));
    String expected = "0x015d8eb9" + word("0102030405060708") + word("1112131415161718") + word("2122") + "cd".repeat(32)
        + word("31") + word("ba".repeat(20)) + word("bc") + word("0a6fe0");
    assertEquals(expected, L1InfoCalldata.encode(info).toHex());
    assertEquals(info, L1InfoCalldata.decode(Bytes.fromHex(expected)));
  }

  @Test
  void packedFormsAppendTheirFieldsInOrder() {
    L1BlockInfo jovian = L1BlockInfo.jovian(COMMON, BigInteger.valueOf(0x4142), 0x51, 0x61, 0x71, 0x8182838485868788L, 0x9192);
    String packedHead = "00000051" + "00000061" + "0000000000000031" + "1112131415161718" + "0102030405060708"
        + word("2122") + word("4142") + "cd".repeat(32) + word("ba".repeat(20));
    assertEquals("0x3db6be2b" + packedHead + "00000071" + "8182838485868788" + "9192", L1InfoCalldata.encode(jovian).toHex());
    L1BlockInfo ecotone = L1BlockInfo.ecotone(COMMON, BigInteger.valueOf(0x4142), 0x51, 0x61);
    assertEquals("0x440a5e20" + packedHead, L1InfoCalldata.encode(ecotone).toHex());
    L1BlockInfo isthmus = L1BlockInfo.isthmus(COMMON, BigInteger.valueOf(0x4142), 0x51, 0x61, 0x71, 0x8182838485868788L);
    assertEquals("0x098999be" + packedHead + "00000071" + "8182838485868788", L1InfoCalldata.encode(isthmus).toHex());
    for (L1BlockInfo info : new L1BlockInfo[] {ecotone, isthmus, jovian}) {
      assertEquals(info, L1InfoCalldata.decode(L1InfoCalldata.encode(info)));
      assertEquals(info, L1InfoCalldata.decode(L1InfoCalldata.encode(info), info.form()));
    }
  }

  @Test
  void rejectsWrongFormLengthSelectorAndPadding() {
    Bytes ecotone = L1InfoCalldata.encode(L1BlockInfo.ecotone(COMMON, BigInteger.ONE, 1, 2));
    assertThrows(DecodeException.class, () -> L1InfoCalldata.decode(ecotone, L1InfoForm.ISTHMUS), "wrong form");
    assertThrows(DecodeException.class, () -> L1InfoCalldata.decode(Bytes.fromHex(ecotone.toHex() + "00")), "too long");
    byte[] badSelector = ecotone.toArray();
    badSelector[0] ^= 1;
    assertThrows(DecodeException.class, () -> L1InfoCalldata.decode(Bytes.of(badSelector)), "selector");
    assertThrows(DecodeException.class, () -> L1InfoCalldata.decode(Bytes.of(badSelector), L1InfoForm.ECOTONE), "selector");
    byte[] dirtyBatcher = ecotone.toArray();
    dirtyBatcher[4 + 4 + 4 + 24 + 32 + 32 + 32] = 1;
    assertThrows(DecodeException.class, () -> L1InfoCalldata.decode(Bytes.of(dirtyBatcher)), "batcher padding");
    byte[] bedrock = L1InfoCalldata.encode(L1BlockInfo.bedrock(COMMON, Hash32.ZERO, Hash32.ZERO)).toArray();
    bedrock[4] = 1;
    assertThrows(DecodeException.class, () -> L1InfoCalldata.decode(Bytes.of(bedrock)), "number padding");
  }

  @Test
  void valuesRejectFieldsTheirFormDoesNotCarry() {
    assertThrows(IllegalArgumentException.class, () -> new L1BlockInfo(L1InfoForm.ECOTONE, 1, 1, BigInteger.ONE, HASH, 0, BATCHER,
        Hash32.fromHex(word("01")), Hash32.ZERO, BigInteger.ONE, 0, 0, 0, 0, 0));
    assertThrows(IllegalArgumentException.class, () -> new L1BlockInfo(L1InfoForm.ISTHMUS, 1, 1, BigInteger.ONE, HASH, 0, BATCHER,
        Hash32.ZERO, Hash32.ZERO, BigInteger.ONE, 0, 0, 0, 0, 400));
    assertThrows(IllegalArgumentException.class, () -> L1BlockInfo.ecotone(COMMON, BigInteger.ONE, 1L << 32, 0));
  }

  private static String word(String hex) {
    return "0".repeat(64 - hex.length()) + hex;
  }
}
