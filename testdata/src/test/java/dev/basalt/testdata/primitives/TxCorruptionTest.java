package dev.basalt.testdata.primitives;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.basalt.core.codec.DecodeException;
import dev.basalt.core.rlp.RlpWriter;
import dev.basalt.core.tx.DecodedTx;
import dev.basalt.core.tx.SignedTx;
import dev.basalt.core.tx.TxCodec;
import dev.basalt.core.tx.UnknownTypeTx;
import dev.basalt.core.types.Hex;
import dev.basalt.testdata.gen.SimRng;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Corrupt input never escapes as anything but {@link DecodeException} (or an unknown-type value),
 * and whatever does decode is canonical: re-encoding it gives back the exact input.
 */
class TxCorruptionTest {
  private static final String EIP155_TX =
      "0xf86c098504a817c800825208943535353535353535353535353535353535353535880de0b6b3a7640000"
          + "8025a028ef61340bd939bc2195fe537567866003e1a15d3c71ff63e1590620aa636276"
          + "a067cbe9d8997f761aecb703304b3800ccf555c9f3dc64214b297fb1966a3b6d83";

  /** Decodes {@code bytes}; a value is returned only if it re-encodes to the same bytes. */
  private static DecodedTx decodeOrDecodeException(byte[] bytes, String what) {
    try {
      DecodedTx decoded = TxCodec.decode(bytes);
      if (decoded instanceof SignedTx signed) {
        assertArrayEquals(bytes, TxCodec.encode(signed.tx()), what + ": a decoded value must be canonical");
      }
      return decoded;
    } catch (DecodeException expected) {
      return null;
    } catch (RuntimeException other) {
      fail(what + ": escaped as " + other, other);
      return null;
    }
  }

  private static List<byte[]> samples(SimRng rng) {
    TxGen gen = new TxGen(rng.fork("samples"));
    List<byte[]> out = new ArrayList<>();
    out.add(Hex.decode(EIP155_TX));
    for (int i = 0; i < 40; i++) {
      out.add(TxCodec.encode(gen.signed(i % 5, gen.key())));
    }
    return out;
  }

  @Test
  void everyTruncationIsRejected() {
    for (byte[] valid : samples(new SimRng(21))) {
      for (int length = 0; length < valid.length; length++) {
        byte[] cut = Arrays.copyOf(valid, length);
        assertThrows(DecodeException.class, () -> TxCodec.decode(cut), "truncated to " + length);
      }
    }
  }

  @Test
  void trailingBytesAreRejected() {
    SimRng rng = new SimRng(22);
    for (byte[] valid : samples(rng)) {
      for (int extra = 1; extra <= 3; extra++) {
        byte[] longer = Arrays.copyOf(valid, valid.length + extra);
        longer[valid.length] = (byte) rng.nextInt(256);
        assertThrows(DecodeException.class, () -> TxCodec.decode(longer), "with " + extra + " trailing bytes");
      }
    }
  }

  @Test
  void randomByteFlipsDecodeCanonicallyOrFailCleanly() {
    SimRng rng = new SimRng(23);
    int rejected = 0;
    int accepted = 0;
    for (byte[] valid : samples(rng)) {
      for (int i = 0; i < 200; i++) {
        byte[] mutated = valid.clone();
        int flips = 1 + rng.nextInt(3);
        for (int f = 0; f < flips; f++) {
          mutated[rng.nextInt(mutated.length)] ^= (byte) (1 + rng.nextInt(255));
        }
        if (decodeOrDecodeException(mutated, "flip") == null) {
          rejected++;
        } else {
          accepted++;
        }
      }
    }
    // Flips in calldata or fee values still decode (to a different, canonical tx); flips in a length
    // prefix, an address or the type byte do not. Both paths must have been exercised.
    assertTrue(rejected > 100 && accepted > 100, "rejected " + rejected + ", accepted " + accepted);
  }

  @Test
  void randomGarbageNeverEscapes() {
    SimRng rng = new SimRng(24);
    for (int i = 0; i < 5_000; i++) {
      byte[] garbage = rng.bytes(rng.nextInt(80));
      DecodedTx decoded = decodeOrDecodeException(garbage, "garbage " + Hex.encode(garbage));
      if (decoded instanceof UnknownTypeTx unknown) {
        assertEquals(garbage[0] & 0xff, unknown.typeByte());
      }
    }
  }

  /** The EIP-155 example's nine fields, re-assembled with one field replaced by {@code badItem}. */
  private static byte[] eip155With(int field, String badItemHex) {
    byte[][] items = {
      Hex.decode("09"), Hex.decode("8504a817c800"), Hex.decode("825208"),
      Hex.decode("943535353535353535353535353535353535353535"), Hex.decode("880de0b6b3a7640000"),
      Hex.decode("80"), Hex.decode("25"),
      Hex.decode("a028ef61340bd939bc2195fe537567866003e1a15d3c71ff63e1590620aa636276"),
      Hex.decode("a067cbe9d8997f761aecb703304b3800ccf555c9f3dc64214b297fb1966a3b6d83"),
    };
    items[field] = Hex.decode(badItemHex);
    RlpWriter w = new RlpWriter().startList();
    for (byte[] item : items) {
      w.raw(item);
    }
    return w.endList().toByteArray();
  }

  @Test
  void nonCanonicalEncodingsAreRejected() {
    assertArrayEquals(Hex.decode(EIP155_TX), eip155With(0, "09"), "the reassembly itself is faithful");
    String[][] cases = {
      {"0", "8109", "single byte below 0x80 wrapped in a string"},
      {"0", "820009", "integer with a leading zero"},
      {"1", "860004a817c800", "gas price with a leading zero"},
      {"4", "b8080de0b6b3a7640000", "long form for an 8-byte string"},
      {"3", "9335353535353535353535353535353535353535", "19-byte address"},
      {"6", "c0", "list where v belongs"},
      {"7", "a100" + "28ef61340bd939bc2195fe537567866003e1a15d3c71ff63e1590620aa636276", "33-byte r"},
      {"8", "a1" + "01".repeat(33), "r/s above 256 bits"},
    };
    for (String[] c : cases) {
      byte[] bad = eip155With(Integer.parseInt(c[0]), c[1]);
      assertThrows(DecodeException.class, () -> TxCodec.decode(bad), c[2]);
    }
    // A short list written in long form: an f8 prefix for a 3-byte payload.
    byte[] tooLongHeader = {0x02, (byte) 0xf8, 0x03, (byte) 0x80, (byte) 0x80, (byte) 0x80};
    assertThrows(DecodeException.class, () -> TxCodec.decode(tooLongHeader));
  }
}
