package dev.basalt.adapters.rpc;

/**
 * How a subscription's notifications look. Both use the {@code {"subscription", "result"}}
 * params of {@code eth_subscription}; they differ in the notification method and the id.
 */
public enum SubscriptionStyle {
  /**
   * kona ({@code jsonrpsee}): the notification method is the subscribe method's name
   * ({@code ws_subscribe_unsafe_head}), ids are numbers, and the current head is sent at once.
   */
  KONA,
  /**
   * go-ethereum: {@code eth_subscribe(["unsafe_head"])}, notifications named
   * {@code eth_subscription}, hex-string ids, nothing sent until the head changes.
   */
  ETH
}
