package dev.basalt.adapters.l1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.basalt.adapters.http.RetryPolicy;
import dev.basalt.adapters.http.Retrying;
import dev.basalt.adapters.stub.Fault;
import dev.basalt.adapters.stub.RecordingSink;
import dev.basalt.adapters.stub.StubJsonRpcServer;
import dev.basalt.core.event.UnsafeBlockSignerObserved;
import dev.basalt.core.sysconfig.SystemConfigSlots;
import dev.basalt.core.types.Address;
import dev.basalt.core.types.Hash32;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.Test;
import org.web3j.protocol.http.HttpService;

/**
 * The runtime config against a stub L1 node: the SystemConfig's signer slot read at the latest
 * block (pinned by hash), published to the core only when it changes, kona's precedence over the
 * operator's fallback, and RPC failures retried without ever reaching the core.
 */
class RuntimeConfigLoaderTest {
  private static final Address SYSTEM_CONFIG = RealL1Blocks.OP_MAINNET.l1SystemConfigAddress();
  private static final Address PROTOCOL_VERSIONS = Address.fromHex("0x8062abc286f5e7d9428a0ccb9abd71e50d93b935");
  private static final Address A = Address.fromHex("0x" + "aa".repeat(20));
  private static final Address B = Address.fromHex("0x" + "bb".repeat(20));
  private static final Address F = Address.fromHex("0x" + "ff".repeat(20));

  private static RuntimeConfigLoader loader(StubJsonRpcServer node, RecordingSink sink, Optional<Address> fallback, Address versions) {
    JsonRpcClient rpc = new JsonRpcClient(new HttpService(node.url().toString()), new Retrying(RetryPolicy.ONCE, 1), 20);
    RuntimeConfigReads reads = new RuntimeConfigReads(new L1BlockFetcher(rpc, false, RealL1Blocks.OP_MAINNET.batchInboxAddress(),
        List.of()), rpc);
    return new RuntimeConfigLoader(reads::latest, reads::storageAt, SYSTEM_CONFIG, versions, sink, fallback);
  }

  private static void signerOnL1(StubJsonRpcServer node, Address signer) {
    // geth pads the word to 32 bytes; junk in the high 12 bytes must not leak into the address.
    node.setStorage(SYSTEM_CONFIG.toHex(), SystemConfigSlots.UNSAFE_BLOCK_SIGNER.toHex(), "0x" + "00".repeat(12) + signer.toHex().substring(2));
  }

  @Test
  void theSignerSlotIsReadAtTheLatestBlockAndOnlyChangesArePublished() {
    try (StubJsonRpcServer node = RealL1Blocks.serveAll(new StubJsonRpcServer())) {
      RecordingSink sink = new RecordingSink();
      RuntimeConfigLoader loader = loader(node, sink, Optional.empty(), Address.ZERO);
      signerOnL1(node, A);
      assertTrue(loader.load());
      assertEquals(List.of(new UnsafeBlockSignerObserved(A)), sink.drain());
      String latestHash = RealL1Blocks.block(RealL1Blocks.LAST).get("hash").asText();
      assertEquals(latestHash, node.storageBlocks().get(0).get("blockHash").asText(), "pinned to the latest block by hash (EIP-1898)");

      assertTrue(loader.load());
      assertEquals(List.of(), sink.drain(), "the same signer again is no event");

      signerOnL1(node, B);
      assertTrue(loader.load());
      assertEquals(List.of(new UnsafeBlockSignerObserved(B)), sink.drain(), "a rotation on L1 reaches the core");

      signerOnL1(node, Address.ZERO);
      assertTrue(loader.load());
      assertEquals(List.of(), sink.drain(), "a zero slot names nobody: the signer in force stays");
      assertEquals(Optional.of(B), loader.signer());
      assertEquals(4, node.count("eth_getStorageAt"), "one storage read per load without a ProtocolVersions contract");
    }
  }

