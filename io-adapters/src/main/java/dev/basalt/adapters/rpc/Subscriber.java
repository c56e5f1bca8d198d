package dev.basalt.adapters.rpc;

/**
 * A connection that can receive subscription notifications (a WebSocket). Touched only on the
 * server's event loop.
 */
public interface Subscriber {
  /**
   * Starts a subscription. Its first notification, if any, is sent after the response carrying the
   * id; later ones come from {@link HeadFeed}.
   *
   * @return the subscription's id as JSON text (a number or a string)
   * @throws RpcError when the connection has as many subscriptions as it may
   */
  String subscribe(HeadKind kind, SubscriptionStyle style);

  /** Ends a subscription of this connection; false when it has none with that id. */
  boolean unsubscribe(String idJson);
}
