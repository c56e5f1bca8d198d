package dev.basalt.testdata.world.l1;

import dev.basalt.core.types.Bytes;
import dev.basalt.core.types.Hash32;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The full 131,072-byte blobs most recently handed out, so the many fetches of one blob (every node
 * of a swarm, the reference derivation, re-fetches after resets) share one copy instead of padding
 * the trimmed blob afresh each time. {@link Bytes} is immutable and compared by content, so a
 * shared value is indistinguishable from a fresh one.
 *
 * <p>Correctness: the full blob depends only on the sidecar's trimmed bytes. An entry is found by
 * versioned hash and used only when its trimmed bytes equal the asked sidecar's (by identity first,
 * then by content), so a hit returns exactly what {@link BlobSidecar#padded} would. Bounded to
 * {@value #ENTRIES} entries (least recently used evicted; 16 MiB of blobs at most); never iterated.
 * Size: the nodes of a swarm and the reference derivation fetch a blob far apart (lagging,
 * crashed and replaying nodes); in the quick benchmark 48 entries served 7% of fetches, 128 served 78%.
 */
final class BlobBytesCache {
  static final int ENTRIES = 128;

  private record Padded(byte[] trimmed, Bytes full) {}

  private final Map<Hash32, Padded> entries = new LinkedHashMap<>(64, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<Hash32, Padded> eldest) {
      return size() > ENTRIES;
    }
  };

  /** The full blob of {@code sidecar}, shared with earlier calls for the same blob. */
  synchronized Bytes full(BlobSidecar sidecar) {
    byte[] trimmed = sidecar.trimmed();
    Padded e = entries.get(sidecar.versionedHash());
    if (e != null && (e.trimmed() == trimmed || Arrays.equals(e.trimmed(), trimmed))) {
      return e.full();
    }
    Bytes full = BlobSidecar.padded(trimmed);
    entries.put(sidecar.versionedHash(), new Padded(trimmed, full));
    return full;
  }
}
