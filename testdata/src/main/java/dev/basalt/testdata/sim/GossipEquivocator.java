package dev.basalt.testdata.sim;

import dev.basalt.core.engine.ExecutionPayloadEnvelope;
import dev.basalt.testdata.gen.SimRng;
import dev.basalt.testdata.world.gossip.GossipPeers;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * A rogue holder of the unsafe-block signer's key (as after a conductor failover gone wrong: every
 * sequencer of a cluster holds the same key): it signs other blocks at the height of the next true
 * block and sends them just ahead of it. {@link FaultClass#GOSSIP_EQUIVOCATION} queues siblings of
 * the next true block, {@link FaultClass#GOSSIP_EQUIVOCATING_CHAIN} a forged sibling and then
 * forged children of it, one per height. Draws from the gossip peers' stream, in the order the
 * true blocks come.
 */
final class GossipEquivocator {
  /** Equivocating blocks go out this long before the earliest honest relay of their height. */
  static final long LEAD_MILLIS = 10;

  /** Where forged blocks go: sent at a time, of a kind, built (and signed) when delivered. */
  interface Sender {
    void send(long atMillis, FaultClass kind, Supplier<ExecutionPayloadEnvelope> forged);
  }

  /** The newest forged block of an equivocating chain still growing, and how many blocks it still gets. */
  private record ForgedTip(ExecutionPayloadEnvelope block, int remaining) {}

  private final GossipPeers peers;
  private final SimRng rng;
  private final Sender sender;
  private int siblingsQueued;
  /** Equivocating chains to start at the next true block, by length. */
  private final List<Integer> chainsQueued = new ArrayList<>();
  private List<ForgedTip> tips = new ArrayList<>();

  GossipEquivocator(GossipPeers peers, SimRng rng, Sender sender) {
    this.peers = peers;
    this.rng = rng;
    this.sender = sender;
  }

  /** {@code n} more siblings of the next true block. */
  void queueSiblings(int n) {
    siblingsQueued += n;
  }

  /** A forged chain of {@code length} blocks from the next true block's height. */
  void queueChain(int length) {
    chainsQueued.add(length);
  }

  /**
   * The true block {@code b} (on {@code parent}) is about to reach the node, at the earliest at
   * {@code slotMillis} plus a latency: the queued siblings and the chains' next blocks go out at
   * {@code slotMillis + LEAD_MILLIS}.
   */
  void ahead(ExecutionPayloadEnvelope parent, ExecutionPayloadEnvelope b, long slotMillis) {
    for (int i = 0; i < siblingsQueued; i++) {
      long salt = rng.nextLong();
      sender.send(slotMillis + LEAD_MILLIS, FaultClass.GOSSIP_EQUIVOCATION, () -> peers.sibling(parent.payload(), b, salt));
    }
    siblingsQueued = 0;
    extendChains(parent, b, slotMillis);
  }

  /**
   * Equivocating chains at the true block {@code b}: a forged child for every chain whose tip is at
   * the height below, and a forged sibling of {@code b} for every chain queued to start; each is
   * sent just ahead of {@code b}. Tips at other heights (the true chain moved on without them) are
   * dropped.
   */
  private void extendChains(ExecutionPayloadEnvelope parent, ExecutionPayloadEnvelope b, long slotMillis) {
    long n = b.payload().blockNumber();
    List<ForgedTip> next = new ArrayList<>();
    for (ForgedTip tip : tips) {
      if (tip.block().payload().blockNumber() == n - 1 && tip.remaining() > 0) {
        ExecutionPayloadEnvelope child = peers.sibling(tip.block().payload(), b, rng.nextLong());
        sendForged(child, slotMillis);
        next.add(new ForgedTip(child, tip.remaining() - 1));
      }
    }
    for (int length : chainsQueued) {
      ExecutionPayloadEnvelope root = peers.sibling(parent.payload(), b, rng.nextLong());
      sendForged(root, slotMillis);
      next.add(new ForgedTip(root, length - 1));
    }
    chainsQueued.clear();
    tips = next;
  }

  private void sendForged(ExecutionPayloadEnvelope forged, long slotMillis) {
    sender.send(slotMillis + LEAD_MILLIS, FaultClass.GOSSIP_EQUIVOCATING_CHAIN, () -> forged);
  }
}
