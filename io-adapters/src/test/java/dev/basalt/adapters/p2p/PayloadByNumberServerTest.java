package dev.basalt.adapters.p2p;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.basalt.adapters.p2p.host.Connection;
import dev.basalt.adapters.p2p.host.Host;
import dev.basalt.adapters.p2p.host.HostConfig;
import dev.basalt.adapters.p2p.host.Stream;
import dev.basalt.adapters.p2p.host.StreamHandler;
import dev.basalt.adapters.p2p.identity.IdentityKey;
import dev.basalt.adapters.p2p.multiaddr.Multiaddr;
import dev.basalt.adapters.p2p.reqresp.PayloadByNumberServer;
import dev.basalt.adapters.p2p.reqresp.PayloadSource;
import dev.basalt.adapters.p2p.reqresp.ResultCode;
import dev.basalt.adapters.p2p.reqresp.ServerLimits;
import dev.basalt.adapters.p2p.reqresp.SnappyFramed;
import dev.basalt.core.block.PayloadHeader;
import dev.basalt.core.config.Eip1559Params;
import dev.basalt.core.config.Fork;
import dev.basalt.core.config.ForkSchedule;
import dev.basalt.core.config.RollupConfig;
import dev.basalt.core.engine.ExecutionPayloadEnvelope;
import dev.basalt.core.p2p.BlockVersion;
import dev.basalt.core.p2p.PayloadSszDecoder;
import dev.basalt.testdata.gen.TestConfigs;
import java.io.ByteArrayOutputStream;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The {@code payload_by_number} server on a loopback host, asked by a client host in the test:
 * blocks of all four layouts (Bedrock, Canyon, Ecotone, Isthmus) under both protocol spellings come
 * back as framed snappy SSZ that decodes to the served block and whose hash recomputes; unknown,
 * out-of-range and malformed requests get their result codes; a peer asking too fast is throttled.
 */
class PayloadByNumberServerTest {
  private static final Multiaddr LOOPBACK = Multiaddr.parse("/ip4/127.0.0.1/tcp/0");
  /** Canyon from block 50, Ecotone from 100, Isthmus from 150 (2 s blocks from time 0). */
  static final RollupConfig ROLLUP = rollupWithForks();

  static RollupConfig rollupWithForks() {
    RollupConfig base = TestConfigs.rollup(1, 901, 2);
    ForkSchedule.Builder forks = ForkSchedule.builder();
    forks.at(Fork.REGOLITH, 0);
    for (Fork f : List.of(Fork.CANYON, Fork.DELTA)) {
      forks.at(f, 100);
    }
    for (Fork f : List.of(Fork.ECOTONE, Fork.FJORD, Fork.GRANITE, Fork.HOLOCENE)) {
      forks.at(f, 200);
    }
    forks.at(Fork.ISTHMUS, 300);
    return new RollupConfig(base.l1ChainId(), base.l2ChainId(), base.genesis(), base.blockTimeSeconds(), 600, 3600, 300,
        base.batchInboxAddress(), base.depositContractAddress(), base.l1SystemConfigAddress(), forks.build(), -1,
        new Eip1559Params(6, 50, 250), false);
  }

  /** An in-memory chain: block n at time 2n, about 20 KB of transactions each. */
  static final class Chain implements PayloadSource {
    final Map<Long, ExecutionPayloadEnvelope> blocks = new TreeMap<>();

    Chain(long... numbers) {
      for (long n : numbers) {
        blocks.put(n, SignedBlocks.block(ROLLUP, n, 2 * n, 20_000));
      }
    }

    @Override
    public CompletableFuture<Optional<ExecutionPayloadEnvelope>> payloadByNumber(long number) {
      return CompletableFuture.completedFuture(Optional.ofNullable(blocks.get(number)));
    }
  }

  static final class Served implements AutoCloseable {
    final Host serverHost = host();
    final Host clientHost = host();
    final PayloadByNumberServer server;
    final Connection connection;

