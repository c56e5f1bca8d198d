package dev.basalt.core.rlp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.basalt.core.types.Address;
import dev.basalt.core.types.Bytes;
import dev.basalt.core.types.Hash32;
import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The allocation-free paths of the writer (integers, values, hashes, addresses) against the plain
 * byte-string encoding of the same minimal big-endian bytes, and of the reader's integers against
 * {@code new BigInteger(1, bytes)}, on seeded values of every length.
 */
class RlpFastPathTest {
  @Test
  void integersEncodeAsTheirMinimalBigEndianBytes() {
    Random rng = new Random(64);
    for (int i = 0; i < 20_000; i++) {
      long v = switch (i % 4) {
        case 0 -> i;
        case 1 -> rng.nextLong();
        case 2 -> rng.nextLong() >>> rng.nextInt(64);
        default -> -1L - rng.nextInt(3);
      };
      byte[] minimal = minimal(new BigInteger(Long.toUnsignedString(v)));
      assertArrayEquals(new RlpWriter().bytes(minimal).toByteArray(), new RlpWriter().uint64(v).toByteArray(), "uint64 " + v);
      BigInteger big = new BigInteger(1 + rng.nextInt(300), rng);
      assertArrayEquals(new RlpWriter().bytes(minimal(big)).toByteArray(), new RlpWriter().bigUnsigned(big).toByteArray(), "big " + big);
      BigInteger unsigned = new BigInteger(Long.toUnsignedString(v));
      assertArrayEquals(new RlpWriter().bytes(minimal).toByteArray(), new RlpWriter().bigUnsigned(unsigned).toByteArray(), "u64 " + v);
    }
  }

  @Test
  void valuesHashesAndAddressesEncodeAsTheirBytes() {
    Random rng = new Random(65);
    for (int i = 0; i < 5_000; i++) {
      byte[] b = new byte[i % 7 == 0 ? rng.nextInt(3) : rng.nextInt(200)];
      rng.nextBytes(b);
      RlpWriter expected = new RlpWriter(16).startList().bytes(b);
      RlpWriter actual = new RlpWriter(16).startList().bytes(Bytes.of(b));
      byte[] h = new byte[32];
      rng.nextBytes(h);
      byte[] a = new byte[20];
      rng.nextBytes(a);
      expected.bytes(h).bytes(a).bytes(new byte[0]).endList();
      actual.hash(Hash32.wrap(h)).address(Address.wrap(a)).optionalAddress(null).endList();
      assertArrayEquals(expected.toByteArray(), actual.toByteArray(), "case " + i);
    }
  }

  @Test
  void bigEndianBytesEncodeAsTheirBigInteger() {
    Random rng = new Random(66);
    for (int i = 0; i < 20_000; i++) {
      byte[] b = new byte[40];
      rng.nextBytes(b);
      int offset = rng.nextInt(8);
      int length = rng.nextInt(33);
      for (int z = rng.nextInt(length + 1); z > 0; z--) {
        b[offset + z - 1] = 0;
      }
      if (i % 5 == 0 && length > 0) {
        b[offset + length - 1] = (byte) rng.nextInt(0x81);
      }
      byte[] slice = java.util.Arrays.copyOfRange(b, offset, offset + length);
      assertArrayEquals(new RlpWriter().bigUnsigned(new BigInteger(1, slice)).toByteArray(),
          new RlpWriter().unsignedBigEndian(Bytes.of(b), offset, length).toByteArray(), "case " + i);
    }
  }

  @Test
  void readerIntegersEqualTheirBigIntegers() {
    Random rng = new Random(67);
    for (int i = 0; i < 20_000; i++) {
      byte[] b = new byte[rng.nextInt(12)];
      rng.nextBytes(b);
      assertEquals(new BigInteger(1, b), RlpReader.unsigned(b), "case " + i);
    }
  }

  private static byte[] minimal(BigInteger v) {
    if (v.signum() == 0) {
      return new byte[0];
    }
    byte[] b = v.toByteArray();
    return b[0] == 0 ? java.util.Arrays.copyOfRange(b, 1, b.length) : b;
  }
}
