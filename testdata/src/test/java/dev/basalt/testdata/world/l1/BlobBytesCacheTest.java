package dev.basalt.testdata.world.l1;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.basalt.core.derive.blob.Blob;
import dev.basalt.core.derive.blob.BlobCodec;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BlobBytesCacheTest {
  @Test
  void everyAnswerEqualsTheFreshlyPaddedBlobAcrossHitsMissesAndEvictions() {
    Random random = new Random(42);
    List<BlobSidecar> sidecars = new ArrayList<>();
    for (int i = 0; i < 3 * BlobBytesCache.ENTRIES; i++) {
      byte[] data = new byte[random.nextInt(i % 7 == 0 ? 120_000 : 2_000) + 1];
      random.nextBytes(data);
      sidecars.add(BlobSidecar.of(BlobCodec.encode(data), BlobCommitments.PSEUDO));
    }
    BlobBytesCache cache = new BlobBytesCache();
    for (int n = 0; n < 5_000; n++) {
      BlobSidecar s = sidecars.get(random.nextInt(random.nextBoolean() ? 8 : sidecars.size()));
      if (random.nextInt(4) == 0) {
        s = s.at(random.nextInt(6)); // an index-shifted copy shares the trimmed bytes
      }
      assertEquals(s.blobBytes(), cache.full(s));
      assertEquals(Blob.SIZE_BYTES, cache.full(s).length());
      assertEquals(s.blob(), Blob.of(cache.full(s)));
    }
  }

  @Test
  void trimDropsExactlyTheTrailingZeros() {
    Random random = new Random(7);
    for (int n = 0; n < 2_000; n++) {
      byte[] full = new byte[random.nextInt(3) == 0 ? Blob.SIZE_BYTES : random.nextInt(20_000)];
      int nonZero = random.nextInt(4);
      for (int i = 0; i < nonZero && full.length > 0; i++) {
        full[random.nextInt(full.length)] = (byte) (1 + random.nextInt(255));
      }
      int end = full.length;
      while (end > 0 && full[end - 1] == 0) {
        end--;
      }
      assertArrayEquals(java.util.Arrays.copyOf(full, end), BlobSidecar.trim(full));
    }
  }

  @Test
  void aRepeatedFetchSharesOneCopy() {
    BlobSidecar s = BlobSidecar.of(BlobCodec.encode(new byte[] {1, 2, 3}), BlobCommitments.PSEUDO);
    BlobBytesCache cache = new BlobBytesCache();
    assertSame(cache.full(s), cache.full(s.at(3)));
  }
}
