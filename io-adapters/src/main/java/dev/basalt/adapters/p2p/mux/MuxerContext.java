package dev.basalt.adapters.p2p.mux;

import dev.basalt.adapters.p2p.host.Connection;
import dev.basalt.adapters.p2p.host.Offence;
import dev.basalt.adapters.p2p.host.P2pLimits;
import dev.basalt.adapters.p2p.host.ProtocolHandler;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/** What a muxer session needs from its (secured) connection. Event-loop thread only. */
public interface MuxerContext {
  /** Sends one muxer frame (plaintext; the connection encrypts it). */
  void send(byte[] frame);

  /** True while the socket's outbound buffer is below its high-water mark. */
  boolean isWritable();

  boolean inEventLoop();

  void execute(Runnable task);

  ScheduledFuture<?> schedule(Runnable task, long delay, TimeUnit unit);

  P2pLimits limits();

  Connection connection();

  /**
   * Reserves {@code bytes} of the connection's write buffer ({@link
   * P2pLimits#maxConnectionWriteBufferBytes()}); false if that would pass the limit.
   */
  boolean reserveWriteBuffer(long bytes);

  /** Returns bytes reserved with {@link #reserveWriteBuffer} (sent or dropped). */
  void releaseWriteBuffer(long bytes);

  /** The handler serving {@code protocolId}, or null. */
  ProtocolHandler handlerFor(String protocolId);

  /** Logs and reports an offence; closes the connection when {@code fatal}. */
  void misbehaved(Offence offence, String detail, boolean fatal);

  /** The peer asked to end the session (go-away) or it is over: close the connection. */
  void closeConnection(String reason);
}
