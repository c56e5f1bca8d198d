package dev.basalt.testdata.sim;

import dev.basalt.core.Core;
import dev.basalt.core.SequencerConfig;
import dev.basalt.core.command.Command;
import dev.basalt.core.command.PublishPayload;
import dev.basalt.core.engine.ExecutionPayloadEnvelope;
import dev.basalt.core.engine.L2BlockSelector;
import dev.basalt.core.event.InputEvent;
import dev.basalt.core.heads.SyncStatus;
import dev.basalt.core.types.Hash32;
import dev.basalt.core.types.L2BlockRef;
import dev.basalt.testdata.world.SimWorld;
import dev.basalt.testdata.world.SimWorldConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The production core as the sequencer of a simulated world ({@link
 * SimWorldConfig#withNodeSequencing}), on one thread with a virtual clock: the world mines L1,
 * sends user transactions to the node engine's pool and posts the node's unsafe chain with its
 * embedded batcher; the node builds one block per slot and derives its own blocks back from L1.
 * Every block the core seals ({@code PublishPayload}) is recorded by height, which is what the
 * sequencer invariants are judged on: one sealed block per height, and each sealed block is the
 * one that became safe.
 */
public final class SequencerSim {
  private final SimWorld world;
  private final SimNode node;
  private final TreeMap<Long, Hash32> sealed = new TreeMap<>();
  private final List<String> doubleSealed = new ArrayList<>();
  private SimNode.Listener listener = (e, out, c) -> {};

  private SequencerSim(SimWorld world, SequencerConfig sequencing) {
    this.world = world;
    this.node = SimNode.start(world, world.sequencerConfig(sequencing));
    node.listen(this::applied);
  }

  /** A fresh world from {@code config} (made a node-sequencing one) and a node sequencing it. */
  public static SequencerSim start(SimWorldConfig config, SequencerConfig sequencing) {
    return new SequencerSim(SimWorld.create(config.nodeSequences() ? config : config.withNodeSequencing()), sequencing);
  }

  /** Also shows every applied event to {@code next} (a journal writer, a benchmark). */
  public void listen(SimNode.Listener next) {
    this.listener = next;
  }

  private void applied(InputEvent event, List<Command> out, Core core) {
    for (Command c : out) {
      if (c instanceof PublishPayload p) {
        ExecutionPayloadEnvelope e = p.envelope();
        Hash32 before = sealed.put(e.payload().blockNumber(), e.payload().blockHash());
        if (before != null && !before.equals(e.payload().blockHash())) {
          doubleSealed.add("height " + e.payload().blockNumber() + ": " + before + " then " + e.payload().blockHash());
        }
      }
    }
    listener.applied(event, out, core);
  }

  /** Advances the world and the node one second at a time until {@code timeSeconds}. */
  public void advanceTo(long timeSeconds) {
    for (long t = world.nowSeconds() + 1; t <= timeSeconds; t++) {
      node.tick(t, true);
      node.runTo(t * 1000 + 999);
    }
  }

  /**
   * Advances until the safe head reaches {@code safeNumber}, at most {@code maxSeconds} of
   * simulated time; returns whether it did.
   */
  public boolean advanceUntilSafe(long safeNumber, long maxSeconds) {
    long end = world.nowSeconds() + maxSeconds;
    while (node.status().safeL2().number() < safeNumber && world.nowSeconds() < end) {
      advanceTo(world.nowSeconds() + 1);
    }
    return node.status().safeL2().number() >= safeNumber;
  }

  /**
   * Empty when the run kept the sequencer's promises: no height was sealed twice, every height up
   * to the safe head was sealed and the node engine's block there (the safe chain) is the sealed
   * one, the safe head is the engine's block at its height, and the unsafe head extends it;
   * otherwise the first broken promise.
   */
  public Optional<String> check() {
    if (!doubleSealed.isEmpty()) {
      return Optional.of("two blocks sealed at one " + doubleSealed.get(0));
    }
    SyncStatus s = node.status();
    L2BlockRef safe = s.safeL2();
    long genesis = world.rollupConfig().genesis().l2().number();
    for (long n = genesis + 1; n <= safe.number(); n++) {
      Hash32 mine = sealed.get(n);
      Optional<Hash32> onChain = world.nodeEngine().block(new L2BlockSelector.ByNumber(n)).map(b -> b.payload().blockHash());
      if (mine == null) {
        return Optional.of("safe block " + n + " was never sealed by the node");
      }
      if (!onChain.equals(Optional.of(mine))) {
        return Optional.of("safe block " + n + " is " + onChain + ", the node sealed " + mine);
      }
    }
    Optional<Hash32> safeOnEngine = world.nodeEngine().block(new L2BlockSelector.ByNumber(safe.number())).map(b -> b.payload().blockHash());
    if (!safeOnEngine.equals(Optional.of(safe.hash()))) {
      return Optional.of("the node's safe head " + safe + " is not the engine's block " + safeOnEngine);
    }
    if (s.unsafeL2().number() < safe.number()) {
      return Optional.of("unsafe head " + s.unsafeL2() + " below the safe head " + safe);
    }
    return Optional.empty();
  }

  /** Heights sealed so far, with the hash of the block sealed at each. */
  public TreeMap<Long, Hash32> sealed() {
    return new TreeMap<>(sealed);
  }

  public SimWorld world() {
    return world;
  }

  public SimNode node() {
    return node;
  }

  public SyncStatus status() {
    return node.status();
  }
}
