package dev.basalt.testdata.world.l1;

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
  void aRepeatedFetchSharesOneCopy() {
    BlobSidecar s = BlobSidecar.of(BlobCodec.encode(new byte[] {1, 2, 3}), BlobCommitments.PSEUDO);
    BlobBytesCache cache = new BlobBytesCache();
    assertSame(cache.full(s), cache.full(s.at(3)));
  }
}