    Served(ServerLimits limits, PayloadSource source) throws Exception {
      server = new PayloadByNumberServer(ROLLUP, limits, System::currentTimeMillis);
      server.setSource(source);
      server.register(serverHost);
      Multiaddr at = serverHost.listen(LOOPBACK).get(5, TimeUnit.SECONDS);
      connection = clientHost.dial(at.withPeerId(serverHost.peerId())).get(5, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
      server.close();
      clientHost.close();
      serverHost.close();
    }
  }

  static Host host() {
    return Host.create(HostConfig.defaults(IdentityKey.generate(new SecureRandom())).withIoThreads(1));
  }

  /** Opens {@code protocol}, writes {@code request}, half-closes, returns everything the server wrote. */
  static CompletableFuture<byte[]> ask(Connection c, String protocol, byte[] request) {
    CompletableFuture<byte[]> out = new CompletableFuture<>();
    ByteArrayOutputStream got = new ByteArrayOutputStream();
    StreamHandler h = new StreamHandler() {
      @Override
      public void onData(Stream s, byte[] data) {
        synchronized (got) {
          got.writeBytes(data);
        }
      }

      @Override
      public void onRemoteClosed(Stream s) {
        synchronized (got) {
          out.complete(got.toByteArray());
        }
        s.closeWrite();
      }

      @Override
      public void onClosed(Stream s, boolean reset) {
        synchronized (got) {
          out.complete(got.toByteArray());
        }
      }
    };
    c.newStream(List.of(protocol), h).thenAccept(s -> {
      s.write(request);
      s.closeWrite();
    }).exceptionally(e -> {
      out.completeExceptionally(e);
      return null;
    });
    return out;
  }

  static byte[] number(long n) {
    byte[] b = new byte[8];
    for (int i = 0; i < 8; i++) {
      b[i] = (byte) (n >>> (8 * i));
    }
    return b;
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1})
  void servesEveryLayoutUnderBothProtocolIds(int spelling) throws Exception {
    Chain chain = new Chain(10, 60, 110, 160);
    try (Served s = new Served(ServerLimits.OP_NODE, chain)) {
      String protocol = PayloadByNumberServer.protocolIds(901).get(spelling);
      List<BlockVersion> seen = new ArrayList<>();
      for (long n : chain.blocks.keySet()) {
        byte[] answer = ask(s.connection, protocol, number(n)).get(10, TimeUnit.SECONDS);
        assertEquals(ResultCode.SUCCESS, ResultCode.of(answer[0]), "block " + n);
        ExecutionPayloadEnvelope sent = chain.blocks.get(n);
        BlockVersion layout = BlockVersion.at(ROLLUP, sent.payload().timestamp());
        seen.add(layout);
        int version = (answer[1] & 0xff) | (answer[2] & 0xff) << 8 | (answer[3] & 0xff) << 16 | (answer[4] & 0xff) << 24;
        assertEquals(layout.hasBeaconRoot() ? 1 : 0, version, "op-node writes 1 from Ecotone on, else 0");
        byte[] body = SnappyFramed.decode(Arrays.copyOfRange(answer, 5, answer.length), 10 << 20);
        PayloadSszDecoder.Decoded d = assertInstanceOf(PayloadSszDecoder.Decoded.class, PayloadSszDecoder.decode(body, layout));
        assertEquals(sent, d.envelope());
        assertTrue(PayloadHeader.hashMatches(ROLLUP, d.envelope()), "block hash recomputes for block " + n);
      }
      assertEquals(List.of(BlockVersion.V1, BlockVersion.V2, BlockVersion.V3, BlockVersion.V4), seen);
      assertEquals(4, s.server.served(ResultCode.SUCCESS));
    }
  }

