package dev.basalt.adapters.rpc;

import dev.basalt.adapters.node.RpcPort;
import dev.basalt.adapters.ring.EventSink;
import dev.basalt.core.command.RespondRpc;
import dev.basalt.core.event.AdminRequestReceived;
import dev.basalt.core.rpc.AdminRequest;
import dev.basalt.core.rpc.RpcOutcome;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Carries state-changing requests to the core and its answers back: {@link #submit} publishes
 * {@code AdminRequestReceived} with a fresh id, and the core's {@code RespondRpc}, delivered to
 * {@link #respond} by the command router, completes the matching future.
 *
 * <p>Invariants: publishing never waits (a full ring fails the request at once: the event loop
 * must not block); each id is answered at most once; an answer for an id nobody waits for any
 * more (timed out) is dropped. Futures complete on the dispatcher thread, so callers attach only
 * non-blocking continuations (the RPC server hops straight back to its event loop).
 */
public final class CoreBridge implements RpcPort {
  private volatile EventSink sink;
  private final AtomicLong ids = new AtomicLong();
  private final Map<Long, CompletableFuture<RpcOutcome>> pending = new ConcurrentHashMap<>();

  public CoreBridge(EventSink sink) {
    this.sink = sink;
  }

  /** A bridge whose sink is given later ({@link #attach}): the node's ring exists only once the runtime starts. */
  public CoreBridge() {
    this.sink = null;
  }

  /** Connects the bridge to the node's ring; requests before this fail with "node is starting". */
  public void attach(EventSink ringSink) {
    this.sink = ringSink;
  }

  /**
   * Sends {@code request} to the core. The future completes with the core's outcome, or
   * exceptionally with {@link RpcError} when the node does not take it; cancelling it (a timeout)
   * forgets the request.
   */
  public CompletableFuture<RpcOutcome> submit(AdminRequest request) {
    long id = ids.incrementAndGet();
    CompletableFuture<RpcOutcome> answer = new CompletableFuture<>();
    pending.put(id, answer);
    answer.whenComplete((outcome, error) -> pending.remove(id));
    EventSink target = sink;
    if (target == null) {
      answer.completeExceptionally(RpcError.server("the node is starting; try again"));
    } else if (!target.tryPublish(new AdminRequestReceived(id, request))) {
      answer.completeExceptionally(RpcError.server("the node is busy or stopping; try again"));
    }
    return answer;
  }

  @Override
  public void respond(RespondRpc command) {
    CompletableFuture<RpcOutcome> answer = pending.remove(command.requestId());
    if (answer != null) {
      answer.complete(command.outcome());
    }
  }

  /** Requests still waiting for the core (for tests and diagnostics). */
  public int pendingCount() {
    return pending.size();
  }
}
