package dev.basalt.core.block;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.basalt.core.codec.DecodeException;
import dev.basalt.core.crypto.Keccak;
import dev.basalt.core.rlp.RlpReader;
import dev.basalt.core.tx.Bloom;
import dev.basalt.core.types.Address;
import dev.basalt.core.types.Bytes;
import dev.basalt.core.types.Hash32;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class BlockHeaderTest {
  private static BlockHeader header(
      BigInteger baseFee, Hash32 withdrawals, Long blobGas, Long excess, Hash32 beacon, Hash32 requests) {
    return new BlockHeader(
        Hash32.ZERO, BlockHeader.EMPTY_OMMERS_HASH, Address.ZERO, Hash32.ZERO, Hash32.ZERO, Hash32.ZERO, Bloom.EMPTY,
        BigInteger.ZERO, 1, 30_000_000, 0, 1_700_000_000, Bytes.EMPTY, Hash32.ZERO, Bytes.of(new byte[8]),
        baseFee, withdrawals, blobGas, excess, beacon, requests);
  }

  @Test
  void constantsAreWhatTheyClaim() throws Exception {
    assertEquals(Keccak.hash(new byte[] {(byte) 0xc0}), BlockHeader.EMPTY_OMMERS_HASH);
    assertEquals(
        Hash32.wrap(MessageDigest.getInstance("SHA-256").digest(new byte[0])), BlockHeader.EMPTY_REQUESTS_HASH);
  }

  @Test
  void everyForkShapeRoundTrips() {
    BlockHeader[] shapes = {
      header(null, null, null, null, null, null),
      header(BigInteger.TEN, null, null, null, null, null),
      header(BigInteger.TEN, Hash32.ZERO, null, null, null, null),
      header(BigInteger.TEN, Hash32.ZERO, 0L, 0L, Hash32.ZERO, null),
      header(BigInteger.TEN, Hash32.ZERO, 0L, 0L, Hash32.ZERO, BlockHeader.EMPTY_REQUESTS_HASH),
    };
    int[] fieldCounts = {15, 16, 17, 20, 21};
    for (int i = 0; i < shapes.length; i++) {
      byte[] encoded = shapes[i].encode();
      BlockHeader decoded = BlockHeaderCodec.decode(encoded);
      assertEquals(shapes[i], decoded);
      assertArrayEquals(encoded, decoded.encode());
      assertEquals(fieldCounts[i], countItems(encoded));
    }
  }

  private static int countItems(byte[] encoded) {
    RlpReader list = new RlpReader(encoded).readList();
    int n = 0;
    while (list.hasNext()) {
      list.skip();
      n++;
    }
    return n;
  }

  @Test
  void laterForkFieldsNeedTheEarlierOnes() {
    assertThrows(IllegalArgumentException.class, () -> header(null, Hash32.ZERO, null, null, null, null));
    assertThrows(IllegalArgumentException.class, () -> header(BigInteger.ONE, Hash32.ZERO, 0L, null, null, null));
    assertThrows(
        IllegalArgumentException.class, () -> header(BigInteger.ONE, null, 0L, 0L, Hash32.ZERO, null));
    assertThrows(
        IllegalArgumentException.class,
        () -> header(BigInteger.ONE, Hash32.ZERO, null, null, null, BlockHeader.EMPTY_REQUESTS_HASH));
  }

  @Test
  void decodingRejectsTruncatedAndOddShapes() {
    byte[] cancun = header(BigInteger.TEN, Hash32.ZERO, 0L, 0L, Hash32.ZERO, null).encode();
    // Drop the parent beacon root: a Cancun header missing one of its three fields.
    byte[] london = header(BigInteger.TEN, Hash32.ZERO, null, null, null, null).encode();
    assertThrows(DecodeException.class, () -> BlockHeaderCodec.decode(Arrays.copyOf(cancun, cancun.length - 1)));
    assertThrows(DecodeException.class, () -> BlockHeaderCodec.decode(Arrays.copyOf(london, london.length + 1)));
  }

  @Test
  void outputRootV0HashesVersionStateRootStorageRootAndBlockHash() {
    Hash32 a = Hash32.fromHex("0x" + "11".repeat(32));
    Hash32 b = Hash32.fromHex("0x" + "22".repeat(32));
    Hash32 c = Hash32.fromHex("0x" + "33".repeat(32));
    byte[] expected = new byte[128];
    a.copyTo(expected, 32);
    b.copyTo(expected, 64);
    c.copyTo(expected, 96);
    assertArrayEquals(expected, OutputRoot.encodeV0(a, b, c));
    assertEquals(Keccak.hash(expected), OutputRoot.v0(a, b, c));
    assertThrows(IllegalArgumentException.class, () -> OutputRoot.ofIsthmusHeader(header(null, null, null, null, null, null)));
  }
}
