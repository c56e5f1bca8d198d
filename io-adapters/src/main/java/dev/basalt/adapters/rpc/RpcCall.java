package dev.basalt.adapters.rpc;

import java.util.Optional;

/** What a method gets: its parameters and, over WebSocket, the connection (for subscriptions). */
public record RpcCall(String method, RpcParams params, Optional<Subscriber> connection) {}
