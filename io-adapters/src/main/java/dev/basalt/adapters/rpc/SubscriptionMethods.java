package dev.basalt.adapters.rpc;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Head subscriptions over WebSocket (op-node has none; these are kona's, plus go-ethereum's
 * generic form):
 *
 * <ul>
 *   <li>kona: {@code ws_subscribe_unsafe_head}, {@code ws_subscribe_safe_head},
 *       {@code ws_subscribe_finalized_head} () → numeric id; notifications
 *       {@code {"method":"ws_subscribe_<head>","params":{"subscription":id,"result":L2BlockRef}}},
 *       the current head first; {@code ws_unsubscribe_<head>(id)} → bool;
 *   <li>go-ethereum style: {@code eth_subscribe("unsafe_head"|"safe_head"|"finalized_head")} →
 *       hex-string id; notifications {@code eth_subscription} from the next change on;
 *       {@code eth_unsubscribe(id)} → bool.
 * </ul>
 * Over HTTP they answer -32001 "notifications not supported", as go-ethereum does.
 */
final class SubscriptionMethods {
  private SubscriptionMethods() {}

  static void registerInto(MethodRegistry registry) {
    for (HeadKind kind : HeadKind.values()) {
      registry.register("ws_subscribe_" + kind.suffix(), call -> {
        call.params().atMost(0);
        return RpcMethod.done(connection(call).subscribe(kind, SubscriptionStyle.KONA));
      });
      registry.register("ws_unsubscribe_" + kind.suffix(), SubscriptionMethods::unsubscribe);
    }
    registry.register("eth_subscribe", call -> {
      String name = call.params().atMost(1).string(0);
      HeadKind kind = HeadKind.bySuffix(name);
      if (kind == null) {
        throw RpcError.server("no \"" + name + "\" subscription in eth namespace (unsafe_head, safe_head, finalized_head)");
      }
      return RpcMethod.done(connection(call).subscribe(kind, SubscriptionStyle.ETH));
    });
    registry.register("eth_unsubscribe", SubscriptionMethods::unsubscribe);
  }

  private static java.util.concurrent.CompletionStage<String> unsubscribe(RpcCall call) {
    JsonNode id = call.params().atMost(1).required(0);
    if (!id.isTextual() && !id.isIntegralNumber()) {
      throw RpcParams.invalid(0, "subscription id must be a string or a number");
    }
    return RpcMethod.done(Boolean.toString(connection(call).unsubscribe(id.toString())));
  }

  private static Subscriber connection(RpcCall call) {
    return call.connection().orElseThrow(
        () -> new RpcError(RpcError.NOTIFICATIONS_UNSUPPORTED, "notifications not supported"));
  }
}
