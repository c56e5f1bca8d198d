package dev.basalt.testdata.sim;

import dev.basalt.core.Core;
import dev.basalt.core.command.Command;
import dev.basalt.core.engine.ExecutionPayloadEnvelope;
import dev.basalt.core.engine.L2BlockSelector;
import dev.basalt.core.event.GossipPayloadReceived;
import dev.basalt.core.event.InputEvent;
import dev.basalt.core.event.NodeStarted;
import dev.basalt.core.config.Fork;
import dev.basalt.core.p2p.GossipValidator;
import dev.basalt.core.types.Bytes;
import dev.basalt.core.types.Hash32;
import dev.basalt.testdata.gen.SimRng;
import dev.basalt.testdata.world.SimWorld;
import dev.basalt.testdata.world.gossip.GossipPeers;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.LongFunction;

/**
 * The node's block-gossip peers, honest and hostile, with a PRNG stream of their own. The node
 * learns the world's unsafe-block signer whenever it starts, from {@link SimSignerLoader}.
 * With {@link FaultClass#GOSSIP_PEERS} (validators) honest peers send every block the world's
 * sequencer seals a few hundred milliseconds after its slot, and the validator's steps are driven
 * slot by slot so that the messages arrive then; the node's unsafe head runs ahead of its safe head
 * as on a real validator. Hostile peers send duplicates, bad signatures, blocks outside the
 * timestamp window, equivocating blocks (signed by the signer, sent just ahead of the true block)
 * and floods of all of it. A message is built when it is delivered, against the clock of that
 * moment, and handed to the {@link GossipOracle} to judge.
 *
 * <p>A sequencer has no other source of blocks: hostile peers replay the blocks it sealed (from its
 * engine) and forge bad or mistimed ones, but never equivocate (that would need its own key).
 */
final class SimGossip implements SimNode.TimedInputs, SimNode.Listener {
  private static final long MIN_LATENCY_MILLIS = 20;

  private record Pending(String peer, FaultClass kind, LongFunction<Optional<Built>> build) {}

  /** A message and what the oracle must know about it. */
  private record Built(GossipPeers.Message message, boolean forged, boolean goodSignature) {}

  private final SimNode node;
  private final SimWorld world;
  private final GossipPeers peers;
  private final SimSignerLoader loader;
  private final GossipOracle oracle;
  private final SimRng rng;
  private final Coverage coverage;
  private final boolean sequencing;
  /** Largest honest relay latency; 0 when no honest peer relays the world's blocks. */
  private final long maxLatencyMillis;
  private final TreeMap<Long, ArrayDeque<Pending>> pending = new TreeMap<>();
  private final TreeMap<Long, Hash32> relayed = new TreeMap<>();
  private final ArrayDeque<GossipPeers.Message> recent = new ArrayDeque<>();
  /** False when the blocks to relay come from another node's publications ({@link #published}), not the world. */
  private boolean watchWorld = true;
  private Hash32 lastHead = Hash32.ZERO;
  /** The rogue holder of the signer's key: equivocating blocks and chains ahead of the true blocks (not for a sequencer). */
  private final GossipEquivocator equivocator;
  private long messages;
  private long starts;

  SimGossip(SimNode node, GossipOracle oracle, Coverage coverage, SimRng rng, boolean sequencing, int relayLatencyTenths) {
    this.node = node;
    this.coverage = coverage;
    this.world = node.world();
    this.oracle = oracle;
    this.rng = rng;
    this.sequencing = sequencing;
    this.peers = new GossipPeers(world.nodeEngine().memo(), rng.fork("keys"));
    this.loader = new SimSignerLoader(world, peers, coverage);
    this.equivocator = new GossipEquivocator(peers, rng, (at, kind, forged) -> schedule(at, new Pending("equivocating-peer", kind,
        now -> Optional.of(new Built(peers.signed(forged.get()), true, true)))));
    this.maxLatencyMillis = sequencing ? 0 : relayLatencyTenths * 100L;
    relayed.put(0L, world.trueChain().genesis().ref().hash());
  }

  /** Whether honest peers relay the world's blocks (and the validator is driven slot by slot). */
  boolean relaying() {
    return maxLatencyMillis > 0;
  }

  // ---- the node starts: it learns its signer ----

