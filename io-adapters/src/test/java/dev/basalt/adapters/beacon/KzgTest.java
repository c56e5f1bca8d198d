package dev.basalt.adapters.beacon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.basalt.core.types.Bytes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The bundled trusted setup and native library reproduce published commitments and proofs. */
class KzgTest {
  @Test
  void theShippedSetupLoadsAndRecomputesARealCommitment() {
    assertTrue(Kzg.warmUp(), Kzg.unavailableReason());
    Bytes blob = Bytes.fromHex(BlobVectors.verifyBlobHex());
    assertEquals(Kzg.BLOB_BYTES, blob.length());
    Bytes commitment = Kzg.commitment(blob);
    assertEquals(BlobVectors.VERIFY_COMMITMENT, commitment.toHex());
    assertEquals(BlobVectors.VERIFY_VERSIONED_HASH, Kzg.versionedHash(commitment).toHex());
    assertTrue(Kzg.verifyBlobProof(blob, commitment, Bytes.fromHex(BlobVectors.VERIFY_PROOF)));
  }

  @Test
  void everyRealGoerliSidecarVerifiesAndATamperedOneDoesNot() {
    Kzg.warmUp();
    for (JsonNode s : BlobVectors.goerliSidecars()) {
      Bytes blob = Bytes.fromHex(s.get("blob").asText());
      Bytes commitment = Bytes.fromHex(s.get("kzg_commitment").asText());
      assertTrue(Kzg.verifyBlobProof(blob, commitment, Bytes.fromHex(s.get("kzg_proof").asText())), s.get("index").asText());
    }
    JsonNode s = BlobVectors.goerliSidecars().get(0);
    byte[] blob = Bytes.fromHex(s.get("blob").asText()).toArray();
    blob[1000] ^= 1; // a low byte of a field element: still a canonical blob, just another one
    assertFalse(Kzg.verifyBlobProof(Bytes.wrapOwned(blob), Bytes.fromHex(s.get("kzg_commitment").asText()),
        Bytes.fromHex(s.get("kzg_proof").asText())));
  }

  /**
   * A devnet runs the simulated world (which makes blobs) and the node (which checks them) in one
   * process. The binding's loadNativeLibrary loads a fresh copy of the library on every call, and a
   * native method bound to a second copy sees no trusted setup; both loaders must share one copy.
   */
  @Test
  void theSimulatedWorldAndTheAdapterShareOneCopyOfTheNativeLibrary() throws IOException {
    Path maps = Path.of("/proc/self/maps");
    assumeTrue(Files.isReadable(maps), "needs Linux /proc to count mapped libraries");
    assertTrue(dev.basalt.testdata.world.l1.Kzg.isReal());
    assertTrue(Kzg.warmUp(), Kzg.unavailableReason());
    long copies = Files.readAllLines(maps).stream().filter(l -> l.contains("ckzg4844jni"))
        .map(l -> l.substring(l.lastIndexOf(' ') + 1)).distinct().count();
    assertEquals(1, copies, "copies of the KZG library mapped into this process");
    Bytes blob = Bytes.fromHex(BlobVectors.verifyBlobHex());
    assertTrue(Kzg.verifyBlobProof(blob, Kzg.commitment(blob), Bytes.fromHex(BlobVectors.VERIFY_PROOF)));
  }
}
