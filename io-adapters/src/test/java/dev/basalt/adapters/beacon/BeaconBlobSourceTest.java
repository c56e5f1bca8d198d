package dev.basalt.adapters.beacon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.basalt.adapters.http.CallFailure;
import dev.basalt.adapters.http.RetryPolicy;
import dev.basalt.adapters.stub.StubBeaconServer;
import dev.basalt.core.event.FailureKind;
import dev.basalt.core.l1.IndexedBlobHash;
import dev.basalt.core.types.Bytes;
import dev.basalt.core.types.Hash32;
import dev.basalt.core.types.L1BlockRef;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Blob fetching against loopback beacon nodes serving real sidecars. */
class BeaconBlobSourceTest {
  /** Goerli's beacon genesis time; its slots were 12 s. */
  private static final long GENESIS = 1616508000L;
  private static final RetryPolicy QUICK = new RetryPolicy(2, 10, 20);

  private static BeaconOptions options(URI primary, List<URI> fallbacks, Map<String, String> headers, long override) {
    return new BeaconOptions(primary, fallbacks, headers, override, 2_000, QUICK, 4);
  }

  private static L1BlockRef blockAtSlot(long slot, long secondsPerSlot) {
    return new L1BlockRef(Hash32.fromHex("0x" + "ab".repeat(32)), 10_000_000, Hash32.ZERO, GENESIS + slot * secondsPerSlot);
  }

  private static StubBeaconServer goerli() {
    StubBeaconServer s = new StubBeaconServer(GENESIS, 12);
    s.addSidecars(BlobVectors.GOERLI_SLOT, BlobVectors.goerliSidecars());
    return s;
  }

  @Test
  void realSidecarsComeBackCheckedInTheOrderAskedFor() throws Exception {
    ArrayNode sidecars = BlobVectors.goerliSidecars();
    List<IndexedBlobHash> wanted = List.of(BlobVectors.wanted(sidecars, 3), BlobVectors.wanted(sidecars, 0),
        BlobVectors.wanted(sidecars, 4));
    try (StubBeaconServer node = goerli(); BeaconBlobSource source = new BeaconBlobSource(BeaconOptions.of(node.url()))) {
      List<Bytes> blobs = source.fetch(blockAtSlot(BlobVectors.GOERLI_SLOT, 12), wanted);
      assertEquals(List.of(BlobVectors.blob(sidecars, 3), BlobVectors.blob(sidecars, 0), BlobVectors.blob(sidecars, 4)), blobs);
      source.fetch(blockAtSlot(BlobVectors.GOERLI_SLOT, 12), wanted.subList(0, 1));
      assertEquals(1, node.count("genesis"), "genesis and spec are read once");
      assertEquals(1, node.count("spec"));
      assertEquals(2, node.count("blob_sidecars"));
      assertEquals(List.of(), source.fetch(blockAtSlot(1, 12), List.of()), "nothing asked, nothing fetched");
      assertEquals(2, node.count("blob_sidecars"));
    }
  }

  @Test
  void theRealVerifyBlobPassesWithItsPublishedProof() throws Exception {
    try (StubBeaconServer node = new StubBeaconServer(GENESIS, 12);
        BeaconBlobSource source = new BeaconBlobSource(BeaconOptions.of(node.url()))) {
      node.addSidecars(77, BlobVectors.verifyBlobSidecars(2));
      IndexedBlobHash h = new IndexedBlobHash(2, Hash32.fromHex(BlobVectors.VERIFY_VERSIONED_HASH));
      assertEquals(List.of(Bytes.fromHex(BlobVectors.verifyBlobHex())), source.fetch(blockAtSlot(77, 12), List.of(h)));
    }
  }

  @Test
  void aBlobThatIsNotItsCommitmentsIsRejected() {
    ArrayNode sidecars = BlobVectors.verifyBlobSidecars(0);
    String hex = sidecars.get(0).get("blob").asText();
    ((ObjectNode) sidecars.get(0)).put("blob", hex.substring(0, 2001) + (hex.charAt(2001) == '0' ? '1' : '0') + hex.substring(2002));
    try (StubBeaconServer node = new StubBeaconServer(GENESIS, 12);
        BeaconBlobSource source = new BeaconBlobSource(BeaconOptions.of(node.url()))) {
      node.addSidecars(5, sidecars);
      IndexedBlobHash h = new IndexedBlobHash(0, Hash32.fromHex(BlobVectors.VERIFY_VERSIONED_HASH));
      CallFailure f = assertThrows(CallFailure.class, () -> source.fetch(blockAtSlot(5, 12), List.of(h)));
      assertEquals(FailureKind.INVALID_RESPONSE, f.kind());
      assertTrue(f.detail().contains("blob 0 is not the blob its commitment " + BlobVectors.VERIFY_VERSIONED_HASH
          + " commits to (KZG proof fails)"), f.detail());
    }
  }

