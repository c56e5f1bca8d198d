package dev.basalt.testdata.primitives;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.basalt.core.block.OutputRoot;
import dev.basalt.core.types.Hash32;
import dev.basalt.core.types.Hex;
import org.junit.jupiter.api.Test;

/** {@code vectors/g-output-roots}: the kona synthetic vector (with its encoding) and hildr's formula vector. */
class OutputRootVectorsTest {
  @Test
  void everyVectorHashesToItsExpectedRoot() {
    JsonNode vectors = Vectors.json("g-output-roots/output_root_vectors.json").get("vectors");
    int checked = 0;
    for (JsonNode v : vectors) {
      assertEquals(OutputRoot.VERSION_0, RpcJson.hash(v.get("version")));
      Hash32 stateRoot = RpcJson.hash(v.get("state_root"));
      Hash32 storageRoot = RpcJson.hash(v.get("message_passer_storage_root"));
      Hash32 blockHash = RpcJson.hash(v.get("block_hash"));
      if (v.has("expected_encoding")) {
        assertEquals(v.get("expected_encoding").asText(), Hex.encode(OutputRoot.encodeV0(stateRoot, storageRoot, blockHash)));
      }
      assertEquals(RpcJson.hash(v.get("expected_output_root")), OutputRoot.v0(stateRoot, storageRoot, blockHash),
          v.get("name").asText());
      checked++;
    }
    assertEquals(2, checked);
  }
}
