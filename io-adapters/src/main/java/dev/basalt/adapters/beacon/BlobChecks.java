package dev.basalt.adapters.beacon;

import dev.basalt.adapters.http.CallFailure;
import dev.basalt.core.event.FailureKind;
import dev.basalt.core.l1.IndexedBlobHash;
import dev.basalt.core.types.Bytes;
import dev.basalt.core.types.Hash32;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks beacon answers against the versioned hashes the block's transactions commit to, and puts
 * the blobs in the order asked for. A missing blob is {@code NOT_FOUND}; a blob that is not the one
 * its hash names is {@code INVALID_RESPONSE}.
 */
final class BlobChecks {
  private static final Logger LOG = LoggerFactory.getLogger(BlobChecks.class);
  private static final AtomicBoolean WARNED = new AtomicBoolean();

  private BlobChecks() {}

  /**
   * Sidecars: each requested index must be present, its commitment must hash to the requested
   * versioned hash, and its KZG proof must show that the commitment is the blob's.
   */
  static List<Bytes> fromSidecars(List<BlobSidecar> sidecars, List<IndexedBlobHash> wanted, String what)
      throws CallFailure {
    boolean kzg = Kzg.warmUp();
    if (!kzg && WARNED.compareAndSet(false, true)) {
      LOG.warn("KZG unavailable ({}): blob sidecars are checked by commitment only, not that the blob "
          + "matches the commitment", Kzg.unavailableReason());
    }
    List<Bytes> out = new ArrayList<>(wanted.size());
    for (IndexedBlobHash h : wanted) {
      BlobSidecar s = find(sidecars, h.index());
      if (s == null) {
        throw CallFailure.of(FailureKind.NOT_FOUND, what + ": no sidecar for blob index " + h.index()
            + " (returned " + sidecars.size() + " of " + wanted.size() + ")");
      }
      Hash32 committed = Kzg.versionedHash(s.commitment());
      if (!committed.equals(h.versionedHash())) {
        throw CallFailure.invalid(what + ": blob " + h.index() + " has commitment hashing to " + committed.toHex()
            + " but the block's transaction says " + h.versionedHash().toHex());
      }
      if (kzg && !Kzg.verifyBlobProof(s.blob(), s.commitment(), s.proof())) {
        throw CallFailure.invalid(what + ": blob " + h.index() + " is not the blob its commitment "
            + committed.toHex() + " commits to (KZG proof fails)");
      }
      out.add(s.blob());
    }
    return out;
  }

  /**
   * Bare blobs ({@code /blobs}, ordered by the block, not by us): each blob's commitment is
   * recomputed and its versioned hash matched to a request. Needs KZG.
   */
  static List<Bytes> fromBlobs(List<Bytes> blobs, List<IndexedBlobHash> wanted, String what) throws CallFailure {
    if (!Kzg.warmUp()) {
      throw CallFailure.invalid(what + ": cannot check bare blobs without KZG (" + Kzg.unavailableReason() + ")");
    }
    Bytes[] placed = new Bytes[wanted.size()];
    for (Bytes blob : blobs) {
      Hash32 got = Kzg.versionedHash(Kzg.commitment(blob));
      int slot = -1;
      for (int i = 0; i < wanted.size() && slot < 0; i++) {
        if (placed[i] == null && wanted.get(i).versionedHash().equals(got)) {
          slot = i;
        }
      }
      if (slot < 0) {
        throw CallFailure.invalid(what + ": returned a blob with versioned hash " + got.toHex()
            + " that was not asked for");
      }
      placed[slot] = blob;
    }
    for (int i = 0; i < placed.length; i++) {
      if (placed[i] == null) {
        throw CallFailure.of(FailureKind.NOT_FOUND, what + ": no blob for " + wanted.get(i).versionedHash().toHex()
            + " (returned " + blobs.size() + " of " + wanted.size() + ")");
      }
    }
    return List.of(placed);
  }

  private static BlobSidecar find(List<BlobSidecar> sidecars, int index) {
    for (BlobSidecar s : sidecars) {
      if (s.index() == index) {
        return s;
      }
    }
    return null;
  }
}
