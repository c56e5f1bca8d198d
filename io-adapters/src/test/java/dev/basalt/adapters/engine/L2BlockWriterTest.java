package dev.basalt.adapters.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.basalt.core.config.Fork;
import dev.basalt.core.config.RollupConfig;
import dev.basalt.core.crypto.Keccak;
import dev.basalt.core.engine.ExecutionPayloadEnvelope;
import dev.basalt.core.tx.DecodedTx;
import dev.basalt.core.tx.SignedTx;
import dev.basalt.core.tx.TxCodec;
import dev.basalt.testdata.world.SimWorld;
import dev.basalt.testdata.world.SimWorldConfig;
import dev.basalt.testdata.world.rollup.TrueBlock;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * L2 blocks as a fake engine serves them to {@code eth_getBlockByNumber}: every block of a
 * simulated chain from Bedrock through Karst (deposits, legacy, 2930, 1559 and 7702 user
 * transactions) is written by {@link L2BlockWriter} and read back by the client's verifying reader
 * ({@link L2BlockJson}, which recomputes the block hash from the fields) into the same envelope;
 * the header and transaction objects carry exactly op-geth's field names for their fork and type.
 */
class L2BlockWriterTest {
  private static final long GENESIS = 1_700_000_000L;
  private static final Set<String> HEADER = Set.of("number", "hash", "parentHash", "nonce", "mixHash", "sha3Uncles", "logsBloom",
      "stateRoot", "miner", "difficulty", "extraData", "gasLimit", "gasUsed", "timestamp", "transactionsRoot", "receiptsRoot",
      "baseFeePerGas", "size", "transactions", "uncles");
  /** op-geth's newRPCTransaction per type (deposits without a receipt: no depositReceiptVersion). */
  private static final Set<String> COMMON = Set.of("blockHash", "blockNumber", "from", "gas", "gasPrice", "hash", "input", "nonce", "to",
      "transactionIndex", "value", "type", "v", "r", "s");
  private static final Map<Integer, Set<String>> EXTRA = Map.of(
      0x7e, Set.of("sourceHash", "mint"),
      0, Set.of("chainId"),
      1, Set.of("accessList", "chainId", "yParity"),
      2, Set.of("accessList", "chainId", "yParity", "maxFeePerGas", "maxPriorityFeePerGas"),
      4, Set.of("accessList", "chainId", "yParity", "maxFeePerGas", "maxPriorityFeePerGas", "authorizationList"));

  private static SimWorld world;

  @BeforeAll
  static void makeChain() {
    world = SimWorld.create(SimWorldConfig.defaults(41).withForks(SimWorldConfig.successive(GENESIS, 30)).withActivity(2, 60, 0, 3));
    world.advanceTo(GENESIS + 30L * Fork.values().length + 60);
  }

  static JsonNode json(ExecutionPayloadEnvelope block, boolean full) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonGenerator gen = RpcEnvelope.MAPPER.getFactory().createGenerator(out)) {
      EngineServerCodec.writeBlock(gen, block, full);
    }
    return RpcEnvelope.MAPPER.readTree(out.toByteArray());
  }

  private static Set<String> names(JsonNode object) {
    Set<String> out = new TreeSet<>();
    object.fieldNames().forEachRemaining(out::add);
    return out;
  }

  private static Set<String> expectedHeader(RollupConfig rollup, long timestamp) {
    Set<String> out = new TreeSet<>(HEADER);
    if (rollup.isActive(Fork.CANYON, timestamp)) {
      out.addAll(List.of("withdrawalsRoot", "withdrawals"));
    }
    if (rollup.isActive(Fork.ECOTONE, timestamp)) {
      out.addAll(List.of("blobGasUsed", "excessBlobGas", "parentBeaconBlockRoot"));
    }
    if (rollup.isActive(Fork.ISTHMUS, timestamp)) {
      out.add("requestsHash");
    }
    return out;
  }

  @Test
  void everyBlockOfEveryForkReadsBackThroughTheVerifyingReader() throws IOException {
    RollupConfig rollup = world.rollupConfig();
    Set<Integer> typesSeen = new HashSet<>();
    for (TrueBlock b : world.trueChain().blocks()) {
      ExecutionPayloadEnvelope block = b.envelope();
      JsonNode json = json(block, true);
      assertEquals(block, L2BlockJson.envelope(json), "block " + b.number());
      assertEquals(expectedHeader(rollup, block.payload().timestamp()), names(json), "block " + b.number());
      assertValueTypes(json);
      JsonNode txs = json.get("transactions");
      for (int i = 0; i < txs.size(); i++) {
        JsonNode tx = txs.get(i);
        int type = Integer.decode(tx.get("type").textValue());
        typesSeen.add(type);
        Set<String> expected = new TreeSet<>(COMMON);
        expected.addAll(EXTRA.get(type));
        assertEquals(expected, names(tx), "block " + b.number() + " tx " + i + " type " + type);
        assertEquals(json.get("hash"), tx.get("blockHash"));
        assertEquals(i, Integer.decode(tx.get("transactionIndex").textValue()));
        if (type != 0x7e) {
          DecodedTx decoded = TxCodec.decode(block.payload().transactions().get(i));
          assertEquals(((SignedTx) decoded).sender().orElseThrow().toHex(), tx.get("from").textValue(), "recovered sender");
        }
      }
    }
    assertEquals(Set.of(0x7e, 0, 1, 2, 4), typesSeen, "the chain has deposits and every signed type an OP block holds");
  }

  @Test
  void withoutFullTransactionsTheBlockListsTransactionHashes() throws IOException {
    ExecutionPayloadEnvelope block = world.trueChain().head().envelope();
    JsonNode json = json(block, false);
    List<String> expected = block.payload().transactions().stream().map(tx -> Keccak.hash(tx).toHex()).toList();
    List<String> actual = new java.util.ArrayList<>();
    json.get("transactions").forEach(h -> actual.add(h.textValue()));
    assertEquals(expected, actual);
  }

  /** Quantities are minimal 0x hex, data even-length 0x hex, as geth's hexutil writes them. */
  private static void assertValueTypes(JsonNode block) {
    for (Iterator<Map.Entry<String, JsonNode>> it = block.fields(); it.hasNext();) {
      Map.Entry<String, JsonNode> f = it.next();
      if (Set.of("transactions", "uncles", "withdrawals").contains(f.getKey())) {
        assertTrue(f.getValue().isArray(), f.getKey());
        continue;
      }
      String v = f.getValue().textValue();
      assertTrue(v != null && v.startsWith("0x"), f.getKey() + " = " + f.getValue());
      boolean quantity = Set.of("number", "difficulty", "gasLimit", "gasUsed", "timestamp", "baseFeePerGas", "size", "blobGasUsed",
          "excessBlobGas").contains(f.getKey());
      if (quantity) {
        assertTrue(v.equals("0x0") || v.charAt(2) != '0', f.getKey() + " has no leading zeros: " + v);
      } else {
        assertEquals(0, v.length() % 2, f.getKey() + " is even-length data: " + v);
      }
    }
  }
}
