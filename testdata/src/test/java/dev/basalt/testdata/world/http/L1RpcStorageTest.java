package dev.basalt.testdata.world.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.basalt.core.sysconfig.SystemConfigSlots;
import dev.basalt.core.types.Address;
import dev.basalt.testdata.world.SimWorld;
import dev.basalt.testdata.world.SimWorldConfig;
import org.junit.jupiter.api.Test;

/**
 * {@code eth_getStorageAt} on the world's L1: the SystemConfig's unsafe-block-signer slot holds
 * the initial signer until a {@code setUnsafeBlockSigner} update is mined, and then the new one,
 * at every later block but not at earlier ones; other slots and contracts read zero.
 */
class L1RpcStorageTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Address FIRST = Address.fromHex("0x" + "11".repeat(20));
  private static final Address NEXT = Address.fromHex("0x" + "22".repeat(20));

  private static JsonNode call(L1Rpc rpc, String contract, String slot, Object block) throws Exception {
    String at = block instanceof String s ? "\"" + s + "\"" : JSON.writeValueAsString(block);
    return rpc.call(JSON.readTree("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_getStorageAt\",\"params\":[\"" + contract + "\",\""
        + slot + "\"," + at + "]}")).reply();
  }

  private static String word(Address a) {
    return "0x" + "00".repeat(12) + a.toHex().substring(2);
  }

  @Test
  void theSignerSlotFollowsTheSystemConfigsUpdates() throws Exception {
    SimWorld world = SimWorld.create(SimWorldConfig.defaults(7));
    world.advanceL1Blocks(2);
    L1Rpc rpc = new L1Rpc(world);
    String systemConfig = world.rollupConfig().l1SystemConfigAddress().toHex();
    String slot = SystemConfigSlots.UNSAFE_BLOCK_SIGNER.toHex();
    assertEquals(word(Address.ZERO), call(rpc, systemConfig, slot, "latest").get("result").asText(), "nobody named by default");

    world.initialUnsafeBlockSigner(FIRST);
    long before = world.l1().chain().head().number();
    String beforeHash = world.l1().chain().head().hash().toHex();
    assertEquals(word(FIRST), call(rpc, systemConfig, slot, "latest").get("result").asText());

    world.rotateUnsafeBlockSigner(NEXT);
    assertEquals(word(NEXT), call(rpc, systemConfig, slot, "latest").get("result").asText());
    String headHash = world.l1().chain().head().hash().toHex();
    assertEquals(word(NEXT), call(rpc, systemConfig, slot, java.util.Map.of("blockHash", headHash)).get("result").asText(), "EIP-1898 by hash");
    assertEquals(word(FIRST), call(rpc, systemConfig, slot, java.util.Map.of("blockHash", beforeHash)).get("result").asText(),
        "an earlier block still has the old signer");
    assertEquals(word(FIRST), call(rpc, systemConfig, slot, String.format("0x%x", before)).get("result").asText());

    assertEquals(word(Address.ZERO), call(rpc, systemConfig, SystemConfigSlots.REQUIRED_PROTOCOL_VERSION.toHex(), "latest")
        .get("result").asText(), "other slots are unset");
    assertEquals(word(Address.ZERO), call(rpc, NEXT.toHex(), slot, "latest").get("result").asText(), "other contracts are empty");
    assertEquals(-32000, call(rpc, systemConfig, slot, java.util.Map.of("blockHash", "0x" + "77".repeat(32))).get("error").get("code")
        .asInt(), "unknown block: header not found");
  }
}
