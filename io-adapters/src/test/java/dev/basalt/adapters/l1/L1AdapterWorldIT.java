package dev.basalt.adapters.l1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.basalt.adapters.beacon.BeaconOptions;
import dev.basalt.adapters.http.RetryPolicy;
import dev.basalt.adapters.stub.RecordingSink;
import dev.basalt.core.command.Command;
import dev.basalt.core.command.FetchBlobs;
import dev.basalt.core.command.FetchL1Block;
import dev.basalt.core.event.BlobsFetched;
import dev.basalt.core.event.FailureKind;
import dev.basalt.core.event.InputEvent;
import dev.basalt.core.event.L1BlockFetched;
import dev.basalt.core.event.RequestFailed;
import dev.basalt.core.l1.IndexedBlobHash;
import dev.basalt.testdata.world.SimWorld;
import dev.basalt.testdata.world.SimWorldConfig;
import dev.basalt.testdata.world.fault.Fault;
import dev.basalt.testdata.world.http.L1HttpServer;
import dev.basalt.testdata.world.l1.BlobSidecar;
import dev.basalt.testdata.world.l1.L1Tx;
import dev.basalt.testdata.world.l1.MinedL1Block;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The real L1 adapter against the simulated world's HTTP front-end, verifying everything ({@code
 * trustRpc=false}: header hashes, transaction and receipt roots, KZG proofs): every block of a
 * chain from Bedrock through Karst, with calldata and blob batches, portal deposits and
 * SystemConfig updates, arrives exactly as the world answers the same command in-process; the head
 * poller reports the world's labels; HTTP faults armed on the world's plan become retries and the
 * failure kinds the in-process path reports.
 */
class L1AdapterWorldIT {
  private static final long GENESIS = 1_700_000_000L;

  private static SimWorld world;
  private static L1HttpServer server;
  private static L1Adapter adapter;
  private static RecordingSink sink;
  private static long nextId = 1;

  @BeforeAll
  static void start() throws Exception {
    world = SimWorld.create(SimWorldConfig.defaults(11).withForks(SimWorldConfig.successive(GENESIS, 60)).withActivity(2, 50, 40, 2));
    world.advanceTo(GENESIS + 60 * 12);
    server = L1HttpServer.start(world);
    sink = new RecordingSink();
    // Generous deadlines: the world computes a blob's KZG proof when it is first served (~50 ms each).
    adapter = new L1Adapter(options(10_000), world.rollupConfig(), sink);
  }

  private static L1AdapterOptions options(long callTimeoutMillis) {
    URI url = URI.create(server.url());
    return new L1AdapterOptions(url, false, 60_000, 60_000, 20, 4, callTimeoutMillis, new RetryPolicy(3, 10, 40),
        BeaconOptions.of(url));
  }

  @AfterAll
  static void stop() {
    adapter.close();
    server.close();
  }

  @AfterEach
  void disarm() {
    world.l1Responder().faults().clear();
  }

  /** The adapter's answer to {@code command} (with a fresh id), and the world's in-process one. */
  private static InputEvent overHttp(Command command) {
    switch (command) {
      case FetchL1Block f -> adapter.fetchBlock(f);
      case FetchBlobs f -> adapter.fetchBlobs(f);
      default -> throw new IllegalArgumentException(command.toString());
    }
    return sink.take(20_000);
  }

  private static InputEvent inProcess(Command command) {
    List<InputEvent> events = world.handle(command);
    assertEquals(1, events.size());
    return events.get(0);
  }

  private static List<IndexedBlobHash> inboxBlobs(MinedL1Block b) {
    List<IndexedBlobHash> out = new ArrayList<>();
    for (L1Tx tx : b.transactions()) {
      if (world.rollupConfig().batchInboxAddress().equals(tx.to())) {
        for (BlobSidecar s : tx.blobs()) {
          out.add(new IndexedBlobHash(s.index(), s.versionedHash()));
        }
      }
    }
    return out;
  }

