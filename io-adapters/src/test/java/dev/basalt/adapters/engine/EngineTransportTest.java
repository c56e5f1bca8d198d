package dev.basalt.adapters.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.basalt.adapters.config.ChainRegistry;
import dev.basalt.adapters.engine.StubEngine.Reply;
import dev.basalt.core.command.SendForkchoiceUpdate;
import dev.basalt.core.config.RollupConfig;
import dev.basalt.core.engine.EngineResponse;
import dev.basalt.core.engine.ForkchoiceState;
import dev.basalt.core.event.EngineResponseReceived;
import dev.basalt.core.event.FailureKind;
import dev.basalt.core.event.RequestFailed;
import dev.basalt.core.types.Hash32;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.Test;

/**
 * The transport: wrong JWT secrets, HTTP errors, an engine that never answers or stalls its body,
 * no engine at all, the concurrency bound, and shutdown. Each request is answered exactly once,
 * and never from the thread that handed it over.
 */
class EngineTransportTest {
  private static final RollupConfig OP_MAINNET = ChainRegistry.embedded().byChainId(10).orElseThrow().config();
  private static final ForkchoiceState STATE = new ForkchoiceState(Hash32.ZERO, Hash32.ZERO, Hash32.ZERO);
  private static final String VALID_FCU = "{\"payloadStatus\":{\"status\":\"VALID\"},\"payloadId\":null}";

  private static EngineAdapter adapter(URI url, JwtSecret secret, Duration timeout, int concurrency, RecordingSink sink) {
    return EngineAdapter.open(new EngineClientOptions(url, new JwtSource.Given(secret), timeout, concurrency), OP_MAINNET, sink);
  }

  @Test
  void aWrongSecretIsUnauthorized() throws Exception {
    try (StubEngine stub = StubEngine.start(JwtSecret.generate(), r -> Reply.result(VALID_FCU))) {
      RecordingSink sink = new RecordingSink();
      try (EngineAdapter a = adapter(stub.url(), JwtSecret.generate(), Duration.ofSeconds(5), 2, sink)) {
        a.forkchoiceUpdate(new SendForkchoiceUpdate(1, STATE));
        RequestFailed f = sink.failure(1, FailureKind.UNAUTHORIZED);
        assertTrue(f.detail().contains("HTTP 401"), f.detail());
        assertTrue(stub.received().isEmpty(), "the stub refused it before reading it as a call");
      }
    }
  }

  @Test
  void httpStatusesMapToFailureKinds() throws Exception {
    JwtSecret secret = JwtSecret.generate();
    ConcurrentLinkedQueue<Reply> replies = new ConcurrentLinkedQueue<>(List.of(
        new Reply.Raw(403, "forbidden"), new Reply.Raw(500, "internal error"), new Reply.Raw(404, ""),
        new Reply.Raw(302, "")));
    try (StubEngine stub = StubEngine.start(secret, r -> replies.poll())) {
      RecordingSink sink = new RecordingSink();
      try (EngineAdapter a = adapter(stub.url(), secret, Duration.ofSeconds(5), 1, sink)) {
        FailureKind[] expected = {FailureKind.UNAUTHORIZED, FailureKind.REMOTE_ERROR, FailureKind.REMOTE_ERROR,
          FailureKind.REMOTE_ERROR};
        for (int i = 0; i < expected.length; i++) {
          a.forkchoiceUpdate(new SendForkchoiceUpdate(i, STATE));
          sink.failure(i, expected[i]);
        }
      }
    }
  }

  @Test
  void anEngineThatNeverAnswersTimesOut() throws Exception {
    JwtSecret secret = JwtSecret.generate();
    try (StubEngine stub = StubEngine.start(secret, r -> new Reply.Silent())) {
      RecordingSink sink = new RecordingSink();
      try (EngineAdapter a = adapter(stub.url(), secret, Duration.ofMillis(300), 2, sink)) {
        long start = System.nanoTime();
        a.forkchoiceUpdate(new SendForkchoiceUpdate(1, STATE));
        RequestFailed f = sink.failure(1, FailureKind.TIMEOUT);
        long tookMillis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(tookMillis >= 250, "answered after " + tookMillis + " ms, before the deadline");
        assertTrue(f.detail().contains("300 ms"), f.detail());
      }
    }
  }

  @Test
  void headersWithoutABodyStillTimeOut() throws Exception {
    JwtSecret secret = JwtSecret.generate();
    try (StubEngine stub = StubEngine.start(secret, r -> new Reply.StallBody())) {
      RecordingSink sink = new RecordingSink();
      try (EngineAdapter a = adapter(stub.url(), secret, Duration.ofMillis(300), 2, sink)) {
        a.forkchoiceUpdate(new SendForkchoiceUpdate(1, STATE));
        sink.failure(1, FailureKind.TIMEOUT);
        // The worker is usable again afterwards: no interrupt leaked into the next call.
        a.forkchoiceUpdate(new SendForkchoiceUpdate(2, STATE));
        sink.failure(2, FailureKind.TIMEOUT);
      }
    }
  }