  @Test
  void unknownOutOfRangeAndMalformedRequests() throws Exception {
    try (Served s = new Served(ServerLimits.OP_NODE, new Chain(10))) {
      String protocol = PayloadByNumberServer.protocolIds(901).get(0);
      assertArrayEquals(new byte[] {1}, ask(s.connection, protocol, number(11)).get(10, TimeUnit.SECONDS), "not found");
      long farFuture = System.currentTimeMillis() / 1000 / 2 + 1000;
      assertArrayEquals(new byte[] {2}, ask(s.connection, protocol, number(farFuture)).get(10, TimeUnit.SECONDS),
          "a block that cannot exist yet is an invalid request");
      assertArrayEquals(new byte[] {2}, ask(s.connection, protocol, number(-1)).get(10, TimeUnit.SECONDS), "u64 max");
      assertArrayEquals(new byte[] {2}, ask(s.connection, protocol, new byte[] {1, 2, 3}).get(10, TimeUnit.SECONDS),
          "a 3-byte request");
      assertArrayEquals(new byte[] {2}, ask(s.connection, protocol, new byte[0]).get(10, TimeUnit.SECONDS), "an empty request");
      assertEquals(1, s.server.served(ResultCode.NOT_FOUND));
      assertEquals(4, s.server.served(ResultCode.INVALID_REQUEST));
      assertEquals(ResultCode.SUCCESS, ResultCode.of(ask(s.connection, protocol, number(10)).get(10, TimeUnit.SECONDS)[0]),
          "the connection still serves");
    }
  }

  @Test
  void aFailingSourceIsAnUnknownError() throws Exception {
    PayloadSource broken = n -> CompletableFuture.failedFuture(new IllegalStateException("engine down"));
    try (Served s = new Served(ServerLimits.OP_NODE, broken)) {
      assertArrayEquals(new byte[] {3}, ask(s.connection, PayloadByNumberServer.protocolIds(901).get(1), number(5))
          .get(10, TimeUnit.SECONDS));
    }
  }

  @Test
  void aSilentClientIsCutAtTheReadDeadline() throws Exception {
    ServerLimits limits = ServerLimits.OP_NODE.withReadTimeout(Duration.ofMillis(300));
    try (Served s = new Served(limits, new Chain(10))) {
      CompletableFuture<byte[]> answer = new CompletableFuture<>();
      s.connection.newStream(List.of(PayloadByNumberServer.protocolIds(901).get(0)), (st, d) -> answer.complete(d))
          .get(5, TimeUnit.SECONDS).write(new byte[] {10, 0});
      assertArrayEquals(new byte[] {3}, answer.get(5, TimeUnit.SECONDS), "no full request within the deadline");
    }
  }

  @Test
  void aPeerAskingTooFastIsThrottledThenRefused() throws Exception {
    // 2 requests/s with a burst of 2; a request may wait at most 1 s for its token.
    ServerLimits limits = ServerLimits.OP_NODE.withPeerRate(2, 2).withMaxThrottle(Duration.ofSeconds(1));
    try (Served s = new Served(limits, new Chain(10))) {
      String protocol = PayloadByNumberServer.protocolIds(901).get(0);
      List<CompletableFuture<byte[]>> answers = new ArrayList<>();
      long start = System.nanoTime();
      for (int i = 0; i < 10; i++) {
        answers.add(ask(s.connection, protocol, number(10)));
      }
      int ok = 0;
      int refused = 0;
      for (CompletableFuture<byte[]> a : answers) {
        ResultCode code = ResultCode.of(a.get(10, TimeUnit.SECONDS)[0]);
        ok += code == ResultCode.SUCCESS ? 1 : 0;
        refused += code == ResultCode.UNKNOWN_ERROR ? 1 : 0;
      }
      long tookMillis = (System.nanoTime() - start) / 1_000_000;
      // Free first request + burst 2 at once, then 2 more within the 1 s throttle; the rest are refused at once.
      assertTrue(ok >= 4 && ok <= 6, "served " + ok);
      assertEquals(10 - ok, refused);
      assertTrue(tookMillis >= 400, "throttled requests waited for their tokens, took " + tookMillis + " ms");
    }
  }
}
