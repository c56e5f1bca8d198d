package dev.basalt.core.derive.blob;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.basalt.core.types.Bytes;
import dev.basalt.core.types.Hash32;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The memo answers what decoding answers (data or the same failure) on seeded blobs: blobs seen
 * again as the same object or as an equal copy, blobs differing from a remembered one in a single
 * byte, blobs that do not decode, and versioned hashes that collide or do not belong to the blob.
 */
class BlobMemoTest {
  @Test
  void answersAsDecodingOnSeededBlobs() {
    for (int seed = 1; seed <= 10; seed++) {
      SplittableRandom random = new SplittableRandom(seed);
      Bytes[] pool = new Bytes[6];
      for (int i = 0; i < pool.length; i++) {
        byte[] data = new byte[random.nextInt(1, 3000)];
        random.nextBytes(data);
        pool[i] = Bytes.of(BlobCodec.encode(data).toArray());
      }
      Hash32[] hashes = {hash(1), hash(2), hash(1 + BlobMemo.SLOTS)}; // 1 and 1 + SLOTS share a slot
      BlobMemo memo = new BlobMemo();
      int hits = 0;
      for (int i = 0; i < 600; i++) {
        Bytes blob = pool[random.nextInt(pool.length)];
        int kind = random.nextInt(10);
        if (kind == 0) {
          blob = Bytes.of(blob.toArray()); // an equal copy
        } else if (kind == 1 || kind == 2) {
          byte[] changed = blob.toArray();
          int at = kind == 1 ? random.nextInt(4, 3000) : random.nextInt(changed.length); // data, or anywhere
          changed[at] ^= (byte) (1 << random.nextInt(6));
          blob = Bytes.of(changed);
        }
        Hash32 versionedHash = hashes[random.nextInt(hashes.length)];
        Bytes probe = blob;
        String expected = outcome(() -> Bytes.wrapOwned(BlobCodec.decode(Blob.of(blobCopy(probe)))));
        String answer = outcome(() -> memo.decode(versionedHash, probe));
        assertEquals(expected, answer, "seed " + seed + " pick " + i + " kind " + kind);
        hits += kind > 2 ? 1 : 0;
      }
      assertTrue(hits > 300, "picks of remembered blobs: " + hits);
    }
  }

  private static Bytes blobCopy(Bytes blob) {
    return Bytes.of(blob.toArray());
  }

  private static String outcome(java.util.function.Supplier<Bytes> decode) {
    try {
      return decode.get().toHex();
    } catch (BlobDecodeException e) {
      return "failed: " + e.getMessage();
    }
  }

  private static Hash32 hash(long v) {
    return Hash32.fromHex("0x" + String.format("%08x", v) + "00".repeat(28));
  }
}
