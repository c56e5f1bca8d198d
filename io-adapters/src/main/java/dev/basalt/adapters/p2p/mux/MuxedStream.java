package dev.basalt.adapters.p2p.mux;

import dev.basalt.adapters.p2p.host.Connection;
import dev.basalt.adapters.p2p.host.Direction;
import dev.basalt.adapters.p2p.host.Offence;
import dev.basalt.adapters.p2p.host.ProtocolHandler;
import dev.basalt.adapters.p2p.host.Stream;
import dev.basalt.adapters.p2p.host.StreamClosedException;
import dev.basalt.adapters.p2p.host.StreamHandler;
import dev.basalt.adapters.p2p.multistream.DialerNegotiation;
import dev.basalt.adapters.p2p.multistream.ListenerNegotiation;
import dev.basalt.adapters.p2p.multistream.Negotiation;
import dev.basalt.adapters.p2p.wire.ByteQueue;
import dev.basalt.adapters.p2p.wire.WireException;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The muxer-independent half of a stream: multistream-select on the stream, then handler dispatch,
 * an ordered write queue drained as the muxer's flow control and the socket allow, half-close and
 * reset. Subclasses send the frames.
 */
public abstract class MuxedStream implements Stream {
  private static final Logger LOG = LoggerFactory.getLogger(MuxedStream.class);

  protected final MuxerContext ctx;
  private final long id;
  private final Direction direction;
  private final Negotiation negotiation;
  private final ByteQueue negotiationBuffer = new ByteQueue();
  private final ArrayDeque<PendingWrite> queue = new ArrayDeque<>();
  private long queuedBytes;
  private String protocol;
  private StreamHandler handler;
  private CompletableFuture<Stream> openFuture;
  private ScheduledFuture<?> negotiationTimer;
  private boolean finQueued;
  private boolean finSent;
  private boolean remoteClosed;
  private volatile boolean finished;

  private record PendingWrite(byte[] data, CompletableFuture<Void> done, int[] offset) {}

  protected MuxedStream(MuxerContext ctx, long id, Direction direction, List<String> proposals, StreamHandler handler) {
    this.ctx = ctx;
    this.id = id;
    this.direction = direction;
    if (direction == Direction.OUTBOUND) {
      this.negotiation = new DialerNegotiation(proposals);
      this.handler = handler;
      this.openFuture = new CompletableFuture<>();
    } else {
      this.negotiation = new ListenerNegotiation(p -> ctx.handlerFor(p) != null);
    }
  }

  /** Sends the opening multistream bytes and arms the negotiation deadline. Call after the muxer registered the stream. */
  protected final void startNegotiation() {
    negotiationTimer = ctx.schedule(() -> {
      if (protocol == null && !finished) {
        LOG.debug("stream {} on {}: protocol negotiation timed out", id, ctx.connection().id());
        failOpen("protocol negotiation timed out");
        resetNow();
      }
    }, ctx.limits().streamNegotiationTimeoutMillis(), TimeUnit.MILLISECONDS);
    sendRaw(negotiation.start());
  }

  public final CompletableFuture<Stream> openFuture() {
    return openFuture;
  }

  // ---- muxer → stream ----

  /** Payload from the peer. */
  protected final void receive(byte[] data) {
    if (finished) {
      return;
    }
    if (protocol != null) {
      deliver(data);
      return;
    }
    negotiationBuffer.append(data);
    try {
      byte[] reply = negotiation.onData(negotiationBuffer);
      if (reply.length > 0) {
        sendRaw(reply);
      }
    } catch (WireException e) {
      ctx.misbehaved(Offence.MALFORMED_MULTISTREAM, "stream " + id + ": " + e.getMessage(), false);
      failOpen(e.getMessage());
      resetNow();
      return;
    } catch (Negotiation.NoProtocolException e) {
      failOpen(e.getMessage());
      resetNow();
      return;
    }
    if (negotiation.selected() != null) {
      negotiated(negotiation.selected());
    }
  }

  private void negotiated(String selected) {
    protocol = selected;
    if (negotiationTimer != null) {
      negotiationTimer.cancel(false);
    }
    if (direction == Direction.INBOUND) {
      ProtocolHandler ph = ctx.handlerFor(selected);
      try {
        handler = ph == null ? null : ph.accept(this);
      } catch (RuntimeException e) {
        LOG.warn("handler for {} failed to accept a stream: {}", selected, e.toString());
        handler = null;
      }
      if (handler == null) {
        resetNow();
        return;
      }
    }
    handler.onOpen(this);
    if (openFuture != null) {
      openFuture.complete(this);
    }
    if (negotiationBuffer.available() > 0 && !finished) {
      deliver(negotiationBuffer.takeAll());
    }
    if (remoteClosed && !finished) {
      handler.onRemoteClosed(this);
      maybeFinish();
    }
  }

  /** Hands data to the handler; a handler that throws loses its stream, not the connection. */
  private void deliver(byte[] data) {
    try {
      handler.onData(this, data);
    } catch (RuntimeException e) {
      LOG.warn("stream handler for {} failed, resetting the stream: {}", protocol, e.toString());
      resetNow();
    }
  }