  @Test
  void noEngineIsATransportFailure() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    RecordingSink sink = new RecordingSink();
    try (EngineAdapter a = adapter(URI.create("http://127.0.0.1:" + port), JwtSecret.generate(), Duration.ofSeconds(5), 1, sink)) {
      a.forkchoiceUpdate(new SendForkchoiceUpdate(1, STATE));
      RequestFailed f = sink.failure(1, FailureKind.TRANSPORT);
      assertTrue(f.detail().contains("127.0.0.1:" + port), f.detail());
    }
  }

  @Test
  void concurrencyIsBoundedAndEveryCallIsAnsweredOnceOffTheCallersThread() throws Exception {
    JwtSecret secret = JwtSecret.generate();
    List<CompletableFuture<Reply>> held = new ArrayList<>();
    try (StubEngine stub = StubEngine.start(secret, r -> {
      CompletableFuture<Reply> later = StubEngine.hold();
      synchronized (held) {
        held.add(later);
      }
      return new Reply.Later(later);
    })) {
      RecordingSink sink = new RecordingSink();
      try (EngineAdapter a = adapter(stub.url(), secret, Duration.ofSeconds(10), 2, sink)) {
        for (int i = 0; i < 6; i++) {
          a.forkchoiceUpdate(new SendForkchoiceUpdate(i, STATE));
        }
        for (int answered = 0; answered < 6; answered++) {
          // First let both permitted requests reach the engine (so the bound is shown to be reached
          // on a slow machine too), then answer one at a time.
          awaitHeld(held, answered == 0 ? 2 : 1);
          CompletableFuture<Reply> next;
          synchronized (held) {
            next = held.remove(0);
          }
          next.complete(Reply.result(VALID_FCU));
          assertInstanceOf(EngineResponse.ForkchoiceUpdated.class,
              ((EngineResponseReceived) sink.next().event()).response());
        }
        assertEquals(2, stub.maxInFlight(), "at most two requests at the engine at once");
        for (long i = 0; i < 6; i++) {
          assertEquals(1, sink.answersFor(i));
        }
        String caller = Thread.currentThread().getName();
        sink.all().forEach(p -> {
          assertFalse(p.thread().equals(caller));
          assertTrue(p.thread().startsWith("basalt-engine-"), p.thread());
        });
      }
    }
  }

  @Test
  void callsQueuedPastTheirDeadlineTimeOut() throws Exception {
    JwtSecret secret = JwtSecret.generate();
    try (StubEngine stub = StubEngine.start(secret, r -> new Reply.Silent())) {
      RecordingSink sink = new RecordingSink();
      try (EngineAdapter a = adapter(stub.url(), secret, Duration.ofMillis(1000), 1, sink)) {
        long start = System.nanoTime();
        a.forkchoiceUpdate(new SendForkchoiceUpdate(1, STATE));
        a.forkchoiceUpdate(new SendForkchoiceUpdate(2, STATE));
        sink.failure(1, FailureKind.TIMEOUT);
        sink.failure(2, FailureKind.TIMEOUT);
        long tookMillis = (System.nanoTime() - start) / 1_000_000;
        // The second call's deadline ran while it waited behind the first: both end near 1 s, not
        // the 2 s a deadline restarting at dequeue would give (the margin absorbs a loaded machine).
        assertTrue(tookMillis < 1600, "both answered within " + tookMillis + " ms");
        assertEquals(1, stub.received().size(), "the queued call was never sent");
      }
    }
  }

  @Test
  void closingAnswersCallsInFlightAndRefusesNewOnes() throws Exception {
    JwtSecret secret = JwtSecret.generate();
    try (StubEngine stub = StubEngine.start(secret, r -> new Reply.Silent())) {
      RecordingSink sink = new RecordingSink();
      EngineAdapter a = adapter(stub.url(), secret, Duration.ofSeconds(30), 1, sink);
      a.forkchoiceUpdate(new SendForkchoiceUpdate(1, STATE));
      a.forkchoiceUpdate(new SendForkchoiceUpdate(2, STATE));
      while (stub.received().isEmpty()) {
        Thread.sleep(5);
      }
      a.close();
      a.forkchoiceUpdate(new SendForkchoiceUpdate(3, STATE));
      List<Long> answered = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        RequestFailed f = assertInstanceOf(RequestFailed.class, sink.next().event());
        assertEquals(FailureKind.TRANSPORT, f.kind(), f.detail());
        answered.add(f.correlationId());
      }
      assertEquals(List.of(1L, 2L, 3L), answered.stream().sorted().toList());
    }
  }

  private static void awaitHeld(List<CompletableFuture<Reply>> held, int count) throws InterruptedException {
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (System.nanoTime() < deadline) {
      synchronized (held) {
        if (held.size() >= count) {
          return;
        }
      }
      Thread.sleep(2);
    }
    throw new AssertionError("the stub never received a request");
  }
}
