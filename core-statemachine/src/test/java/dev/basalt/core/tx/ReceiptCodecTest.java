package dev.basalt.core.tx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.basalt.core.codec.DecodeException;
import dev.basalt.core.types.Address;
import dev.basalt.core.types.Bytes;
import dev.basalt.core.types.Hash32;
import dev.basalt.core.types.Log;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReceiptCodecTest {
  private static final Address PORTAL = Address.fromHex("0xbEb5Fc579115071764c7423A4f12eDde41f106Ed");
  private static final Hash32 TOPIC =
      Hash32.fromHex("0xb3813568d9991fc951961fcb4c784893574240a28925604d09fc577c55bb7c32");

  @Test
  void roundTripsEveryL1TypeIncludingFutureOnes() {
    Log log = new Log(PORTAL, List.of(TOPIC, Hash32.ZERO), Bytes.fromHex("0x0102"));
    for (int type : new int[] {0, 1, 2, 3, 4, 0x05, 0x7d}) {
      Receipt receipt = Receipt.of(type, type % 2 == 0, 1_000_000L * type, List.of(log));
      byte[] encoded = ReceiptCodec.encode(receipt);
      assertEquals(type == 0, (encoded[0] & 0xff) >= 0xc0, "legacy receipts have no type byte");
      assertEquals(receipt, ReceiptCodec.decode(encoded));
      assertArrayEquals(encoded, ReceiptCodec.encode(ReceiptCodec.decode(encoded)));
    }
  }

  @Test
  void rejectsDepositsPostStateRootsAndTrailingBytes() {
    byte[] legacy = ReceiptCodec.encode(Receipt.of(0, true, 21_000, List.of()));
    byte[] deposit = new byte[legacy.length + 1];
    deposit[0] = 0x7e;
    System.arraycopy(legacy, 0, deposit, 1, legacy.length);
    assertThrows(DecodeException.class, () -> ReceiptCodec.decode(deposit));
    byte[] trailing = Arrays.copyOf(legacy, legacy.length + 1);
    assertThrows(DecodeException.class, () -> ReceiptCodec.decode(trailing));
    assertThrows(DecodeException.class, () -> ReceiptCodec.decode(new byte[0]));
  }

  @Test
  void bloomHoldsEveryAddressAndTopicOfItsLogs() {
    Bloom bloom = Bloom.ofLogs(List.of(new Log(PORTAL, List.of(TOPIC), Bytes.EMPTY)));
    assertTrue(bloom.mightContain(PORTAL));
    assertTrue(bloom.mightContain(TOPIC));
    assertFalse(Bloom.EMPTY.mightContain(PORTAL));
    // Three bits per item, so two items set at most six.
    int bits = 0;
    for (byte b : bloom.toArray()) {
      bits += Integer.bitCount(b & 0xff);
    }
    assertTrue(bits >= 3 && bits <= 6);
    assertEquals(bloom, Bloom.EMPTY.or(bloom));
  }
}