  /** The peer half-closed. */
  protected final void remoteClose() {
    if (finished || remoteClosed) {
      return;
    }
    remoteClosed = true;
    if (protocol == null) {
      if (direction == Direction.OUTBOUND) {
        failOpen("peer closed the stream during negotiation");
        resetNow();
      }
      return; // inbound: the peer may have pipelined its proposal and closed; negotiation still runs
    }
    handler.onRemoteClosed(this);
    maybeFinish();
  }

  /** The peer reset the stream or the connection is gone. */
  public final void remoteReset() {
    failOpen("stream reset by peer");
    finish(true);
  }

  public final boolean isNegotiating() {
    return protocol == null && !finished;
  }

  // ---- public API ----

  @Override
  public final long id() {
    return id;
  }

  @Override
  public final String protocol() {
    return protocol;
  }

  @Override
  public final Connection connection() {
    return ctx.connection();
  }

  @Override
  public final Direction direction() {
    return direction;
  }

  @Override
  public final boolean isOpen() {
    return !finished;
  }

  @Override
  public final CompletableFuture<Void> write(byte[] data) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    onLoop(() -> enqueue(data, done));
    return done;
  }

  @Override
  public final void closeWrite() {
    onLoop(() -> {
      if (!finished && !finQueued) {
        finQueued = true;
        drain();
      }
    });
  }

  @Override
  public final void reset() {
    onLoop(this::resetNow);
  }

  // ---- writing ----

  private void enqueue(byte[] data, CompletableFuture<Void> done) {
    if (finished || finQueued) {
      done.completeExceptionally(new StreamClosedException("stream " + id + " is closed for writing"));
      return;
    }
    if (queuedBytes + data.length > ctx.limits().maxStreamWriteBufferBytes() || !ctx.reserveWriteBuffer(data.length)) {
      LOG.warn("stream {} ({}) to {}: write buffer full ({} bytes queued on the stream), resetting", id, protocol,
          ctx.connection().remotePeer(), queuedBytes);
      done.completeExceptionally(new StreamClosedException("stream write buffer full"));
      resetNow();
      return;
    }
    queue.add(new PendingWrite(data, done, new int[1]));
    queuedBytes += data.length;
    drain();
  }

  /** Sends queued bytes while flow control and the socket allow; then a pending FIN. */
  public final void drain() {
    while (!finished && !queue.isEmpty() && ctx.isWritable()) {
      int credit = sendCredit();
      if (credit <= 0) {
        return;
      }
      PendingWrite w = queue.peek();
      int remaining = w.data.length - w.offset[0];
      int n = Math.min(Math.min(remaining, credit), maxChunk());
      if (n > 0) {
        sendData(w.data, w.offset[0], n);
        w.offset[0] += n;
        queuedBytes -= n;
        ctx.releaseWriteBuffer(n);
      }
      if (w.offset[0] == w.data.length) {
        queue.poll();
        w.done.complete(null);
      }
    }
    if (!finished && queue.isEmpty() && finQueued && !finSent) {
      finSent = true;
      sendFin();
      maybeFinish();
    }
  }

  /** Negotiation bytes bypass the queue (they come first and are tiny). */
  private void sendRaw(byte[] bytes) {
    sendData(bytes, 0, bytes.length);
  }

  private void maybeFinish() {
    if (finSent && remoteClosed && protocol != null) {
      finish(false);
    }
  }

  private void resetNow() {
    if (finished) {
      return;
    }
    sendReset();
    finish(true);
  }

  private void failOpen(String why) {
    if (openFuture != null && !openFuture.isDone()) {
      openFuture.completeExceptionally(new StreamClosedException(why));
    }
  }

  /** Ends the stream once: fails queued writes, tells the handler, lets the muxer forget it. */
  protected final void finish(boolean reset) {
    if (finished) {
      return;
    }
    finished = true;
    if (negotiationTimer != null) {
      negotiationTimer.cancel(false);
    }
    failOpen(reset ? "stream reset" : "stream closed");
    for (PendingWrite w : queue) {
      w.done.completeExceptionally(new StreamClosedException("stream " + id + " ended before the write was sent"));
    }
    queue.clear();
    ctx.releaseWriteBuffer(queuedBytes);
    queuedBytes = 0;
    forget();
    if (handler != null && protocol != null) {
      try {
        handler.onClosed(this, reset);
      } catch (RuntimeException e) {
        LOG.warn("stream handler for {} failed in onClosed: {}", protocol, e.toString());
      }
    }
  }

  private void onLoop(Runnable r) {
    if (ctx.inEventLoop()) {
      r.run();
    } else {
      ctx.execute(r);
    }
  }

  // ---- muxer specifics ----

  /** Bytes the muxer's flow control lets us send now. */
  protected abstract int sendCredit();

  /** Largest payload per frame. */
  protected abstract int maxChunk();

  protected abstract void sendData(byte[] data, int offset, int length);

  protected abstract void sendFin();

  protected abstract void sendReset();

  /** Removes the stream from the session's table. */
  protected abstract void forget();

  @Override
  public String toString() {
    return "Stream[" + id + " " + direction + " " + protocol + " on " + ctx.connection().id() + "]";
  }
}
