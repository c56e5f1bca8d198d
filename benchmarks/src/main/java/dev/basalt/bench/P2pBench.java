package dev.basalt.bench;

import dev.basalt.adapters.p2p.host.Connection;
import dev.basalt.adapters.p2p.host.Host;
import dev.basalt.adapters.p2p.host.HostConfig;
import dev.basalt.adapters.p2p.host.MuxerKind;
import dev.basalt.adapters.p2p.host.Stream;
import dev.basalt.adapters.p2p.host.StreamHandler;
import dev.basalt.adapters.p2p.identity.IdentityKey;
import dev.basalt.adapters.p2p.multiaddr.Multiaddr;
import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Echo throughput of Basalt's libp2p stack on loopback: one stream over Noise + yamux (or mplex)
 * between two hosts in this JVM (one I/O thread each), the client writing 64 KiB chunks with at
 * most 4 MiB unacknowledged by the muxer, the server writing every byte back. The figure counts
 * payload bytes echoed per second (each byte crosses the connection twice, encrypted both ways).
 * Also the median ping round trip.
 */
final class P2pBench {
  private static final String ECHO = "/basalt/bench-echo/1.0.0";
  private static final int CHUNK = 64 * 1024;

  private P2pBench() {}

  static List<String> run(int rounds, long bytesPerRound) throws Exception {
    List<String> lines = new ArrayList<>();
    for (MuxerKind muxer : MuxerKind.values()) {
      try (Host server = host(muxer); Host client = host(muxer)) {
        server.setProtocolHandler(ECHO, stream -> (s, data) -> s.write(data));
        Multiaddr addr = server.listen(Multiaddr.parse("/ip4/127.0.0.1/tcp/0")).get(5, TimeUnit.SECONDS);
        Connection c = client.dial(addr.withPeerId(server.peerId())).get(5, TimeUnit.SECONDS);
        echo(c, bytesPerRound / 4); // warm-up
        double[] mibPerSec = new double[rounds];
        for (int r = 0; r < rounds; r++) {
          long t0 = System.nanoTime();
          echo(c, bytesPerRound);
          mibPerSec[r] = bytesPerRound / (1024.0 * 1024.0) / ((System.nanoTime() - t0) / 1e9);
        }
        long[] rtt = new long[200];
        for (int i = 0; i < rtt.length; i++) {
          rtt[i] = c.ping().get(5, TimeUnit.SECONDS).toNanos();
        }
        Arrays.sort(mibPerSec);
        Arrays.sort(rtt);
        lines.add(String.format(Locale.ROOT,
            "p2p echo noise+%-5s  best %7.1f MiB/s   median %7.1f MiB/s   (%d MiB per round, %d rounds)   ping p50 %6.1f us",
            muxer.name().toLowerCase(Locale.ROOT), mibPerSec[rounds - 1], mibPerSec[rounds / 2], bytesPerRound >> 20, rounds,
            rtt[rtt.length / 2] / 1e3));
      }
    }
    return lines;
  }

  private static Host host(MuxerKind muxer) {
    return Host.create(HostConfig.defaults(IdentityKey.generate(new SecureRandom())).withMuxers(List.of(muxer)).withIoThreads(1));
  }

  /** Streams {@code total} bytes through the echo and waits until all came back. */
  private static void echo(Connection c, long total) throws Exception {
    AtomicLong received = new AtomicLong();
    CompletableFuture<Void> done = new CompletableFuture<>();
    Stream s = c.newStream(List.of(ECHO), new StreamHandler() {
      @Override
      public void onData(Stream stream, byte[] data) {
        if (received.addAndGet(data.length) >= total) {
          done.complete(null);
        }
      }

      @Override
      public void onClosed(Stream stream, boolean reset) {
        done.completeExceptionally(new IllegalStateException("stream ended after " + received.get() + " bytes"));
      }
    }).get(5, TimeUnit.SECONDS);
    byte[] chunk = new byte[CHUNK];
    new SecureRandom().nextBytes(chunk);
    ArrayDeque<CompletableFuture<Void>> inFlight = new ArrayDeque<>();
    for (long sent = 0; sent < total; sent += CHUNK) {
      inFlight.add(s.write(chunk));
      if (inFlight.size() >= 64) {
        inFlight.poll().get(30, TimeUnit.SECONDS);
      }
    }
    done.get(60, TimeUnit.SECONDS);
    s.reset();
  }
}
