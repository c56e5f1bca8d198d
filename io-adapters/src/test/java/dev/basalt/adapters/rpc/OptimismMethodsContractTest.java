package dev.basalt.adapters.rpc;

import static dev.basalt.adapters.rpc.RpcHarness.STATUS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.basalt.adapters.config.RollupJsonParser;
import dev.basalt.core.config.RollupConfig;
import dev.basalt.core.crypto.Keccak;
import dev.basalt.core.types.BlockId;
import dev.basalt.core.types.Hash32;
import dev.basalt.core.types.L1BlockRef;
import dev.basalt.core.types.L2BlockRef;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every {@code optimism_*} method against fake backends, compared with op-node's JSON shapes. */
class OptimismMethodsContractTest {
  private static RpcHarness h;

  @BeforeAll
  static void start() {
    h = new RpcHarness(false);
  }

  @AfterAll
  static void stop() {
    h.close();
  }

  static ObjectNode l1Json(L1BlockRef r) {
    ObjectNode o = RpcHarness.JSON.createObjectNode();
    o.put("hash", r.hash().toHex()).put("number", r.number()).put("parentHash", r.parentHash().toHex())
        .put("timestamp", r.timestamp());
    return o;
  }

  static ObjectNode idJson(BlockId id) {
    return RpcHarness.JSON.createObjectNode().put("hash", id.hash().toHex()).put("number", id.number());
  }

  static ObjectNode l2Json(L2BlockRef r) {
    ObjectNode o = RpcHarness.JSON.createObjectNode();
    o.put("hash", r.hash().toHex()).put("number", r.number()).put("parentHash", r.parentHash().toHex())
        .put("timestamp", r.timestamp());
    o.set("l1origin", idJson(r.l1Origin()));
    o.put("sequenceNumber", r.sequenceNumber());
    return o;
  }

  /** op-service eth.SyncStatus, written field by field from the refs. */
  static ObjectNode expectedStatus() {
    ObjectNode o = RpcHarness.JSON.createObjectNode();
    o.set("current_l1", l1Json(STATUS.currentL1()));
    o.set("current_l1_finalized", l1Json(STATUS.finalizedL1()));
    o.set("head_l1", l1Json(STATUS.headL1()));
    o.set("safe_l1", l1Json(STATUS.safeL1()));
    o.set("finalized_l1", l1Json(STATUS.finalizedL1()));
    o.set("unsafe_l2", l2Json(STATUS.unsafeL2()));
    o.set("safe_l2", l2Json(STATUS.safeL2()));
    o.set("finalized_l2", l2Json(STATUS.finalizedL2()));
    o.set("pending_safe_l2", l2Json(STATUS.pendingSafeL2()));
    o.set("cross_unsafe_l2", l2Json(STATUS.unsafeL2()));
    o.set("local_safe_l2", l2Json(STATUS.localSafeL2()));
    return o;
  }

  @Test
  void syncStatusHasEveryOpNodeFieldWithTheBoardsValues() {
    JsonNode r = h.call("optimism_syncStatus", "[]");
    assertEquals("2.0", r.get("jsonrpc").asText());
    assertEquals(7, r.get("id").asInt());
    assertEquals(expectedStatus().toString(), r.get("result").toString());
    assertEquals(java.util.List.of("current_l1", "current_l1_finalized", "head_l1",
        "safe_l1", "finalized_l1", "unsafe_l2", "safe_l2", "finalized_l2", "pending_safe_l2", "cross_unsafe_l2",
        "local_safe_l2"), RpcHarness.fieldNames(r.get("result")));
    // current_l1 is the derivation origin, not the L1 head.
    assertEquals(100, r.get("result").get("current_l1").get("number").asLong());
    assertEquals(120, r.get("result").get("head_l1").get("number").asLong());
  }

  @Test
  void syncStatusFollowsTheBoardAndParamsAreOptional() {
    JsonNode noParams = RpcHarness.tree(h.post("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"optimism_syncStatus\"}").body());
    assertEquals(expectedStatus().toString(), noParams.get("result").toString());
    JsonNode extra = h.call("optimism_syncStatus", "[1]");
    assertEquals(-32602, extra.get("error").get("code").asInt());
    assertEquals("too many arguments, want at most 0", extra.get("error").get("message").asText());
  }