  @Test
  void theOperatorsFallbackHoldsUntilL1NamesASignerWhichThenWins() {
    try (StubJsonRpcServer node = RealL1Blocks.serveAll(new StubJsonRpcServer())) {
      RecordingSink sink = new RecordingSink();
      RuntimeConfigLoader loader = loader(node, sink, Optional.of(F), Address.ZERO);
      assertTrue(loader.load());
      assertEquals(List.of(), sink.drain(), "nothing on L1: the fallback (already published by P2P) stays");
      assertEquals(Optional.of(F), loader.signer());
      signerOnL1(node, A);
      assertTrue(loader.load());
      assertEquals(List.of(new UnsafeBlockSignerObserved(A)), sink.drain(), "L1's signer wins over the flag, as in kona");

      RecordingSink same = new RecordingSink();
      signerOnL1(node, F);
      assertTrue(loader(node, same, Optional.of(F), Address.ZERO).load());
      assertEquals(List.of(), same.drain(), "L1 agrees with the flag: nothing to publish");
    }
  }

  @Test
  void rpcFailuresAreRetriedAndNeverReachTheCore() throws Exception {
    try (StubJsonRpcServer node = RealL1Blocks.serveAll(new StubJsonRpcServer())) {
      RecordingSink sink = new RecordingSink();
      RuntimeConfigLoader loader = loader(node, sink, Optional.empty(), Address.ZERO);
      signerOnL1(node, A);
      node.failNext(new Fault.Status(503, "busy"));
      assertFalse(loader.load(), "a failed head read fails the load");
      node.failNext(new Fault.Garbage());
      assertFalse(loader.load(), "garbage fails the load, no exception escapes");
      assertEquals(List.of(), sink.drain());

      ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
      try {
        node.failNext(new Fault.Status(500, "down"), new Fault.Status(500, "down"), new Fault.Garbage());
        loader.start(scheduler, 50, new RetryPolicy(Integer.MAX_VALUE, 10, 40));
        assertEquals(new UnsafeBlockSignerObserved(A), sink.take(5_000), "start-up retries until L1 answers");
        signerOnL1(node, B);
        node.failNext(new Fault.Status(500, "down"));
        assertEquals(new UnsafeBlockSignerObserved(B), sink.take(5_000), "a failed reload is tried again at the next interval");
      } finally {
        scheduler.shutdownNow();
      }
    }
  }

  @Test
  void protocolVersionsAreReadFromTheSameBlockWhenTheChainHasTheContract() {
    try (StubJsonRpcServer node = RealL1Blocks.serveAll(new StubJsonRpcServer())) {
      RecordingSink sink = new RecordingSink();
      signerOnL1(node, A);
      node.setStorage(PROTOCOL_VERSIONS.toHex(), SystemConfigSlots.REQUIRED_PROTOCOL_VERSION.toHex(),
          "0x0000000000000000000000000000000000000009000000000000000000000000");
      assertTrue(loader(node, sink, Optional.empty(), PROTOCOL_VERSIONS).load());
      assertEquals(3, node.count("eth_getStorageAt"));
      assertEquals(1, node.storageBlocks().stream().map(b -> b.get("blockHash").asText()).distinct().count(), "one block per load");
    }
  }

  @Test
  void protocolVersionsPrintAsSemver() {
    assertEquals("unset", new ProtocolVersion(Hash32.ZERO).toString());
    assertEquals("v9.0.0", new ProtocolVersion(Hash32.fromHex("0x0000000000000000000000000000000000000009000000000000000000000000")).toString());
    assertEquals("v3.1.2-4+0x0102030405060708", new ProtocolVersion(
        Hash32.fromHex("0x0000000000000000010203040506070800000003000000010000000200000004")).toString());
  }

  @Test
  void storageWordsMustBeHex() throws Exception {
    var f = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance;
    assertEquals(Hash32.fromHex("0x" + "00".repeat(31) + "01"), RuntimeConfigReads.word(f.textNode("0x1"), A, Hash32.ZERO));
    for (var bad : List.of(f.textNode("0x"), f.textNode("zz"), f.textNode("0x" + "0".repeat(65)), f.nullNode(), f.numberNode(1))) {
      try {
        RuntimeConfigReads.word(bad, A, Hash32.ZERO);
        throw new AssertionError("accepted " + bad);
      } catch (dev.basalt.adapters.http.CallFailure expected) {
        assertTrue(expected.detail().contains("not a storage word"), expected.detail());
      }
    }
  }
}