  @Override
  public void applied(InputEvent event, List<Command> out, Core core) {
    if (event instanceof NodeStarted) {
      if (starts++ > 0) {
        coverage.mark("unsafe-block signer observed again after a restart");
      }
      node.submit(loader.atStart());
    }
  }

  // ---- delivery by virtual time ----

  @Override
  public long nextDueMillis() {
    watchTrueChain();
    return Math.min(loader.nextDueMillis(), pending.isEmpty() ? Long.MAX_VALUE : pending.firstKey());
  }

  @Override
  public List<InputEvent> deliverDue(long nowMillis) {
    List<InputEvent> out = new ArrayList<>();
    loader.deliverDue(nowMillis).ifPresent(out::add);
    while (!pending.isEmpty() && pending.firstKey() <= nowMillis) {
      for (Pending p : pending.pollFirstEntry().getValue()) {
        Optional<Built> built = p.build().apply(nowMillis);
        if (built.isEmpty()) {
          continue;
        }
        GossipPeers.Message m = built.get().message();
        Bytes id = messageId(++messages);
        oracle.sent(id, new GossipOracle.Sent(p.kind(), m.block().payload(), built.get().forged(), built.get().goodSignature(),
            m.signedBy(), loader.notFirst(m.signedBy())));
        if (built.get().goodSignature()) {
          recent.addLast(m);
          while (recent.size() > 16) {
            recent.removeFirst();
          }
        }
        out.add(new GossipPayloadReceived(nowMillis, p.peer(), m.topicVersion(), m.data(), id));
      }
    }
    return out;
  }

  @Override
  public void processDied() {
    pending.clear(); // built at delivery: nothing was sent to the oracle yet
  }

  private void schedule(long atMillis, Pending p) {
    pending.computeIfAbsent(atMillis, t -> new ArrayDeque<>()).add(p);
  }

  /** {@code n} as a 20-byte big-endian message id (what {@code "0x%040x"} formats, without the string). */
  static Bytes messageId(long n) {
    byte[] id = new byte[20];
    for (int i = 0; i < 8; i++) {
      id[19 - i] = (byte) (n >>> (8 * i));
    }
    return Bytes.wrapOwned(id);
  }

  // ---- honest relay (validators) and equivocation ahead of it ----

  /**
   * Notices blocks the world's sequencer sealed since last time (or that replaced relayed ones
   * after an L1 reorg) and sends them, each after its slot plus a latency, any equivocating blocks
   * for its height just ahead of it.
   */
  private void watchTrueChain() {
    if (sequencing || !watchWorld) {
      return;
    }
    var chain = world.trueChain();
    var head = chain.head();
    if (head.ref().hash().equals(lastHead)) {
      return;
    }
    lastHead = head.ref().hash();
    List<ExecutionPayloadEnvelope> fresh = new ArrayList<>();
    for (long n = head.number(); n > 0 && fresh.size() < 256; n--) {
      var b = chain.block(n).orElseThrow();
      if (b.ref().hash().equals(relayed.get(n))) {
        break;
      }
      fresh.add(0, b.envelope());
    }
    for (ExecutionPayloadEnvelope b : fresh) {
      long n = b.payload().blockNumber();
      relayed.put(n, b.payload().blockHash());
      long slotMillis = b.payload().timestamp() * 1000;
      equivocator.ahead(chain.block(n - 1).orElseThrow().envelope(), b, slotMillis);
      // A block more than a minute old when the peers first see it (sealed while the node's process
      // was paused, or re-sealed after an L1 reorg) is refused by honest peers too: nobody relays it.
      if (relaying() && b.payload().timestamp() >= world.nowSeconds() - GossipValidator.MAX_AGE_SECONDS) {
        long latency = MIN_LATENCY_MILLIS + rng.nextLong(maxLatencyMillis);
        schedule(slotMillis + latency, new Pending("honest-peer-" + (1 + n % 3), null,
            now -> Optional.of(new Built(peers.signed(b), false, true))));
      }
    }
    while (relayed.size() > 512) {
      relayed.pollFirstEntry();
    }
  }

  /** From now on honest peers relay what {@link #published} hands them, not the world's own chain. */
  void relayPublishedOnly() {
    watchWorld = false;
  }

