package dev.basalt.adapters.rpc;

import io.vertx.core.Vertx;
import io.vertx.core.http.ServerWebSocket;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One WebSocket client: its head subscriptions and how notifications reach it. Touched only on the
 * server's event loop.
 *
 * <p>A client that reads slower than heads change is not buffered without bound: while its write
 * queue is full, each subscription keeps only the newest head it has not been sent (an older one
 * is replaced, and counted), and the newest goes out when the queue drains. A head stream may skip
 * heads; subscribers that need every block read them by number.
 */
final class WsConnection implements Subscriber {
  private static final AtomicLong KONA_IDS = new AtomicLong();

  private final ServerWebSocket socket;
  private final int maxSubscriptions;
  private final RpcObserver observer;
  private final HeadFeed feed;
  private final Map<String, Sub> subs = new TreeMap<>();

  private static final class Sub {
    final HeadKind kind;
    final SubscriptionStyle style;
    String pending;

    Sub(HeadKind kind, SubscriptionStyle style) {
      this.kind = kind;
      this.style = style;
    }
  }

  WsConnection(ServerWebSocket socket, int maxSubscriptions, RpcObserver observer, HeadFeed feed) {
    this.socket = socket;
    this.maxSubscriptions = maxSubscriptions;
    this.observer = observer;
    this.feed = feed;
    socket.drainHandler(v -> flushPending());
  }

  @Override
  public String subscribe(HeadKind kind, SubscriptionStyle style) {
    if (subs.size() >= maxSubscriptions) {
      throw RpcError.server("too many subscriptions on this connection (at most " + maxSubscriptions + ")");
    }
    String id = style == SubscriptionStyle.KONA
        ? Long.toString(KONA_IDS.incrementAndGet())
        : "\"0x" + HexFormat.of().formatHex(randomId()) + "\"";
    Sub sub = new Sub(kind, style);
    subs.put(id, sub);
    if (style == SubscriptionStyle.KONA) {
      // jsonrpsee sends kona's current head at once; after the response, which this turn writes.
      String head = RefJson.l2(feed.current(kind));
      Vertx.currentContext().runOnContext(v -> {
        if (subs.get(id) == sub) {
          send(id, sub, head);
        }
      });
    }
    return id;
  }

  @Override
  public boolean unsubscribe(String idJson) {
    return subs.remove(idJson) != null;
  }

  int subscriptionCount() {
    return subs.size();
  }

  void notifyHead(HeadKind kind, String headJson) {
    for (Map.Entry<String, Sub> e : subs.entrySet()) {
      if (e.getValue().kind == kind) {
        send(e.getKey(), e.getValue(), headJson);
      }
    }
  }

  private void send(String id, Sub sub, String headJson) {
    if (socket.isClosed()) {
      return;
    }
    if (socket.writeQueueFull()) {
      if (sub.pending != null) {
        observer.onNotificationCoalesced();
      }
      sub.pending = headJson;
      return;
    }
    String method = sub.style == SubscriptionStyle.KONA ? "ws_subscribe_" + sub.kind.suffix() : "eth_subscription";
    socket.writeTextMessage(new String(ResponseWriter.notification(method, id, headJson), StandardCharsets.UTF_8));
  }

  private void flushPending() {
    for (Map.Entry<String, Sub> e : subs.entrySet()) {
      Sub sub = e.getValue();
      if (sub.pending != null && !socket.writeQueueFull()) {
        String head = sub.pending;
        sub.pending = null;
        send(e.getKey(), sub, head);
      }
    }
  }

  private static byte[] randomId() {
    byte[] b = new byte[16];
    ThreadLocalRandom.current().nextBytes(b);
    return b;
  }
}