  @Test
  void versionAndHealthz() {
    assertEquals("v1.2.3-test", h.call("optimism_version", "[]").get("result").asText());
    HttpResponse<String> health = h.send(HttpRequest.newBuilder(h.url().resolve("/healthz")).GET().build());
    assertEquals(200, health.statusCode());
    assertEquals(RpcHarness.JSON.createObjectNode().put("version", "v1.2.3-test"), RpcHarness.tree(health.body()));
  }

  @Test
  void rollupConfigHasOpNodesKeysAndLoadsBackAsTheSameConfig() throws Exception {
    JsonNode result = h.call("optimism_rollupConfig", "[]").get("result");
    assertEquals(java.util.List.of("genesis", "block_time", "max_sequencer_drift", "seq_window_size",
        "channel_timeout", "l1_chain_id", "l2_chain_id", "regolith_time"), (RpcHarness.fieldNames(result)).subList(0, 8));
    assertTrue((RpcHarness.fieldNames(result)).contains("batch_inbox_address"), () -> "missing " + "batch_inbox_address" + " in " + RpcHarness.fieldNames(result));
    assertTrue((RpcHarness.fieldNames(result)).contains("deposit_contract_address"), () -> "missing " + "deposit_contract_address" + " in " + RpcHarness.fieldNames(result));
    assertTrue((RpcHarness.fieldNames(result)).contains("l1_system_config_address"), () -> "missing " + "l1_system_config_address" + " in " + RpcHarness.fieldNames(result));
    assertTrue((RpcHarness.fieldNames(result)).contains("protocol_versions_address"), () -> "missing " + "protocol_versions_address" + " in " + RpcHarness.fieldNames(result));
    assertTrue((RpcHarness.fieldNames(result)).contains("chain_op_config"), () -> "missing " + "chain_op_config" + " in " + RpcHarness.fieldNames(result));
    assertTrue((RpcHarness.fieldNames(result)).contains("granite_time"), () -> "missing " + "granite_time" + " in " + RpcHarness.fieldNames(result));
    assertEquals(java.util.List.of("l1", "l2", "l2_time", "system_config"), RpcHarness.fieldNames(result.get("genesis")));
    assertEquals(10, result.get("l2_chain_id").asLong());
    assertEquals(105235063, result.get("genesis").get("l2").get("number").asLong());
    assertTrue(result.get("block_time").isNumber());
    RollupConfig back = RollupJsonParser.parse(RpcHarness.JSON.writeValueAsString(result), "rpc", id -> Optional.empty()).config();
    assertEquals(h.rollup, back);
  }

  @Test
  void safeHeadAtL1BlockReadsTheDatabase() {
    JsonNode r = h.call("optimism_safeHeadAtL1Block", "[\"0x40\"]").get("result");
    ObjectNode expected = RpcHarness.JSON.createObjectNode();
    expected.set("l1Block", idJson(new BlockId(RpcHarness.hash(64), 64)));
    expected.set("safeHead", idJson(RpcHarness.l2(128, 64).id()));
    assertEquals(expected.toString(), r.toString());
    JsonNode missing = h.call("optimism_safeHeadAtL1Block", "[\"0x1\"]").get("error");
    assertEquals(-32000, missing.get("code").asInt());
    assertEquals("not found", missing.get("message").asText());
    JsonNode bad = h.call("optimism_safeHeadAtL1Block", "[\"0x01\"]").get("error");
    assertEquals(-32602, bad.get("code").asInt());
    assertEquals("invalid argument 0: json: cannot unmarshal hex number with leading zero digits into Go value of type hexutil.Uint64", bad.get("message").asText());
    assertEquals("missing value for required argument 0", h.call("optimism_safeHeadAtL1Block", "[]").get("error").get("message").asText());
  }