  @Test
  void everyBlockAndEveryBlobArriveOverHttpExactlyAsTheWorldAnswersInProcess() {
    int inboxTxs = 0;
    int logs = 0;
    int blobs = 0;
    Set<Integer> inboxTypes = new HashSet<>();
    for (MinedL1Block b : world.l1().chain().canonical()) {
      long id = nextId++;
      InputEvent http = overHttp(new FetchL1Block(id, b.number()));
      L1BlockFetched fetched = assertInstanceOf(L1BlockFetched.class, http, () -> "block " + b.number() + ": " + http);
      assertEquals(inProcess(new FetchL1Block(id, b.number())), fetched, "block " + b.number());
      inboxTxs += fetched.block().inboxTransactions().size();
      logs += fetched.block().logs().size();
      fetched.block().inboxTransactions().forEach(t -> inboxTypes.add(t.envelope().get(0) & 0xff));
      List<IndexedBlobHash> wanted = inboxBlobs(b);
      if (!wanted.isEmpty()) {
        long blobId = nextId++;
        FetchBlobs command = new FetchBlobs(blobId, b.ref(), wanted);
        InputEvent answer = overHttp(command);
        BlobsFetched viaBeacon = assertInstanceOf(BlobsFetched.class, answer, () -> "blobs of block " + b.number() + ": " + answer);
        assertEquals(inProcess(command), viaBeacon, "blobs of block " + b.number());
        blobs += wanted.size();
      }
    }
    assertTrue(inboxTypes.contains(2) && inboxTypes.contains(3), "calldata and blob batches: " + inboxTypes);
    assertTrue(logs > 10, "deposit and config-update logs: " + logs);
    assertTrue(inboxTxs > 10 && blobs > 5, "batches: " + inboxTxs + " txs, " + blobs + " blobs");
  }

  @Test
  void theHeadPollerReportsTheWorldsLabels() {
    L1AdapterOptions options = new L1AdapterOptions(URI.create(server.url()), false, 60_000, 60_000, 20, 4, 1_000,
        RetryPolicy.ONCE, BeaconOptions.of(URI.create(server.url())));
    RecordingSink labels = new RecordingSink();
    try (L1Adapter poller = new L1Adapter(options, world.rollupConfig(), labels)) {
      poller.start();
      Set<InputEvent> seen = new HashSet<>();
      for (int i = 0; i < 3; i++) {
        seen.add(labels.take(10_000));
      }
      assertEquals(Set.copyOf(world.l1Observations()), seen);
    }
  }

  @Test
  void httpFaultsFromTheWorldsPlanBecomeRetriesOrTheInProcessFailureKinds() {
    var plan = world.l1Responder().faults();
    plan.add(c -> c instanceof FetchL1Block, new Fault.Fail(FailureKind.TRANSPORT, 0, "flaky"), 2);
    assertInstanceOf(L1BlockFetched.class, overHttp(new FetchL1Block(nextId++, 20)), "two 500s, then the retry succeeds");
    long before = server.rpcRequests();

    plan.add(c -> c instanceof FetchL1Block, Fault.Fail.notFound("unknown block"), 1);
    RequestFailed notFound = assertInstanceOf(RequestFailed.class, overHttp(new FetchL1Block(nextId++, 20)));
    assertEquals(FailureKind.NOT_FOUND, notFound.kind(), notFound.detail());
    assertEquals(before + 1, server.rpcRequests(), "a 404 is not retried");

    plan.add(c -> c instanceof FetchL1Block, new Fault.Timeout(), 3);
    RecordingSink impatient = new RecordingSink();
    try (L1Adapter quick = new L1Adapter(options(300), world.rollupConfig(), impatient)) {
      quick.fetchBlock(new FetchL1Block(nextId++, 20));
      RequestFailed timeout = assertInstanceOf(RequestFailed.class, impatient.take(20_000));
      assertEquals(FailureKind.TIMEOUT, timeout.kind(), timeout.detail());
    }

    List<IndexedBlobHash> wanted = world.l1().chain().canonical().stream().map(L1AdapterWorldIT::inboxBlobs)
        .filter(l -> !l.isEmpty()).findFirst().orElseThrow();
    MinedL1Block withBlobs = world.l1().chain().canonical().stream().filter(x -> inboxBlobs(x).equals(wanted)).findFirst().orElseThrow();
    plan.add(c -> c instanceof FetchBlobs, Fault.Fail.notFound("pruned"), 2);
    RequestFailed pruned = assertInstanceOf(RequestFailed.class, overHttp(new FetchBlobs(nextId++, withBlobs.ref(), wanted)));
    assertEquals(FailureKind.NOT_FOUND, pruned.kind(), pruned.detail());
  }
}
