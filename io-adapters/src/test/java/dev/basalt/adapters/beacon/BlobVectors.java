package dev.basalt.adapters.beacon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.basalt.adapters.stub.StubBeaconServer;
import dev.basalt.core.l1.IndexedBlobHash;
import dev.basalt.core.types.Bytes;
import dev.basalt.core.types.Hash32;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Real blobs: the Goerli beacon answer for slot 7422094 (5 sidecars) and hildr's verify_blob with
 * its published commitment, proof and versioned hash.
 */
final class BlobVectors {
  static final long GOERLI_SLOT = 7422094;
  static final String VERIFY_COMMITMENT = "0x8fa54464cc0e8239eece0aaece71c0a77c3982458c90e23cf7d76047e4bc18ca53b9db993ea7c3f9c46e02a3e18c6f3f";
  static final String VERIFY_PROOF = "0x86d8f4e5064978a200d4b3f14433f9027b3e9fbcadf9c55cba620f188b2bb478716b0ca0fc3baa9127078696a3fc52c1";
  static final String VERIFY_VERSIONED_HASH = "0x0117c47bf5c7f09ff5bf881d102ed3896050fdd3eccda6f46d94698d77b20331";

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private BlobVectors() {}

  /** The 5 Goerli sidecars (the API's {@code data} array). */
  static ArrayNode goerliSidecars() {
    try (InputStream in = resource("/vectors/blobs/op-service/eth_v1_beacon_blob_sidecars_7422094_goerli.json")) {
      return (ArrayNode) MAPPER.readTree(in).get("data");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String verifyBlobHex() {
    try (InputStream in = resource("/vectors/blobs/hildr/verify_blob.txt")) {
      return new String(in.readAllBytes(), StandardCharsets.US_ASCII).strip();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** verify_blob as a one-sidecar {@code data} array at blob index {@code index}. */
  static ArrayNode verifyBlobSidecars(int index) {
    ArrayNode data = MAPPER.createArrayNode();
    ObjectNode s = data.addObject();
    s.put("index", Integer.toString(index)).put("blob", verifyBlobHex());
    s.put("kzg_commitment", VERIFY_COMMITMENT).put("kzg_proof", VERIFY_PROOF);
    return data;
  }

  /** The request for sidecar {@code i} of {@code sidecars}: its index and its commitment's versioned hash. */
  static IndexedBlobHash wanted(JsonNode sidecars, int i) {
    JsonNode s = sidecars.get(i);
    return new IndexedBlobHash(Integer.parseInt(s.get("index").asText()),
        Hash32.fromHex(StubBeaconServer.versionedHash(s.get("kzg_commitment").asText())));
  }

  static Bytes blob(JsonNode sidecars, int i) {
    return Bytes.fromHex(sidecars.get(i).get("blob").asText());
  }

  private static InputStream resource(String path) {
    InputStream in = BlobVectors.class.getResourceAsStream(path);
    if (in == null) {
      throw new IllegalStateException("missing test resource " + path);
    }
    return in;
  }
}
