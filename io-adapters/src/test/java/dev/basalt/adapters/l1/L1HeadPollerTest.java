package dev.basalt.adapters.l1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.basalt.adapters.beacon.BeaconOptions;
import dev.basalt.adapters.http.RetryPolicy;
import dev.basalt.adapters.http.Retrying;
import dev.basalt.adapters.stub.Fault;
import dev.basalt.adapters.stub.RecordingSink;
import dev.basalt.adapters.stub.StubJsonRpcServer;
import dev.basalt.core.event.InputEvent;
import dev.basalt.core.event.L1FinalizedObserved;
import dev.basalt.core.event.L1HeadObserved;
import dev.basalt.core.event.L1SafeObserved;
import dev.basalt.core.types.Hash32;
import dev.basalt.core.types.L1BlockRef;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.web3j.protocol.http.HttpService;

/** Head, safe and finalized polling publishes a label's block only when it changed. */
class L1HeadPollerTest {
  private static L1BlockRef ref(long n) {
    var b = RealL1Blocks.block(n);
    return new L1BlockRef(Hash32.fromHex(b.get("hash").asText()), n, Hash32.fromHex(b.get("parentHash").asText()),
        Long.decode(b.get("timestamp").asText()));
  }

  private static L1HeadPoller poller(StubJsonRpcServer node, RecordingSink sink) {
    JsonRpcClient rpc = new JsonRpcClient(new HttpService(node.url().toString()), new Retrying(RetryPolicy.ONCE, 1), 20);
    L1BlockFetcher fetcher = new L1BlockFetcher(rpc, false, RealL1Blocks.OP_MAINNET.batchInboxAddress(), List.of());
    return new L1HeadPoller(fetcher::fetchLabel, sink);
  }

  @Test
  void onlyChangesArePublished() {
    try (StubJsonRpcServer node = RealL1Blocks.serveAll(new StubJsonRpcServer())) {
      RecordingSink sink = new RecordingSink();
      L1HeadPoller poller = poller(node, sink);
      node.setLabel("latest", 18090210);
      poller.pollHead();
      poller.pollHead();
      assertEquals(List.of(new L1HeadObserved(ref(18090210))), sink.drain(), "the same head twice is one event");

      node.failNext(new Fault.Status(500, "down"));
      poller.pollHead();
      assertEquals(List.of(), sink.drain(), "a failed poll is invisible to the core");

      node.setLabel("latest", 18090211);
      poller.pollHead();
      assertEquals(List.of(new L1HeadObserved(ref(18090211))), sink.drain());

      node.setLabel("safe", 18090205);
      node.setLabel("finalized", 18090205);
      poller.pollEpoch();
      poller.pollEpoch();
      assertEquals(List.of(new L1SafeObserved(ref(18090205)), new L1FinalizedObserved(ref(18090205))), sink.drain());
      node.setLabel("safe", 18090206);
      poller.pollEpoch();
      assertEquals(List.of(new L1SafeObserved(ref(18090206))), sink.drain(), "finalized did not move");
    }
  }

  @Test
  void aHeadWithAWrongHashIsNotPublishedWithoutTrust() {
    try (StubJsonRpcServer node = new StubJsonRpcServer()) {
      var block = RealL1Blocks.block(18090210);
      block.put("hash", "0x" + "33".repeat(32));
      node.addBlock(block, null);
      node.setLabel("latest", 18090210);
      RecordingSink sink = new RecordingSink();
      poller(node, sink).pollHead();
      assertEquals(List.of(), sink.drain());
    }
  }

  @Test
  void theAdapterPollsAllThreeLabelsAtStartThenTheHeadEveryInterval() throws Exception {
    try (StubJsonRpcServer node = RealL1Blocks.serveAll(new StubJsonRpcServer())) {
      node.setLabel("safe", 18090207);
      node.setLabel("finalized", 18090206);
      RecordingSink sink = new RecordingSink();
      L1AdapterOptions options = new L1AdapterOptions(node.url(), false, 50, 60_000, 20, 2, 2_000,
          AdapterHarness.QUICK, BeaconOptions.of(URI.create("http://127.0.0.1:9")));
      try (L1Adapter adapter = new L1Adapter(options, RealL1Blocks.OP_MAINNET, sink)) {
        adapter.start();
        Set<InputEvent> first = new HashSet<>();
        for (int i = 0; i < 3; i++) {
          first.add(sink.take(5_000));
        }
        assertEquals(Set.of(new L1HeadObserved(ref(18090218)), new L1SafeObserved(ref(18090207)),
            new L1FinalizedObserved(ref(18090206))), first);
        node.setLabel("latest", 18090217);
        assertEquals(new L1HeadObserved(ref(18090217)), sink.take(5_000), "a reorg to a lower head is a change too");
        int polls = node.count("eth_getBlockByNumber");
        Thread.sleep(300);
        List<InputEvent> quiet = new ArrayList<>(sink.drain());
        assertEquals(List.of(), quiet, "nothing changed, nothing published");
        assertTrue(node.count("eth_getBlockByNumber") > polls, "still polling every 50 ms");
      }
    }
  }
}