  @Test
  void aSidecarForAnotherVersionedHashIsRejected() {
    try (StubBeaconServer node = goerli(); BeaconBlobSource source = new BeaconBlobSource(BeaconOptions.of(node.url()))) {
      IndexedBlobHash other = new IndexedBlobHash(1, Hash32.fromHex(BlobVectors.VERIFY_VERSIONED_HASH));
      CallFailure f = assertThrows(CallFailure.class, () -> source.fetch(blockAtSlot(BlobVectors.GOERLI_SLOT, 12), List.of(other)));
      assertEquals(FailureKind.INVALID_RESPONSE, f.kind());
      assertTrue(f.detail().contains("blob 1 has commitment hashing to "), f.detail());
    }
  }

  @Test
  void notFoundOnThePrimaryIsFetchedFromTheFallbackWithoutTheHeader() throws Exception {
    ArrayNode sidecars = BlobVectors.goerliSidecars();
    try (StubBeaconServer primary = new StubBeaconServer(GENESIS, 12); StubBeaconServer archive = goerli();
        BeaconBlobSource source = new BeaconBlobSource(options(primary.url(), List.of(archive.url()),
            Map.of("X-Api-Key", "secret"), 0))) {
      primary.watchHeader("X-Api-Key");
      archive.watchHeader("X-Api-Key");
      List<Bytes> blobs = source.fetch(blockAtSlot(BlobVectors.GOERLI_SLOT, 12), List.of(BlobVectors.wanted(sidecars, 1)));
      assertEquals(List.of(BlobVectors.blob(sidecars, 1)), blobs);
      assertEquals("secret", primary.headerSeen());
      assertEquals("", archive.headerSeen(), "the primary's credential is not sent to a fallback");
      assertEquals(1, primary.count("blob_sidecars"));
      assertEquals(1, primary.count("blobs"), "the primary's /blobs route is tried before moving on");
      assertEquals(1, archive.count("blob_sidecars"));
    }
  }

  @Test
  void blobsPrunedEverywhereAreNotFound() {
    ArrayNode sidecars = BlobVectors.goerliSidecars();
    try (StubBeaconServer primary = new StubBeaconServer(GENESIS, 12); StubBeaconServer fallback = new StubBeaconServer(GENESIS, 12);
        BeaconBlobSource source = new BeaconBlobSource(options(primary.url(), List.of(fallback.url()), Map.of(), 0))) {
      CallFailure f = assertThrows(CallFailure.class,
          () -> source.fetch(blockAtSlot(BlobVectors.GOERLI_SLOT, 12), List.of(BlobVectors.wanted(sidecars, 0))));
      assertEquals(FailureKind.NOT_FOUND, f.kind());
      assertTrue(f.detail().startsWith("blobs for slot 7422094 (L1 block 10000000 0x" + "ab".repeat(32)
          + ") pruned or missing on all beacon endpoints: beacon " + primary.url()), f.detail());
      assertTrue(f.detail().contains("beacon fallback 1 " + fallback.url() + " blob_sidecars/7422094: HTTP 404"), f.detail());
    }
  }

  @Test
  void aNodePastFuluServesBareBlobsWhoseCommitmentsAreRecomputed() throws Exception {
    ArrayNode sidecars = BlobVectors.goerliSidecars();
    List<IndexedBlobHash> wanted = List.of(BlobVectors.wanted(sidecars, 2), BlobVectors.wanted(sidecars, 1));
    try (StubBeaconServer node = goerli(); BeaconBlobSource source = new BeaconBlobSource(BeaconOptions.of(node.url()))) {
      node.sidecarsGone(true);
      L1BlockRef block = blockAtSlot(BlobVectors.GOERLI_SLOT, 12);
      assertEquals(List.of(BlobVectors.blob(sidecars, 2), BlobVectors.blob(sidecars, 1)), source.fetch(block, wanted));
      assertEquals(List.of(BlobVectors.blob(sidecars, 2)), source.fetch(block, wanted.subList(0, 1)));
      assertEquals(1, node.count("blob_sidecars"), "410 Gone is remembered");
      assertEquals(2, node.count("blobs"));
    }
  }

  @Test
  void aSlotDurationOverrideSkipsTheSpec() throws Exception {
    ArrayNode sidecars = BlobVectors.goerliSidecars();
    try (StubBeaconServer node = new StubBeaconServer(GENESIS, 12);
        BeaconBlobSource source = new BeaconBlobSource(options(node.url(), List.of(), Map.of(), 2))) {
      node.addSidecars(1234, sidecars);
      assertEquals(new SlotClock(GENESIS, 2), source.slotClock());
      assertEquals(List.of(BlobVectors.blob(sidecars, 0)),
          source.fetch(blockAtSlot(1234, 2), List.of(BlobVectors.wanted(sidecars, 0))));
      assertEquals(0, node.count("spec"));
    }
  }
}