  /**
   * A block another node (the world's sequencer node) published at {@code publishedAtMillis}: honest
   * peers bring it to this node after a latency, as gossipsub would; queued equivocating blocks for
   * its height (signed by the same key) go out just ahead of it.
   */
  void published(ExecutionPayloadEnvelope b, long publishedAtMillis) {
    relayed.put(b.payload().blockNumber(), b.payload().blockHash());
    // A rogue holder of the sequencer's key gets its blocks out first, as if it had sealed them too.
    world.nodeEngine().block(new L2BlockSelector.ByHash(b.payload().parentHash()))
        .ifPresent(parent -> equivocator.ahead(parent, b, publishedAtMillis));
    long latency = MIN_LATENCY_MILLIS + rng.nextLong(Math.max(1, maxLatencyMillis));
    schedule(publishedAtMillis + latency, new Pending("sequencer", null, now -> Optional.of(new Built(peers.signed(b), false, true))));
  }

  /**
   * A validator with honest peers is driven slot by slot up to {@code t} (without new L1 labels),
   * so each block's gossip arrives shortly after the world seals it, not at the end of the step.
   */
  void runSlotsBefore(long t) {
    if (!relaying()) {
      return;
    }
    long slot = world.config().l2BlockSeconds();
    for (long s = world.nowSeconds() + slot; s < t; s += slot) {
      node.tick(s, false);
      node.runTo(s * 1000 + slot * 1000 - 1);
    }
  }

  // ---- hostile peers ----

  /** Schedules the hostile messages of {@code f} within the coming step; false when it cannot apply. */
  boolean inject(ScheduledFault f) {
    long base = world.nowSeconds() * 1000 + rng.nextLong(world.config().l1BlockSeconds() * 1000);
    int n = Math.max(1, f.size());
    switch (f.fault()) {
      case GOSSIP_EQUIVOCATION -> {
        if (sequencing) {
          return false;
        }
        equivocator.queueSiblings(n);
      }
      case GOSSIP_DUPLICATE -> {
        for (int i = 0; i < n; i++) {
          schedule(base + i * 37L, new Pending("replaying-peer", f.fault(), now -> duplicate()));
        }
      }
      case GOSSIP_BAD_SIGNATURE -> {
        for (int i = 0; i < n; i++) {
          int how = i % 3;
          long salt = rng.nextLong();
          schedule(base + i * 41L, new Pending("forging-peer", f.fault(), now -> badSignature(how, salt)));
        }
      }
      case GOSSIP_OUT_OF_WINDOW -> {
        for (int i = 0; i < n; i++) {
          boolean old = (i + f.size()) % 2 == 0;
          long salt = rng.nextLong();
          schedule(base + i * 43L, new Pending("late-peer", f.fault(), now -> old ? tooOld(now, salt) : tooNew(now, salt)));
        }
      }
      case GOSSIP_EQUIVOCATING_CHAIN -> {
        if (sequencing) {
          return false;
        }
        equivocator.queueChain(Math.max(2, n));
      }
      case GOSSIP_SIGNER_ROTATION -> {
        if (sequencing) {
          return false; // a sequencer has no gossip to learn a signer for
        }
        // In a duo the key rotated is the sequencer node's: from now on its blocks are signed with the new one.
        loader.rotate(n);
      }
      case GOSSIP_FLOOD -> {
        long salt = rng.nextLong();
        for (int i = 0; i < n; i++) {
          int kind = i % 5;
          long s = salt + i;
          schedule(base, new Pending("flooding-peer", f.fault(), now -> flood(kind, now, s)));
        }
      }
      default -> throw new IllegalArgumentException("not a hostile gossip fault: " + f);
    }
    return true;
  }

  private Optional<Built> flood(int kind, long now, long salt) {
    return switch (kind) {
      case 0 -> duplicate();
      case 1 -> badSignature((int) Math.floorMod(salt, 3), salt);
      // Equivocation needs the signer's key: a sequencer's own; in a duo world only the rogue holder of the
      // sequencer node's key equivocates, ahead of the sequencer's blocks (GossipEquivocator).
      case 2 -> sequencing || !watchWorld ? badSignature(0, salt) : equivocation(salt);
      case 3 -> tooOld(now, salt);
      default -> tooNew(now, salt);
    };
  }

