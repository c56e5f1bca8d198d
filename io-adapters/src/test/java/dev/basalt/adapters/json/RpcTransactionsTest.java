package dev.basalt.adapters.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.basalt.core.crypto.Keccak;
import dev.basalt.core.crypto.SigningKey;
import dev.basalt.core.tx.AccessTuple;
import dev.basalt.core.tx.Authorization;
import dev.basalt.core.tx.BlobTx;
import dev.basalt.core.tx.SetCodeTx;
import dev.basalt.core.tx.SignedTx;
import dev.basalt.core.tx.TxCodec;
import dev.basalt.core.types.Address;
import dev.basalt.core.types.Bytes;
import dev.basalt.core.types.Hash32;
import java.io.InputStream;
import java.math.BigInteger;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class RpcTransactionsTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String REAL = "j-real-derivation/op-mainnet-l1-18090205-18090218/";

  private static JsonNode vector(String path) throws Exception {
    try (InputStream in = RpcTransactionsTest.class.getResourceAsStream("/vectors/" + path)) {
      return MAPPER.readTree(in);
    }
  }

  private static String hex(BigInteger v) {
    return "0x" + v.toString(16);
  }

  /** Every transaction of every real block: legacy (EIP-155 and not), 2930, 1559 and deposits. */
  @Test
  void everyRealTransactionRebuildsItsHash() throws Exception {
    Set<Integer> types = new TreeSet<>();
    int checked = 0;
    for (String side : List.of("l1/", "l2/")) {
      for (long n = side.equals("l1/") ? 18090205 : 109279674; n <= (side.equals("l1/") ? 18090218 : 109279689); n++) {
        JsonNode txs = vector(REAL + side + n + ".block.json").get("transactions");
        for (int i = 0; i < txs.size(); i++) {
          RpcObject tx = new RpcObject(txs.get(i), "transactions[" + i + "]");
          Bytes envelope = RpcTransactions.envelope(tx);
          assertEquals(txs.get(i).get("hash").asText(), Keccak.hash(envelope).toHex(), side + n + " tx " + i);
          types.add(RpcTransactions.type(tx));
          checked++;
        }
      }
    }
    assertEquals(Set.of(0, 1, 2, 0x7e), types);
    assertEquals(2295, checked);
  }

  /** The real Sepolia blob transaction, written as an RPC node would: its hash is the on-chain one. */
  @Test
  void blobTransactionFromItsJsonFields() throws Exception {
    JsonNode v = vector("tx/l1_tx_vectors.json").get("vectors").get(1);
    BlobTx blob = (BlobTx) ((SignedTx) TxCodec.decode(Bytes.fromHex(v.get("raw").asText()))).tx();
    ObjectNode json = MAPPER.createObjectNode();
    json.put("type", "0x3").put("chainId", hex(blob.chainId())).put("nonce", "0x" + Long.toHexString(blob.nonce()));
    json.put("maxPriorityFeePerGas", hex(blob.maxPriorityFeePerGas())).put("maxFeePerGas", hex(blob.maxFeePerGas()));
    json.put("gas", "0x" + Long.toHexString(blob.gasLimit())).put("to", v.get("to").asText()).put("value", "0x0");
    json.put("input", "0x").put("maxFeePerBlobGas", hex(blob.maxFeePerBlobGas()));
    json.set("accessList", MAPPER.createArrayNode());
    json.set("blobVersionedHashes", v.get("blob_versioned_hashes"));
    json.put("yParity", "0x" + blob.signature().yParity()).put("v", "0x" + blob.signature().yParity());
    json.put("r", hex(blob.signature().r())).put("s", hex(blob.signature().s()));
    Bytes envelope = RpcTransactions.envelope(new RpcObject(json, "tx"));
    assertEquals(v.get("hash").asText(), Keccak.hash(envelope).toHex());

    json.remove("to");
    assertEquals("tx.to: missing (blob and set-code transactions cannot create contracts)",
        assertThrows(JsonFormatException.class, () -> RpcTransactions.envelope(new RpcObject(json, "tx"))).getMessage());
  }

  /** No public vector has a set-code transaction: one signed here, written out field by field. */
  @Test
  void setCodeTransactionFromItsJsonFields() {
    SigningKey key = SigningKey.fromHex("0x" + "46".repeat(32));
    Address delegate = Address.fromHex("0x" + "35".repeat(20));
    Authorization auth = new Authorization(BigInteger.TEN, delegate, 3, 1, BigInteger.valueOf(7), BigInteger.valueOf(9));
    SetCodeTx tx = TxCodec.sign(new SetCodeTx(BigInteger.TEN, 5, BigInteger.ONE, BigInteger.TWO, 50_000, delegate,
        BigInteger.ZERO, Bytes.fromHex("0xabcd"), List.of(new AccessTuple(delegate, List.of(Hash32.ZERO))),
        List.of(auth), TxCodec.placeholderSignature()), key);
    ObjectNode json = MAPPER.createObjectNode();
    json.put("type", "0x4").put("chainId", "0xa").put("nonce", "0x5").put("maxPriorityFeePerGas", "0x1");
    json.put("maxFeePerGas", "0x2").put("gas", "0xc350").put("to", delegate.toHex()).put("value", "0x0");
    json.put("input", "0xabcd").put("yParity", "0x" + tx.signature().yParity());
    json.put("r", hex(tx.signature().r())).put("s", hex(tx.signature().s()));
    ArrayNode access = json.putArray("accessList");
    access.addObject().put("address", delegate.toHex()).putArray("storageKeys").add(Hash32.ZERO.toHex());
    json.putArray("authorizationList").addObject().put("chainId", "0xa").put("address", delegate.toHex())
        .put("nonce", "0x3").put("yParity", "0x1").put("r", "0x7").put("s", "0x9");
    assertEquals(Bytes.wrapOwned(TxCodec.encode(tx)), RpcTransactions.envelope(new RpcObject(json, "tx")));
  }

  @Test
  void signatureFieldsAreChecked() throws Exception {
    JsonNode legacy = vector(REAL + "l2/109279675.block.json").get("transactions").get(2);
    ObjectNode badV = legacy.deepCopy();
    badV.put("v", "0x1d");
    assertEquals("tx.v: 29 is neither 27/28 nor an EIP-155 value (35 and up)",
        assertThrows(JsonFormatException.class, () -> RpcTransactions.envelope(new RpcObject(badV, "tx"))).getMessage());
    ObjectNode dynamic = vector(REAL + "l1/18090208.block.json").get("transactions").get(1).deepCopy();
    dynamic.remove("yParity");
    dynamic.put("v", "0x2");
    assertEquals("tx.v: the y-parity of a typed transaction is 0 or 1, got 2",
        assertThrows(JsonFormatException.class, () -> RpcTransactions.envelope(new RpcObject(dynamic, "tx"))).getMessage());
  }
}
