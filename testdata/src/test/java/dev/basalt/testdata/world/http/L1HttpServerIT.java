package dev.basalt.testdata.world.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.basalt.core.command.FetchBlobs;
import dev.basalt.core.command.FetchL1Block;
import dev.basalt.core.derive.blob.Blob;
import dev.basalt.core.event.FailureKind;
import dev.basalt.core.types.Bytes;
import dev.basalt.core.types.Hex;
import dev.basalt.testdata.world.SimWorld;
import dev.basalt.testdata.world.SimWorldConfig;
import dev.basalt.testdata.world.fault.Fault;
import dev.basalt.testdata.world.l1.BlobSidecar;
import dev.basalt.testdata.world.l1.Kzg;
import dev.basalt.testdata.world.l1.MinedL1Block;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The world's L1 front-end over real HTTP, parsed with Jackson: every block, transaction, receipt
 * and log of a multi-fork world with calldata and blob batches, deposits and config updates has
 * exactly go-ethereum's field names and JSON types and the world's values; the beacon API has the
 * beacon-APIs shapes with real KZG proofs; errors are geth's codes; armed faults show as 404, 500,
 * JSON-RPC errors, latency, dropped connections and silence.
 */
class L1HttpServerIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long GENESIS = 1_700_000_000L;
  private static final Set<String> BLOCK = Set.of("number", "hash", "parentHash", "sha3Uncles", "miner", "stateRoot",
      "transactionsRoot", "receiptsRoot", "logsBloom", "difficulty", "gasLimit", "gasUsed", "timestamp", "extraData", "mixHash",
      "nonce", "baseFeePerGas", "withdrawalsRoot", "blobGasUsed", "excessBlobGas", "parentBeaconBlockRoot", "requestsHash", "size",
      "transactions", "uncles", "withdrawals");
  private static final Set<String> TX = Set.of("blockHash", "blockNumber", "from", "gas", "gasPrice", "hash", "input", "nonce",
      "to", "transactionIndex", "value", "type", "v", "r", "s");
  private static final Map<Integer, Set<String>> TX_EXTRA = Map.of(
      0, Set.of("chainId"),
      1, Set.of("accessList", "chainId", "yParity"),
      2, Set.of("accessList", "chainId", "yParity", "maxFeePerGas", "maxPriorityFeePerGas"),
      3, Set.of("accessList", "chainId", "yParity", "maxFeePerGas", "maxPriorityFeePerGas", "maxFeePerBlobGas", "blobVersionedHashes"));
  private static final Set<String> RECEIPT = Set.of("blockHash", "blockNumber", "contractAddress", "cumulativeGasUsed",
      "effectiveGasPrice", "from", "gasUsed", "logs", "logsBloom", "status", "to", "transactionHash", "transactionIndex", "type");
  private static final Set<String> LOG = Set.of("address", "topics", "data", "blockNumber", "transactionHash", "transactionIndex",
      "blockHash", "logIndex", "removed");
  private static final Set<String> SIDECAR = Set.of("index", "blob", "kzg_commitment", "kzg_proof", "signed_block_header",
      "kzg_commitment_inclusion_proof");

  private static SimWorld world;
  private static L1HttpServer server;
  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @BeforeAll
  static void start() throws Exception {
    world = SimWorld.create(SimWorldConfig.defaults(7).withForks(SimWorldConfig.successive(GENESIS, 60)).withActivity(2, 50, 30, 2));
    world.advanceTo(GENESIS + 60 * 11);
    server = L1HttpServer.start(world);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @AfterEach
  void disarm() {
    world.l1Responder().faults().clear();
  }

  static HttpResponse<String> post(String body, Duration timeout) throws IOException, InterruptedException {
    return HTTP.send(HttpRequest.newBuilder(URI.create(server.url())).timeout(timeout).header("content-type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  static JsonNode call(String method, String params) throws Exception {
    HttpResponse<String> r = post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"" + method + "\",\"params\":" + params + "}",
        Duration.ofSeconds(10));
    assertEquals(200, r.statusCode(), r.body());
    JsonNode reply = JSON.readTree(r.body());
    assertEquals("2.0", reply.get("jsonrpc").textValue());
    assertEquals(1, reply.get("id").intValue());
    return reply;
  }

  static HttpResponse<String> get(String path) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create(server.url() + path)).timeout(Duration.ofSeconds(10)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static Set<String> names(JsonNode o) {
    Set<String> out = new TreeSet<>();
    o.fieldNames().forEachRemaining(out::add);
    return out;
  }

  private static void assertHexStrings(JsonNode o, Set<String> except, String what) {
    for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext();) {
      Map.Entry<String, JsonNode> f = it.next();
      if (except.contains(f.getKey()) || f.getValue().isNull()) {
        continue;
      }
      assertTrue(f.getValue().isTextual() && f.getValue().textValue().startsWith("0x"), what + "." + f.getKey() + " = " + f.getValue());
    }
  }

  @Test
  void everyBlockTransactionReceiptAndLogHasGethsShapeAndTheWorldsValues() throws Exception {
    int blobTxs = 0;
    int logs = 0;
    for (MinedL1Block b : world.l1().chain().canonical()) {
      JsonNode block = call("eth_getBlockByNumber", "[\"0x" + Long.toHexString(b.number()) + "\", true]").get("result");
      assertEquals(BLOCK, names(block), "block " + b.number());
      assertHexStrings(block, Set.of("transactions", "uncles", "withdrawals"), "block");
      assertEquals(b.hash().toHex(), block.get("hash").textValue());
      assertEquals(b.transactions().size(), block.get("transactions").size());
      JsonNode receipts = call("eth_getBlockReceipts", "[\"" + b.hash().toHex() + "\"]").get("result");
      for (int i = 0; i < b.transactions().size(); i++) {
        JsonNode tx = block.get("transactions").get(i);
        int type = Integer.decode(tx.get("type").textValue());
        Set<String> expected = new TreeSet<>(TX);
        expected.addAll(TX_EXTRA.get(type));
        assertEquals(expected, names(tx), "block " + b.number() + " tx " + i);
        assertHexStrings(tx, Set.of("accessList", "blobVersionedHashes"), "tx");
        assertEquals(b.transactions().get(i).hash().toHex(), tx.get("hash").textValue());
        blobTxs += type == 3 ? 1 : 0;
        JsonNode receipt = receipts.get(i);
        Set<String> expectedReceipt = new TreeSet<>(RECEIPT);
        if (type == 3) {
          expectedReceipt.addAll(Set.of("blobGasUsed", "blobGasPrice"));
        }
        assertEquals(expectedReceipt, names(receipt), "receipt " + i + " of block " + b.number());
        assertHexStrings(receipt, Set.of("logs"), "receipt");
        assertEquals(receipt, call("eth_getTransactionReceipt", "[\"" + tx.get("hash").textValue() + "\"]").get("result"));
        for (JsonNode log : receipt.get("logs")) {
          assertEquals(LOG, names(log));
          assertTrue(log.get("removed").isBoolean() && log.get("topics").isArray());
          logs++;
        }
      }
    }
    assertTrue(blobTxs > 0, "blob batches after Ecotone");
    assertTrue(logs > 0, "deposit and config-update logs");
  }

  @Test
  void labelsHashesBatchesAndErrorsAnswerAsGethDoes() throws Exception {
    assertEquals("0x" + Long.toHexString(world.l1().chain().head().number()), call("eth_blockNumber", "[]").get("result").textValue());
    assertEquals("0x384", call("eth_chainId", "[]").get("result").textValue());
    assertEquals(world.l1().chain().safe().hash().toHex(), call("eth_getBlockByNumber", "[\"safe\", false]").at("/result/hash").textValue());
    assertEquals(world.l1().chain().finalized().hash().toHex(),
        call("eth_getBlockByNumber", "[\"finalized\", false]").at("/result/hash").textValue());
    MinedL1Block head = world.l1().chain().head();
    JsonNode byHash = call("eth_getBlockByHash", "[\"" + head.hash().toHex() + "\", false]").get("result");
    assertEquals(head.transactions().size(), byHash.get("transactions").size());
    assertTrue(byHash.get("transactions").isEmpty() || byHash.get("transactions").get(0).isTextual(), "hashes only");
    assertTrue(call("eth_getBlockByNumber", "[\"0xffffff\", false]").get("result").isNull(), "beyond the head is null");
    assertEquals(-32601, call("eth_sendRawTransaction", "[\"0x00\"]").at("/error/code").intValue());
    assertEquals(-32602, call("eth_getBlockByHash", "[\"0x1234\", false]").at("/error/code").intValue());
    assertEquals(-32700, JSON.readTree(post("{not json", Duration.ofSeconds(5)).body()).at("/error/code").intValue());

    String batch = "[{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"eth_chainId\",\"params\":[]},"
        + "{\"jsonrpc\":\"2.0\",\"id\":8,\"method\":\"eth_blockNumber\",\"params\":[]},"
        + "{\"jsonrpc\":\"2.0\",\"id\":9,\"method\":\"nope\",\"params\":[]}]";
    JsonNode replies = JSON.readTree(post(batch, Duration.ofSeconds(5)).body());
    assertEquals(3, replies.size());
    assertEquals(List.of(7, 8, 9), List.of(replies.get(0).get("id").intValue(), replies.get(1).get("id").intValue(),
        replies.get(2).get("id").intValue()));
    assertEquals(-32601, replies.get(2).at("/error/code").intValue());
  }

  @Test
  void beaconApiServesSidecarsWithRealProofsAndFiltersAsAsked() throws Exception {
    JsonNode genesis = JSON.readTree(get("/eth/v1/beacon/genesis").body()).get("data");
    assertEquals(Set.of("genesis_time", "genesis_validators_root", "genesis_fork_version"), names(genesis));
    assertEquals(Long.toString(GENESIS), genesis.get("genesis_time").textValue());
    assertEquals("12", JSON.readTree(get("/eth/v1/config/spec").body()).at("/data/SECONDS_PER_SLOT").textValue());

    MinedL1Block withBlobs = world.l1().chain().canonical().stream().filter(b -> b.blobs().size() > 0).findFirst().orElseThrow();
    long slot = world.l1().params().slotAt(withBlobs.timestamp());
    JsonNode all = JSON.readTree(get("/eth/v1/beacon/blob_sidecars/" + slot).body());
    assertEquals(Set.of("execution_optimistic", "finalized", "data"), names(all));
    assertEquals(withBlobs.blobs().size(), all.get("data").size());
    for (JsonNode s : all.get("data")) {
      assertEquals(SIDECAR, names(s));
      assertEquals(17, s.get("kzg_commitment_inclusion_proof").size());
      assertEquals(Long.toString(slot), s.at("/signed_block_header/message/slot").textValue());
      BlobSidecar expected = withBlobs.blobs().get(Integer.parseInt(s.get("index").textValue()));
      Blob blob = Blob.wrap(Hex.decode(s.get("blob").textValue()));
      Bytes commitment = Bytes.fromHex(s.get("kzg_commitment").textValue());
      assertEquals(expected.blob(), blob);
      assertEquals(expected.commitment(), commitment);
      assertTrue(Kzg.verify(blob, commitment, Bytes.fromHex(s.get("kzg_proof").textValue())), "a real KZG proof");
    }
    BlobSidecar first = withBlobs.blobs().get(0);
    JsonNode one = JSON.readTree(get("/eth/v1/beacon/blob_sidecars/" + slot + "?indices=" + first.index()).body()).get("data");
    assertEquals(1, one.size());
    JsonNode bare = JSON.readTree(get("/eth/v1/beacon/blobs/" + slot + "?versioned_hashes=" + first.versionedHash().toHex()).body());
    assertEquals(Hex.encode(first.blob().toArray()), bare.at("/data/0").textValue());
    assertEquals(404, get("/eth/v1/beacon/blob_sidecars/99999999").statusCode(), "a slot without a block");
  }

  @Test
  void faultsArmedOnTheWorldShowAsHttpStatusesRpcErrorsLatencyDropsAndSilence() throws Exception {
    String block5 = "[\"0x5\", true]";
    var plan = world.l1Responder().faults();
    plan.add(c -> c instanceof FetchL1Block f && f.number() == 5, Fault.Fail.notFound("gone"), 2);
    assertEquals(404, post(rpc(block5), Duration.ofSeconds(5)).statusCode());
    assertEquals(404, post(rpc(block5), Duration.ofSeconds(5)).statusCode());
    assertEquals(200, post(rpc(block5), Duration.ofSeconds(5)).statusCode(), "only the next two requests");

    plan.add(c -> c instanceof FetchL1Block, new Fault.Fail(FailureKind.TRANSPORT, 0, "boom"), 1);
    assertEquals(500, post(rpc(block5), Duration.ofSeconds(5)).statusCode());
    plan.add(c -> c instanceof FetchL1Block, Fault.Fail.rpcError(-32000, "header not found"), 1);
    assertEquals(-32000, JSON.readTree(post(rpc(block5), Duration.ofSeconds(5)).body()).at("/error/code").intValue());

    plan.add(c -> c instanceof FetchL1Block, new Fault.Delay(400), 1);
    long t0 = System.nanoTime();
    assertEquals(200, post(rpc(block5), Duration.ofSeconds(5)).statusCode());
    assertTrue(System.nanoTime() - t0 >= 390_000_000L, "answered late");

    plan.add(c -> c instanceof FetchL1Block, new Fault.Drop(), 1);
    assertThrows(IOException.class, () -> post(rpc(block5), Duration.ofSeconds(5)), "connection closed without an answer");
    plan.add(c -> c instanceof FetchL1Block, new Fault.Timeout(), 1);
    assertThrows(HttpTimeoutException.class, () -> post(rpc(block5), Duration.ofMillis(500)), "never answered");
    assertEquals(200, post(rpc(block5), Duration.ofSeconds(5)).statusCode(), "and then normal again");

    MinedL1Block withBlobs = world.l1().chain().canonical().stream().filter(b -> b.blobs().size() > 0).findFirst().orElseThrow();
    plan.add(c -> c instanceof FetchBlobs, Fault.Fail.notFound("pruned"), 1);
    String path = "/eth/v1/beacon/blob_sidecars/" + world.l1().params().slotAt(withBlobs.timestamp());
    assertEquals(404, get(path).statusCode());
    assertEquals(200, get(path).statusCode());
  }

  private static String rpc(String params) {
    return "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_getBlockByNumber\",\"params\":" + params + "}";
  }
}