  /** A block already sent, again (or the newest block twice when nothing was sent yet). */
  private Optional<Built> duplicate() {
    if (recent.isEmpty()) {
      Optional<Block> b = newest();
      if (b.isEmpty()) {
        return Optional.empty();
      }
      recent.add(peers.signed(b.get().block()));
    }
    GossipPeers.Message m = new ArrayList<>(recent).get(rng.nextInt(recent.size()));
    return Optional.of(new Built(m, false, true));
  }

  private Optional<Built> badSignature(int how, long salt) {
    return newest().map(b -> {
      ExecutionPayloadEnvelope forged = peers.sibling(b.parent().payload(), b.block(), salt);
      GossipPeers.Message m = how == 0 ? peers.signedByStranger(forged) : peers.corrupted(forged, how == 1);
      return new Built(m, true, false);
    });
  }

  /** An equivocating block at the newest height, signed by the signer. */
  private Optional<Built> equivocation(long salt) {
    return newest().map(b -> new Built(peers.signed(peers.sibling(b.parent().payload(), b.block(), salt)), true, true));
  }

  /** A block of more than a minute ago, validly signed: the true one, or a sibling. */
  private Optional<Built> tooOld(long nowMillis, long salt) {
    Optional<Block> newest = newest();
    if (newest.isEmpty()) {
      return Optional.empty();
    }
    long slot = world.config().l2BlockSeconds();
    long number = newest.get().block().payload().blockNumber() - (nowMillis / 1000 - newest.get().block().payload().timestamp()) / slot;
    number -= (61 + slot - 1) / slot + Math.floorMod(salt, 4);
    Optional<Block> old = at(number);
    if (old.isEmpty() || old.get().block().payload().timestamp() >= nowMillis / 1000 - 61) {
      return Optional.empty();
    }
    boolean sibling = Math.floorMod(salt, 2) == 0;
    ExecutionPayloadEnvelope block = sibling ? peers.sibling(old.get().parent().payload(), old.get().block(), salt) : old.get().block();
    return Optional.of(new Built(peers.signed(block), sibling, true));
  }

  /** A block dated 6..25 s after the receive time, validly signed, above the newest. */
  private Optional<Built> tooNew(long nowMillis, long salt) {
    return newest().flatMap(b -> {
      long ts = nowMillis / 1000 + 6 + Math.floorMod(salt, 20);
      var rollup = world.rollupConfig();
      long from = b.block().payload().timestamp();
      for (Fork fork : Fork.values()) {
        if (rollup.isActive(fork, from) != rollup.isActive(fork, ts)) {
          return Optional.empty(); // a fork activates in between: the moved block would have the wrong fields
        }
      }
      ExecutionPayloadEnvelope moved = peers.moved(b.block(), b.block().payload().blockNumber() + 1 + Math.floorMod(salt, 3), ts);
      return Optional.of(new Built(peers.signed(moved), true, true));
    });
  }

  /** A block and its parent. */
  private record Block(ExecutionPayloadEnvelope block, ExecutionPayloadEnvelope parent) {}

  /** The newest block a peer could know: the world's true head, or the sequencer's own unsafe head. */
  private Optional<Block> newest() {
    long number = sequencing ? world.nodeEngine().head().payload().blockNumber() : world.trueChain().head().number();
    return at(number);
  }

  private Optional<Block> at(long number) {
    if (number < 1) {
      return Optional.empty();
    }
    if (sequencing) {
      var engine = world.nodeEngine();
      Optional<ExecutionPayloadEnvelope> b = engine.block(new L2BlockSelector.ByNumber(number));
      return b.flatMap(x -> engine.block(new L2BlockSelector.ByHash(x.payload().parentHash())).map(p -> new Block(x, p)));
    }
    var chain = world.trueChain();
    return chain.block(number).flatMap(b -> chain.block(number - 1).map(p -> new Block(b.envelope(), p.envelope())));
  }

  /** The node's unsafe head must be a true block once things settled (an adopted equivocation is replaced). */
  Optional<String> settled() {
    if (sequencing) {
      return Optional.empty();
    }
    var unsafe = node.status().unsafeL2();
    var truth = world.trueChain().block(unsafe.number());
    if (truth.isEmpty() || !truth.get().ref().hash().equals(unsafe.hash())) {
      return Optional.of("unsafe head " + unsafe + " is not the world's block at its height");
    }
    return Optional.empty();
  }

  @Override
  public void crashed(int lostEvents) {
    // pending messages were dropped by processDied
  }
}
