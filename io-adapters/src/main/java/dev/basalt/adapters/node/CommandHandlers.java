package dev.basalt.adapters.node;

import java.util.Objects;

/**
 * The adapters that carry out the core's world-facing commands (the clock and status board are
 * wired by the runtime itself). Each must return quickly and answer requests from its own threads.
 */
public record CommandHandlers(
    L1Port l1, EnginePort engine, RpcPort rpc, SafeHeadStore safeHeads, SequencerPorts sequencer, GossipPort gossip) {
  public CommandHandlers {
    Objects.requireNonNull(l1, "l1");
    Objects.requireNonNull(engine, "engine");
    Objects.requireNonNull(rpc, "rpc");
    Objects.requireNonNull(safeHeads, "safeHeads");
    Objects.requireNonNull(sequencer, "sequencer");
    Objects.requireNonNull(gossip, "gossip");
  }

  /** A validator's handlers without P2P: no sequencer adapters, gossip verdicts go nowhere. */
  public CommandHandlers(L1Port l1, EnginePort engine, RpcPort rpc, SafeHeadStore safeHeads) {
    this(l1, engine, rpc, safeHeads, SequencerPorts.NONE, GossipPort.NONE);
  }

  /** Handlers with sequencer adapters and no P2P. */
  public CommandHandlers(L1Port l1, EnginePort engine, RpcPort rpc, SafeHeadStore safeHeads, SequencerPorts sequencer) {
    this(l1, engine, rpc, safeHeads, sequencer, GossipPort.NONE);
  }

  /** The same handlers with gossip verdicts going to {@code gossip}. */
  public CommandHandlers withGossip(GossipPort newGossip) {
    return new CommandHandlers(l1, engine, rpc, safeHeads, sequencer, newGossip);
  }
}
