package dev.basalt.testdata.world.l1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.basalt.core.derive.blob.Blob;
import dev.basalt.core.derive.blob.BlobCodec;
import dev.basalt.core.types.Hash32;
import org.junit.jupiter.api.Test;

class BlobCommitmentsTest {
  @Test
  void pseudoCommitmentsAreDeterministicDistinctAndConsistentWithTheVersionedHash() {
    Blob a = BlobCodec.encode(new byte[] {1, 2, 3});
    Blob b = BlobCodec.encode(new byte[] {1, 2, 4});
    BlobSidecar sa = BlobSidecar.of(a, BlobCommitments.PSEUDO);
    assertEquals(sa.commitment(), BlobSidecar.of(a, BlobCommitments.PSEUDO).commitment());
    assertNotEquals(sa.commitment(), BlobSidecar.of(b, BlobCommitments.PSEUDO).commitment());
    assertEquals(Kzg.COMMITMENT_BYTES, sa.commitment().length());
    Hash32 versioned = Kzg.versionedHash(sa.commitment());
    assertEquals(versioned, sa.versionedHash());
    assertEquals(Kzg.VERSIONED_HASH_VERSION, versioned.toArray()[0]);
    assertEquals(Kzg.COMMITMENT_BYTES, sa.proof().length());
    assertEquals(a, sa.blob());
  }
}
