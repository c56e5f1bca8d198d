package dev.basalt.adapters.conductor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.basalt.adapters.engine.PayloadEnvelopeJson;
import dev.basalt.adapters.http.CallListener;
import dev.basalt.adapters.ring.EventSink;
import dev.basalt.core.command.CheckConductorLeader;
import dev.basalt.core.command.CommitUnsafePayload;
import dev.basalt.core.engine.ExecutionPayloadEnvelope;
import dev.basalt.core.event.ConductorLeaderChecked;
import dev.basalt.core.event.ConductorPayloadCommitted;
import dev.basalt.core.event.FailureKind;
import dev.basalt.core.event.InputEvent;
import dev.basalt.core.event.RequestFailed;
import dev.basalt.testdata.conductor.ConductorHttpServer;
import dev.basalt.testdata.conductor.FakeConductor;
import dev.basalt.testdata.gen.EngineGenerators;
import dev.basalt.testdata.gen.SimRng;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The conductor client against the fake op-conductor over HTTP: answers, retries, timeouts. */
class ConductorAdapterTest {
  private final FakeConductor cluster = new FakeConductor("a");
  private final LinkedBlockingQueue<InputEvent> events = new LinkedBlockingQueue<>();
  private final EventSink sink = new EventSink() {
    @Override
    public boolean publish(InputEvent event) {
      return events.add(event);
    }

    @Override
    public boolean tryPublish(InputEvent event) {
      return publish(event);
    }
  };
  private ConductorHttpServer serverA;
  private ConductorHttpServer serverB;
  private ConductorAdapter a;
  private ConductorAdapter b;

  @BeforeEach
  void start() throws Exception {
    serverA = ConductorHttpServer.start(cluster, "a");
    serverB = ConductorHttpServer.start(cluster, "b");
    a = new ConductorAdapter(new ConductorOptions(URI.create(serverA.url()), Duration.ofMillis(500)), sink, CallListener.NONE);
    b = new ConductorAdapter(new ConductorOptions(URI.create(serverB.url()), Duration.ofMillis(500)), sink, CallListener.NONE);
  }

  @AfterEach
  void stop() {
    a.close();
    b.close();
    serverA.close();
    serverB.close();
  }

  private InputEvent next() throws InterruptedException {
    InputEvent e = events.poll(10, TimeUnit.SECONDS);
    assertNotNull(e, "no answer within 10 s");
    return e;
  }

  private static ExecutionPayloadEnvelope block(long seed) {
    return EngineGenerators.envelope(new SimRng(seed));
  }

  @Test
  void theLeaderCommitsAndTheLogHoldsTheEnvelopeAsOpNodeWritesIt() throws Exception {
    ExecutionPayloadEnvelope e = block(1);
    a.commit(new CommitUnsafePayload(7, e));
    assertEquals(new ConductorPayloadCommitted(7), next());
    assertEquals(1, cluster.log().size());
    FakeConductor.Commit c = cluster.log().get(0);
    assertEquals("a", c.member());
    assertEquals(e.payload().blockNumber(), c.number());
    assertEquals(e, PayloadEnvelopeJson.parse(c.envelope()), "the committed JSON reads back as the same envelope");
  }

  @Test
  void leadershipIsAskedPerMember() throws Exception {
    a.checkLeader(new CheckConductorLeader(1));
    assertEquals(new ConductorLeaderChecked(1, true), next());
    b.checkLeader(new CheckConductorLeader(2));
    assertEquals(new ConductorLeaderChecked(2, false), next());
    cluster.setLeader("b");
    b.checkLeader(new CheckConductorLeader(3));
    assertEquals(new ConductorLeaderChecked(3, true), next());
  }

  @Test
  void oneFailedAttemptIsRetriedFiftyMillisecondsLater() throws Exception {
    cluster.failNextCommits(1);
    a.commit(new CommitUnsafePayload(9, block(2)));
    assertEquals(new ConductorPayloadCommitted(9), next());
    assertEquals(2, cluster.commitRequests(), "op-node makes two attempts");
    assertEquals(1, cluster.log().size());
  }

  @Test
  void twoFailedAttemptsFailTheRequestAndCommitNothing() throws Exception {
    cluster.failNextCommits(2);
    a.commit(new CommitUnsafePayload(11, block(3)));
    RequestFailed f = assertInstanceOf(RequestFailed.class, next());
    assertEquals(11, f.correlationId());
    assertEquals(FailureKind.REMOTE_ERROR, f.kind());
    assertTrue(f.detail().contains("injected commit failure"), f.detail());
    assertTrue(cluster.log().isEmpty());
  }

  @Test
  void aFollowersCommitIsRefused() throws Exception {
    b.commit(new CommitUnsafePayload(12, block(4)));
    RequestFailed f = assertInstanceOf(RequestFailed.class, next());
    assertTrue(f.detail().contains("node is not the leader"), f.detail());
    assertTrue(cluster.log().isEmpty());
  }

  @Test
  void aHangingConductorFailsTheRequestWithinTheTimeout() throws Exception {
    cluster.hangNextCommits(5);
    long t0 = System.nanoTime();
    a.commit(new CommitUnsafePayload(13, block(5)));
    RequestFailed f = assertInstanceOf(RequestFailed.class, next());
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
    assertEquals(FailureKind.TIMEOUT, f.kind(), f.detail());
    assertTrue(millis < 2_000, "answered within the 500 ms budget plus slack, took " + millis + " ms");
    assertEquals(1, cluster.commitRequests(), "no time was left for a second attempt");
  }
}
