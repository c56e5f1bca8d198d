package dev.basalt.adapters.l1;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.basalt.adapters.beacon.BlobVectorsAccess;
import dev.basalt.adapters.http.CallFailure;
import dev.basalt.adapters.http.HttpClients;
import dev.basalt.adapters.http.RetryPolicy;
import dev.basalt.adapters.http.Retrying;
import dev.basalt.adapters.json.RpcObject;
import dev.basalt.adapters.json.RpcReceipt;
import dev.basalt.adapters.stub.StubJsonRpcServer;
import dev.basalt.core.event.L1BlockFetched;
import dev.basalt.core.types.Address;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.web3j.protocol.http.HttpService;

/**
 * Measures (and prints, into the surefire output) what {@code --l1-trust-rpc=false} costs on the
 * real block 18090206 (150 transactions, 150 receipts, ~560 KB of JSON), and the loopback latency
 * of a whole {@code FetchL1Block} either way. Nothing is asserted on the numbers: they depend on
 * the machine. Tagged slow so {@code -Pfast} skips it.
 */
@Tag("slow")
class L1AdapterCostsTest {
  private static final long N = 18090206;
  private static final URI NO_BEACON = URI.create("http://127.0.0.1:9");

  @FunctionalInterface
  interface Step {
    void run() throws CallFailure;
  }

  private static double medianMicros(int warmup, int runs, Step step) throws CallFailure {
    for (int i = 0; i < warmup; i++) {
      step.run();
    }
    long[] t = new long[runs];
    for (int i = 0; i < runs; i++) {
      long s = System.nanoTime();
      step.run();
      t[i] = System.nanoTime() - s;
    }
    Arrays.sort(t);
    return t[runs / 2] / 1_000.0;
  }

  @Test
  void verificationCostOnARealBlock() throws Exception {
    JsonNode json = RealL1Blocks.block(N);
    JsonNode receiptsJson = RealL1Blocks.receipts(N);
    Address inbox = RealL1Blocks.OP_MAINNET.batchInboxAddress();
    ParsedL1Block all = L1BlockReader.read(json, inbox, true);
    List<RpcReceipt> receipts = new ArrayList<>();
    for (int i = 0; i < receiptsJson.size(); i++) {
      receipts.add(RpcReceipt.parse(new RpcObject(receiptsJson.get(i), "r")));
    }
    double readTrusted = medianMicros(200, 200, () -> L1BlockReader.read(json, inbox, false));
    double readAll = medianMicros(200, 200, () -> L1BlockReader.read(json, inbox, true));
    double header = medianMicros(500, 500, () -> L1BlockVerifier.verifyHeader(all.header(), all.declaredHash()));
    double txRoot = medianMicros(200, 200, () -> L1BlockVerifier.verifyTransactions(all));
    double receiptRoot = medianMicros(200, 200, () -> L1BlockVerifier.verifyReceipts(all, receipts));
    double checks = medianMicros(200, 200, () -> ReceiptChecks.check(all, receipts));
    System.out.printf(Locale.ROOT, "block %d, 150 txs: read (trusted: inbox envelopes only) %.0f us; read rebuilding all "
        + "envelopes %.0f us; header hash %.1f us; transactions root %.0f us; receipts root %.0f us; "
        + "receipt consistency checks %.0f us%n", N, readTrusted, readAll, header, txRoot, receiptRoot, checks);
    System.out.printf(Locale.ROOT, "trust-rpc=false adds %.0f us per block with receipts (%.0f us without)%n",
        readAll - readTrusted + header + txRoot + receiptRoot, readAll - readTrusted + header + txRoot);
    assertTrue(readAll > 0);
  }

  @Test
  void loopbackFetchLatency() throws Exception {
    try (StubJsonRpcServer node = RealL1Blocks.serveAll(new StubJsonRpcServer());
        AdapterHarness verified = new AdapterHarness(node.url(), NO_BEACON, false);
        AdapterHarness trusted = new AdapterHarness(node.url(), NO_BEACON, true)) {
      for (AdapterHarness h : List.of(trusted, verified)) {
        for (long n : List.of(N, 18090208L)) {
          double micros = medianMicros(30, 60, () -> assertInstanceOf(L1BlockFetched.class, h.fetch(n)));
          System.out.printf(Locale.ROOT, "FetchL1Block %d (%s) over loopback, median of 60: %.2f ms%n", n,
              h == verified ? "trust-rpc=false" : "trust-rpc=true", micros / 1_000);
        }
      }
    }
  }

  @Test
  void smallCallLatencyShowsNoNagleStall() throws Exception {
    try (StubJsonRpcServer node = RealL1Blocks.serveAll(new StubJsonRpcServer())) {
      JsonRpcClient rpc = new JsonRpcClient(new HttpService(node.url().toString(),
          HttpClients.create(2_000, 2)), new Retrying(RetryPolicy.ONCE, 1), 20);
      L1BlockFetcher f = new L1BlockFetcher(rpc, true, RealL1Blocks.OP_MAINNET.batchInboxAddress(), List.of());
      double micros = medianMicros(200, 400, () -> f.fetchLabel("latest"));
      System.out.printf(Locale.ROOT, "eth_getBlockByNumber(latest, false) over loopback, median of 400: %.3f ms%n",
          micros / 1_000);
      assertTrue(micros < 20_000, "a 40 ms delayed-ACK stall would show here: " + micros + " us");
    }
  }

  @Test
  void blobCheckCosts() throws Exception {
    JsonNode s = BlobVectorsAccess.goerliSidecars().get(0);
    String blob = s.get("blob").asText();
    String commitment = s.get("kzg_commitment").asText();
    String proof = s.get("kzg_proof").asText();
    System.out.printf(Locale.ROOT, "%s%n", dev.basalt.adapters.beacon.KzgCostsAccess.measure(blob, commitment, proof));
  }
}
