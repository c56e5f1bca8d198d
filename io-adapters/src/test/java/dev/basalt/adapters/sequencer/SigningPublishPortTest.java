package dev.basalt.adapters.sequencer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.basalt.core.command.PublishPayload;
import dev.basalt.core.config.RollupConfig;
import dev.basalt.core.crypto.Secp256k1;
import dev.basalt.core.engine.ExecutionPayloadEnvelope;
import dev.basalt.core.p2p.BlockSigning;
import dev.basalt.testdata.gen.TestConfigs;
import dev.basalt.testdata.world.engine.PayloadBuilder;
import java.math.BigInteger;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The publishing port with op-signer: a good signature is published with the sequencer's address;
 * a failed or wrong signing publishes nothing and does not stop later blocks; the command thread
 * never waits on op-signer.
 */
class SigningPublishPortTest {
  private static final RollupConfig ROLLUP = TestConfigs.rollup(900, 901, 2);

  private static PublishPayload block(long n) {
    ExecutionPayloadEnvelope env = PayloadBuilder.genesis(ROLLUP, n, 2 * n, 30_000_000);
    return new PublishPayload(env, BlockSigning.signingHash(ROLLUP, env));
  }

  @Test
  void remoteSignaturesArePublishedAndFailuresPublishNothing() throws Exception {
    try (FakeOpSigner server = new FakeOpSigner(RemoteBlockSignerTest.KEY)) {
      RemoteBlockSigner signer = new RemoteBlockSigner(new RemoteSignerOptions(server.url("http"), RemoteBlockSignerTest.KEY.address(),
          Map.of(), Optional.empty(), Optional.empty(), Optional.empty(), Duration.ofMillis(500)));
      LinkedBlockingQueue<SignedPayload> out = new LinkedBlockingQueue<>();
      AtomicInteger metric = new AtomicInteger();
      try (SigningPublishPort port = new SigningPublishPort(signer, out::add, metric::incrementAndGet, ROLLUP)) {
        server.mode = FakeOpSigner.Mode.HANG;
        port.publish(block(1)); // returns at once although op-signer never answers
        awaitCalls(server, 1);
        server.mode = FakeOpSigner.Mode.SIGN;
        PublishPayload good = block(2);
        port.publish(good);
        SignedPayload signed = out.poll(10, TimeUnit.SECONDS);
        assertEquals(good.envelope(), signed.envelope(), "block 1 timed out and was not published; block 2 was");
        byte[] raw = signed.signature().toArray();
        assertEquals(Optional.of(RemoteBlockSignerTest.KEY.address()), Secp256k1.recoverAddress(good.signingHash(), raw[64],
            new BigInteger(1, Arrays.copyOfRange(raw, 0, 32)), new BigInteger(1, Arrays.copyOfRange(raw, 32, 64))));
        server.mode = FakeOpSigner.Mode.RPC_ERROR;
        port.publish(block(3));
        awaitCalls(server, 3);
        server.mode = FakeOpSigner.Mode.SIGN;
        PublishPayload fourth = block(4);
        port.publish(fourth);
        assertEquals(fourth.envelope(), out.poll(10, TimeUnit.SECONDS).envelope());
        assertTrue(out.isEmpty());
        // The metric is told right after the hand-over, on the signing thread: wait for it, then it must be exactly 2.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (metric.get() < 2 && System.nanoTime() < deadline) {
          Thread.sleep(5);
        }
        Thread.sleep(50);
        assertEquals(2, metric.get());
      }
    }
  }

  private static void awaitCalls(FakeOpSigner server, int n) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (server.calls.get() < n && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertEquals(n, server.calls.get());
  }

  @Test
  void aLocalKeySignsOnTheCallersThread() {
    LinkedBlockingQueue<SignedPayload> out = new LinkedBlockingQueue<>();
    SigningPublishPort port = new SigningPublishPort(new LocalBlockSigner(RemoteBlockSignerTest.KEY), out::add, () -> { }, ROLLUP);
    port.publish(block(1));
    assertEquals(1, out.size());
  }
}
