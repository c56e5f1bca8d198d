package dev.basalt.adapters.p2p.tcp;

import dev.basalt.adapters.p2p.host.Connection;
import dev.basalt.adapters.p2p.host.ProtocolHandler;
import dev.basalt.adapters.p2p.host.Stream;
import dev.basalt.adapters.p2p.host.StreamHandler;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** A test protocol: the server writes back what it reads and half-closes when the client does. */
final class Echo {
  static final String PROTOCOL = "/basalt/echo/1.0.0";

  private Echo() {}

  static ProtocolHandler server() {
    return stream -> new StreamHandler() {
      @Override
      public void onData(Stream s, byte[] data) {
        s.write(data);
      }

      @Override
      public void onRemoteClosed(Stream s) {
        s.closeWrite();
      }
    };
  }

  /** Sends {@code payload} in one write, half-closes, completes with everything read back. */
  static CompletableFuture<byte[]> roundTrip(Connection c, byte[] payload) {
    CompletableFuture<byte[]> result = new CompletableFuture<>();
    ByteArrayOutputStream got = new ByteArrayOutputStream();
    c.newStream(List.of(PROTOCOL), new StreamHandler() {
      @Override
      public void onOpen(Stream s) {
        s.write(payload);
        s.closeWrite();
      }

      @Override
      public void onData(Stream s, byte[] data) {
        got.writeBytes(data);
      }

      @Override
      public void onClosed(Stream s, boolean reset) {
        if (reset) {
          result.completeExceptionally(new IllegalStateException("echo stream reset after " + got.size() + " bytes"));
        } else {
          result.complete(got.toByteArray());
        }
      }
    }).whenComplete((s, e) -> {
      if (e != null) {
        result.completeExceptionally(e);
      }
    });
    return result;
  }
}