  @Test
  void outputAtBlockBeforeIsthmusProvesTheMessagePasserRoot() {
    h.engineBlocks.clear();
    h.engineBlocks.add(h.genesisBlock(Optional.empty()));
    // The status must cover the genesis block: publish one whose unsafe head is above it.
    long g = h.rollup.genesis().l2().number();
    int proofsBefore = h.proofsAsked.size();
    JsonNode r = h.call("optimism_outputAtBlock", "[\"0x" + Long.toHexString(g) + "\"]");
    assertNotNull(r.get("error"));
    assertTrue((r.get("error").get("message").asText()).contains("above the unsafe head"), () -> "missing " + "above the unsafe head" + " in " + r.get("error").get("message").asText());
    h.board.publish(withUnsafe(g + 5));
    try {
      JsonNode result = h.call("optimism_outputAtBlock", "[\"0x" + Long.toHexString(g) + "\"]").get("result");
      Hash32 state = h.genesisBlock(Optional.empty()).payload().stateRoot();
      assertEquals(java.util.List.of("version", "outputRoot", "blockRef", "withdrawalStorageRoot",
          "stateRoot", "syncStatus"), RpcHarness.fieldNames(result));
      assertEquals("0x" + "00".repeat(32), result.get("version").asText());
      assertEquals(state.toHex(), result.get("stateRoot").asText());
      assertEquals(h.proofAnswer.toHex(), result.get("withdrawalStorageRoot").asText());
      assertEquals(v0(state, h.proofAnswer, h.rollup.genesis().l2().hash()).toHex(), result.get("outputRoot").asText());
      L2BlockRef genesisRef = new L2BlockRef(h.rollup.genesis().l2().hash(), g, Hash32.ZERO, h.rollup.genesis().l2Time(),
          h.rollup.genesis().l1(), 0);
      assertEquals(l2Json(genesisRef).toString(), result.get("blockRef").toString());
      assertEquals(g + 5, result.get("syncStatus").get("unsafe_l2").get("number").asLong());
      assertEquals(proofsBefore + 1, (h.proofsAsked).size());
    } finally {
      h.board.publish(STATUS);
    }
  }

  @Test
  void outputAtBlockErrors() {
    JsonNode missing = h.call("optimism_outputAtBlock", "[\"latest\"]").get("error");
    assertEquals(-32000, missing.get("code").asInt());
    assertTrue((missing.get("message").asText()).contains("not found"), () -> "missing " + "not found" + " in " + missing.get("message").asText());
    assertEquals(-32602, h.call("optimism_outputAtBlock", "[true]").get("error").get("code").asInt());
    assertEquals(-32602, h.call("optimism_outputAtBlock", "[\"0xzz\"]").get("error").get("code").asInt());
  }

  @Test
  void outputAtBlockFromIsthmusUsesTheHeadersWithdrawalsRoot() {
    try (RpcHarness isthmus = new RpcHarness(RpcOptions.defaults().withPort(0).withCrossUnsafeL2(false), true)) {
      Hash32 root = Hash32.fromHex("0x" + "77".repeat(32));
      isthmus.engineBlocks.add(isthmus.genesisBlock(Optional.of(root)));
      long g = isthmus.rollup.genesis().l2().number();
      isthmus.board.publish(withUnsafe(g));
      JsonNode result = isthmus.call("optimism_outputAtBlock", "[\"latest\"]").get("result");
      Hash32 state = isthmus.genesisBlock(Optional.empty()).payload().stateRoot();
      assertEquals(root.toHex(), result.get("withdrawalStorageRoot").asText());
      assertEquals(v0(state, root, isthmus.rollup.genesis().l2().hash()).toHex(), result.get("outputRoot").asText());
      assertTrue((isthmus.proofsAsked).isEmpty());
      // Without cross-unsafe asked for, the status has op-node v1.19.6's fields.
      assertFalse((RpcHarness.fieldNames(result.get("syncStatus"))).contains("cross_unsafe_l2"));
    assertTrue((RpcHarness.fieldNames(result.get("syncStatus"))).contains("local_safe_l2"), () -> "missing " + "local_safe_l2" + " in " + RpcHarness.fieldNames(result.get("syncStatus")));
    }
  }

  private static dev.basalt.core.heads.SyncStatus withUnsafe(long n) {
    var s = STATUS;
    return new dev.basalt.core.heads.SyncStatus(s.currentL1(), s.headL1(), s.safeL1(), s.finalizedL1(),
        RpcHarness.l2(n, 99), s.pendingSafeL2(), s.localSafeL2(), s.safeL2(), s.finalizedL2());
  }

  /** keccak256(version ‖ stateRoot ‖ storageRoot ‖ blockHash), from the spec, independently of OutputRoot. */
  private static Hash32 v0(Hash32 state, Hash32 storage, Hash32 block) {
    byte[] all = new byte[128];
    System.arraycopy(state.toArray(), 0, all, 32, 32);
    System.arraycopy(storage.toArray(), 0, all, 64, 32);
    System.arraycopy(block.toArray(), 0, all, 96, 32);
    return Keccak.hash(all);
  }
}
