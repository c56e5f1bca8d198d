package dev.basalt.testdata.primitives;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import com.fasterxml.jackson.databind.JsonNode;
import dev.basalt.core.crypto.SigningKey;
import dev.basalt.core.tx.SignedTx;
import dev.basalt.core.tx.TxCodec;
import dev.basalt.core.types.Hash32;
import dev.basalt.core.types.Hex;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@code vectors/tx/l1_tx_vectors.json}: signed transactions with upstream-asserted fields and senders. */
class TxVectorsTest {
  @Test
  void everyVectorDecodesToItsAssertedFields() {
    int checked = 0;
    for (JsonNode v : Vectors.json("tx/l1_tx_vectors.json").get("vectors")) {
      String name = v.get("name").asText();
      byte[] raw = Hex.decode(v.get("raw").asText());
      SignedTx signed = assertInstanceOf(SignedTx.class, TxCodec.decode(raw), name);
      assertEquals(v.get("type").asInt(), signed.typeByte(), name);
      assertEquals(new BigInteger(v.get("chain_id").asText()), signed.tx().chainId(), name);
      assertEquals(RpcJson.address(v.get("to")), signed.tx().to(), name);
      assertEquals(Optional.of(RpcJson.address(v.get("sender"))), signed.sender(), name);
      assertArrayEquals(raw, TxCodec.encode(signed.tx()), name + " re-encodes byte for byte");
      if (v.has("hash")) {
        assertEquals(RpcJson.hash(v.get("hash")), signed.hash(), name);
      }
      if (v.has("signing_hash")) {
        assertEquals(RpcJson.hash(v.get("signing_hash")), signed.signingHash(), name);
      }
      if (v.has("private_key")) {
        SigningKey key = SigningKey.fromHex(v.get("private_key").asText());
        assertEquals(RpcJson.address(v.get("sender")), key.address());
        assertArrayEquals(raw, TxCodec.encode(TxCodec.sign(signed.tx(), key)), name + " signs to the same bytes");
      }
      if (v.has("blob_versioned_hashes")) {
        List<Hash32> hashes = new ArrayList<>();
        v.get("blob_versioned_hashes").forEach(h -> hashes.add(RpcJson.hash(h)));
        assertEquals(hashes, signed.tx().blobVersionedHashes(), name);
      }
      checked++;
    }
    assertEquals(3, checked);
  }
}
