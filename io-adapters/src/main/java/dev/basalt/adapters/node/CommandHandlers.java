package dev.basalt.adapters.node;

import java.util.Objects;

/**
 * The adapters that carry out the core's world-facing commands (the clock and status board are
 * wired by the runtime itself). Each must return quickly and answer requests from its own threads.
 */
public record CommandHandlers(L1Port l1, EnginePort engine, RpcPort rpc, SafeHeadStore safeHeads, GossipPort gossip) {
  public CommandHandlers {
    Objects.requireNonNull(l1, "l1");
    Objects.requireNonNull(engine, "engine");
    Objects.requireNonNull(rpc, "rpc");
    Objects.requireNonNull(safeHeads, "safeHeads");
    Objects.requireNonNull(gossip, "gossip");
  }

  /** Handlers without P2P: gossip verdicts go nowhere. */
  public CommandHandlers(L1Port l1, EnginePort engine, RpcPort rpc, SafeHeadStore safeHeads) {
    this(l1, engine, rpc, safeHeads, GossipPort.NONE);
  }

  /** The same handlers with gossip verdicts going to {@code gossip}. */
  public CommandHandlers withGossip(GossipPort gossip) {
    return new CommandHandlers(l1, engine, rpc, safeHeads, gossip);
  }
}
