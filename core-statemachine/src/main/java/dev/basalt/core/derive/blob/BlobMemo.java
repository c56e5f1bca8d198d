package dev.basalt.core.derive.blob;

import dev.basalt.core.types.Bytes;
import dev.basalt.core.types.Hash32;

/**
 * Remembers what blobs decoded to ({@link BlobCodec#decode}), so that a blob handed in again (every
 * pipeline reset walks L1 back by a channel timeout and fetches the same blobs again: seed 7 of the
 * simulator decoded 7,207 distinct blobs 104,921 times) is not decoded again.
 *
 * <p>The key is the blob's content, compared by value (a blob is the same object when it is the
 * one already seen, which makes the comparison one identity check); the versioned hash only picks
 * the slot, so a wrong hash can cost a miss but never a wrong answer. A hit therefore returns what
 * decoding would: a memo can never change an output. Only successful decodings are kept (a blob
 * that does not decode throws each time, as before). Direct-mapped and bounded ({@value #SLOTS}
 * blobs and their data, at most 16 MiB), never iterated, never written to a snapshot. One thread
 * only.
 */
public final class BlobMemo {
  static final int SLOTS = 64;

  private final Bytes[] blobs = new Bytes[SLOTS];
  private final Bytes[] data = new Bytes[SLOTS];

  /**
   * The data {@code blob} (of {@link Blob#SIZE_BYTES}) carries, as {@code BlobCodec.decode(Blob.of(blob))};
   * {@code versionedHash} is the hash it was fetched by.
   *
   * @throws BlobDecodeException when the blob does not decode, as {@link BlobCodec#decode} throws
   */
  public Bytes decode(Hash32 versionedHash, Bytes blob) {
    int h = versionedHash.hashCode();
    int slot = (h ^ (h >>> 16)) & (SLOTS - 1);
    Bytes known = blobs[slot];
    if (known != null && known.equals(blob)) {
      return data[slot];
    }
    Bytes decoded = Bytes.wrapOwned(BlobCodec.decode(Blob.of(blob)));
    blobs[slot] = blob;
    data[slot] = decoded;
    return decoded;
  }
}
