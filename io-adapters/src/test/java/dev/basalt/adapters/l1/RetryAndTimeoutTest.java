package dev.basalt.adapters.l1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.basalt.adapters.http.RetryPolicy;
import dev.basalt.adapters.stub.Fault;
import dev.basalt.adapters.stub.StubJsonRpcServer;
import dev.basalt.core.event.FailureKind;
import dev.basalt.core.event.L1BlockFetched;
import dev.basalt.core.event.RequestFailed;
import java.net.ServerSocket;
import java.net.URI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Bounded retries with backoff for 5xx/429 and transport errors; never forever. */
class RetryAndTimeoutTest {
  private static final URI NO_BEACON = URI.create("http://127.0.0.1:9");
  private static final long N = 18090208;

  private StubJsonRpcServer node;

  @BeforeEach
  void serve() {
    node = RealL1Blocks.serveAll(new StubJsonRpcServer());
  }

  @AfterEach
  void stop() {
    node.close();
  }

  @Test
  void serverErrorsAndRateLimitsAreRetriedUntilAnAnswer() {
    node.failNext(new Fault.Status(500, "upstream down"), new Fault.Status(429, "slow down"));
    try (AdapterHarness h = new AdapterHarness(node.url(), NO_BEACON, false)) {
      assertInstanceOf(L1BlockFetched.class, h.fetch(N));
      assertEquals(3, node.requests(), "two failures, then the answer");
    }
  }

  @Test
  void persistentServerErrorsGiveUpAfterTheBound() {
    node.failNext(new Fault.Status(503, "a"), new Fault.Status(503, "b"), new Fault.Status(503, "c"));
    try (AdapterHarness h = new AdapterHarness(node.url(), NO_BEACON, false)) {
      RequestFailed f = assertInstanceOf(RequestFailed.class, h.fetch(N));
      assertEquals(FailureKind.REMOTE_ERROR, f.kind());
      assertEquals("gave up after 3 attempts: eth_getBlockByNumber[0x11408e0, true]: HTTP 503 c", f.detail());
      assertEquals(3, node.requests());
    }
  }

  @Test
  void aNodeThatNeverAnswersTimesOut() {
    node.failNext(new Fault.Hang(), new Fault.Hang());
    RetryPolicy twice = new RetryPolicy(2, 10, 10);
    long start = System.nanoTime();
    try (AdapterHarness h = new AdapterHarness(AdapterHarness.options(node.url(), NO_BEACON, false, 300, twice),
        RealL1Blocks.OP_MAINNET)) {
      RequestFailed f = assertInstanceOf(RequestFailed.class, h.fetch(N));
      long millis = (System.nanoTime() - start) / 1_000_000;
      assertEquals(FailureKind.TIMEOUT, f.kind(), f.detail());
      assertTrue(f.detail().startsWith("gave up after 2 attempts: eth_getBlockByNumber[0x11408e0, true]: no answer in time"),
          f.detail());
      assertTrue(millis >= 600 && millis < 5_000, "two 300 ms attempts, took " + millis + " ms");
    }
  }

  @Test
  void aRefusedConnectionIsATransportFailure() throws Exception {
    int closedPort;
    try (ServerSocket s = new ServerSocket(0)) {
      closedPort = s.getLocalPort();
    }
    try (AdapterHarness h = new AdapterHarness(URI.create("http://127.0.0.1:" + closedPort), NO_BEACON, false)) {
      RequestFailed f = assertInstanceOf(RequestFailed.class, h.fetch(N));
      assertEquals(FailureKind.TRANSPORT, f.kind());
      assertTrue(f.detail().contains("connection refused"), f.detail());
    }
  }

  @Test
  void malformedJsonIsAnInvalidResponseAndNotRetried() {
    node.failNext(new Fault.Garbage());
    try (AdapterHarness h = new AdapterHarness(node.url(), NO_BEACON, false)) {
      RequestFailed f = assertInstanceOf(RequestFailed.class, h.fetch(N));
      assertEquals(FailureKind.INVALID_RESPONSE, f.kind(), f.detail());
      assertEquals(1, node.requests());
    }
  }

  @Test
  void backoffDoublesUpToItsCap() {
    RetryPolicy p = new RetryPolicy(6, 100, 500);
    assertEquals(100, p.backoffMillis(1));
    assertEquals(200, p.backoffMillis(2));
    assertEquals(400, p.backoffMillis(3));
    assertEquals(500, p.backoffMillis(4));
    assertEquals(500, p.backoffMillis(60));
  }
}
