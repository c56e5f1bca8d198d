package dev.basalt.adapters.rpc;

import dev.basalt.adapters.status.StatusBoard;
import dev.basalt.core.heads.SyncStatus;
import dev.basalt.core.types.L2BlockRef;
import io.vertx.core.Context;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Turns status-board publishes into head notifications for WebSocket subscribers.
 *
 * <p>The board calls {@link #onPublished} on the core's dispatcher thread; that only schedules one
 * check on the server's event loop (publishes arriving before it runs are coalesced into it), so
 * the dispatcher never waits for a client. On the loop, each head that changed since the last
 * check is written once and sent to every connection subscribed to it. Connections are added and
 * removed on the loop only.
 */
final class HeadFeed {
  private final StatusBoard board;
  private final Context context;
  private final AtomicBoolean scheduled = new AtomicBoolean();
  private final Map<HeadKind, L2BlockRef> lastSent = new EnumMap<>(HeadKind.class);
  private final List<WsConnection> connections = new ArrayList<>();
  private final Runnable listener = this::onPublished;

  HeadFeed(StatusBoard board, Context context) {
    this.board = board;
    this.context = context;
  }

  void start() {
    SyncStatus now = board.current();
    for (HeadKind k : HeadKind.values()) {
      lastSent.put(k, k.of(now));
    }
    board.addListener(listener);
  }

  void stop() {
    board.removeListener(listener);
  }

  void add(WsConnection c) {
    connections.add(c);
  }

  void remove(WsConnection c) {
    connections.remove(c);
  }

  int connectionCount() {
    return connections.size();
  }

  int subscriptionCount() {
    int n = 0;
    for (WsConnection c : connections) {
      n += c.subscriptionCount();
    }
    return n;
  }

  /** The head of {@code kind} as last seen by the feed (what a new KONA-style subscriber gets first). */
  L2BlockRef current(HeadKind kind) {
    return kind.of(board.current());
  }

  private void onPublished() {
    if (scheduled.compareAndSet(false, true)) {
      context.runOnContext(v -> {
        scheduled.set(false);
        check();
      });
    }
  }

  private void check() {
    SyncStatus now = board.current();
    for (HeadKind k : HeadKind.values()) {
      L2BlockRef head = k.of(now);
      if (head.equals(lastSent.get(k))) {
        continue;
      }
      lastSent.put(k, head);
      String json = RefJson.l2(head);
      for (WsConnection c : List.copyOf(connections)) {
        c.notifyHead(k, json);
      }
    }
  }
}
