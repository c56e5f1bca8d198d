package dev.basalt.testdata.world.l1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.basalt.core.derive.blob.Blob;
import dev.basalt.core.derive.blob.BlobCodec;
import dev.basalt.testdata.batcher.EncodedBlob;
import dev.basalt.testdata.gen.SimRng;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Sidecars of encoder-made blobs trimmed from the known zero tail against the full scan, on many seeded lengths. */
class EncodedBlobTest {
  @Test
  void theZeroTailSidecarIsTheScannedSidecar() {
    SimRng rng = new SimRng(17);
    List<Integer> lengths = new ArrayList<>(List.of(0, 1, 2, 27, 122, 123, 124, 125, 126, 127, 128, 250, 251, 252, 253, 254, 508, 509,
        BlobCodec.MAX_DATA_BYTES - 1, BlobCodec.MAX_DATA_BYTES));
    for (int k = 1; k < 1024; k += 37) { // the edges of round k: the stream (4 + length bytes) just fills k rounds of 127
      lengths.add(127 * k - 4 - 1);
      lengths.add(127 * k - 4);
      lengths.add(127 * k - 4 + 1);
    }
    for (int i = 0; i < 200; i++) {
      lengths.add(rng.nextInt(BlobCodec.MAX_DATA_BYTES + 1));
    }
    int nonZeroEnds = 0;
    for (int length : lengths) {
      if (length < 0 || length > BlobCodec.MAX_DATA_BYTES) {
        continue;
      }
      byte[] data = rng.bytes(length);
      if (length > 0 && rng.nextBoolean()) {
        data[length - 1] = (byte) (1 + rng.nextInt(255)); // a non-zero last byte: the blob's content reaches the last round
        nonZeroEnds++;
      } else if (length > 10 && rng.nextBoolean()) {
        java.util.Arrays.fill(data, length - 10, length, (byte) 0); // zeros at the end of the data: trimmed too
      }
      EncodedBlob encoded = EncodedBlob.of(data);
      Blob blob = BlobCodec.encode(data);
      assertEquals(blob, encoded.blob());
      for (BlobCommitments kind : List.of(BlobCommitments.PSEUDO)) {
        BlobSidecar scanned = BlobSidecar.of(blob, kind);
        BlobSidecar fast = BlobSidecar.of(encoded, kind);
        assertEquals(scanned, fast, "length " + length);
        assertEquals(scanned.commitment(), fast.commitment(), "length " + length);
        assertEquals(scanned.blobBytes(), fast.blobBytes(), "length " + length);
      }
    }
    assertTrue(nonZeroEnds > 50, "data reaching its last byte: " + nonZeroEnds);
  }
}
