package dev.basalt.adapters.p2p.protocols;

import dev.basalt.adapters.p2p.host.Connection;
import dev.basalt.adapters.p2p.host.ProtocolHandler;
import dev.basalt.adapters.p2p.host.Stream;
import dev.basalt.adapters.p2p.host.StreamClosedException;
import dev.basalt.adapters.p2p.host.StreamHandler;
import dev.basalt.adapters.p2p.wire.ByteQueue;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** ping: the client sends 32 random bytes, the server echoes every 32-byte probe. */
public final class Ping {
  public static final String PROTOCOL = "/ipfs/ping/1.0.0";
  static final int SIZE = 32;
  private static final SecureRandom RANDOM = new SecureRandom();

  private Ping() {}

  public static ProtocolHandler server() {
    return stream -> new StreamHandler() {
      private final ByteQueue pending = new ByteQueue();

      @Override
      public void onData(Stream s, byte[] data) {
        pending.append(data);
        while (pending.available() >= SIZE) {
          s.write(pending.take(SIZE));
        }
      }

      @Override
      public void onRemoteClosed(Stream s) {
        s.closeWrite();
      }
    };
  }

  /** One round trip; fails after {@code timeoutMillis} or on a wrong echo. */
  public static CompletableFuture<Duration> ping(Connection connection, long timeoutMillis) {
    CompletableFuture<Duration> result = new CompletableFuture<>();
    byte[] probe = new byte[SIZE];
    RANDOM.nextBytes(probe);
    StreamHandler handler = new StreamHandler() {
      private final ByteQueue got = new ByteQueue();
      private long sentNanos;

      @Override
      public void onOpen(Stream s) {
        sentNanos = System.nanoTime();
        s.write(probe);
      }

      @Override
      public void onData(Stream s, byte[] data) {
        got.append(data);
        if (got.available() >= SIZE) {
          if (Arrays.equals(got.take(SIZE), probe)) {
            result.complete(Duration.ofNanos(System.nanoTime() - sentNanos));
          } else {
            result.completeExceptionally(new StreamClosedException("ping answer does not match the probe"));
          }
          s.closeWrite();
        }
      }

      @Override
      public void onClosed(Stream s, boolean reset) {
        result.completeExceptionally(new StreamClosedException("ping stream ended before the answer"));
      }
    };
    connection.newStream(List.of(PROTOCOL), handler).whenComplete((s, e) -> {
      if (e != null) {
        result.completeExceptionally(e);
      } else {
        result.whenComplete((rtt, failure) -> {
          if (failure != null) {
            s.reset(); // timed out or wrong answer: do not leave the stream behind
          }
        });
      }
    });
    return result.orTimeout(timeoutMillis, TimeUnit.MILLISECONDS);
  }
}
