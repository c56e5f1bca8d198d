package dev.basalt.adapters.node;

import dev.basalt.core.command.RespondRpc;

/** Delivers the core's answers to RPC requests. */
public interface RpcPort {
  void respond(RespondRpc command);
}
