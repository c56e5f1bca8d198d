package dev.basalt.testdata.world.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.basalt.core.engine.ExecutionPayload;
import dev.basalt.core.engine.ExecutionPayloadEnvelope;
import dev.basalt.core.engine.ForkchoiceState;
import dev.basalt.core.types.Hash32;
import dev.basalt.testdata.world.SimWorld;
import dev.basalt.testdata.world.SimWorldConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link BlockTree#isAncestor}'s canonical-index shortcut and {@link BlockTree#canonical}'s index by
 * number against plain walks over parents.
 */
class BlockTreeTest {
  private static ExecutionPayloadEnvelope child(ExecutionPayload parent, long id) {
    ExecutionPayload p = parent;
    byte[] hash = new byte[32];
    for (int i = 0; i < 8; i++) {
      hash[i] = (byte) (id >>> (8 * i));
    }
    hash[31] = 1;
    return new ExecutionPayloadEnvelope(new ExecutionPayload(p.blockHash(), p.feeRecipient(), p.stateRoot(), p.receiptsRoot(),
        p.logsBloom(), p.prevRandao(), p.blockNumber() + 1, p.gasLimit(), p.gasUsed(), p.timestamp() + 2, p.extraData(),
        p.baseFeePerGas(), Hash32.wrap(hash), p.transactions(), p.withdrawals(), p.blobGasUsed(), p.excessBlobGas(),
        p.withdrawalsRoot()), Optional.empty());
  }

  private static boolean walk(List<ExecutionPayloadEnvelope> known, BlockTree tree, Hash32 ancestor, Hash32 descendant) {
    Optional<ExecutionPayloadEnvelope> a = tree.get(ancestor);
    Optional<ExecutionPayloadEnvelope> d = tree.get(descendant);
    if (a.isEmpty() || d.isEmpty()) {
      return false;
    }
    ExecutionPayloadEnvelope b = d.get();
    while (b != null && b.payload().blockNumber() > a.get().payload().blockNumber()) {
      b = tree.get(b.payload().parentHash()).orElse(null);
    }
    return b != null && b.payload().blockHash().equals(ancestor);
  }

  @Test
  void shortcutAnswersWhatTheWalkAnswersOnRandomForksAndRestarts() {
    SimWorld world = SimWorld.create(SimWorldConfig.defaults(3));
    ExecutionPayloadEnvelope genesis = world.nodeEngine().head();
    BlockTree tree = new BlockTree(genesis);
    List<ExecutionPayloadEnvelope> all = new ArrayList<>(List.of(genesis));
    SplittableRandom random = new SplittableRandom(5);
    long id = 0;
    int positives = 0;
    for (int step = 0; step < 3000; step++) {
      int action = random.nextInt(20);
      List<ExecutionPayloadEnvelope> present = all.stream().filter(b -> tree.contains(b.payload().blockHash())).toList();
      if (action < 12) {
        ExecutionPayloadEnvelope parent = random.nextInt(3) == 0 ? present.get(random.nextInt(present.size())) : tree.head();
        ExecutionPayloadEnvelope b = child(parent.payload(), ++id);
        tree.add(b);
        all.add(b);
      } else if (action < 18) {
        Hash32 head = present.get(random.nextInt(present.size())).payload().blockHash();
        tree.setForkchoice(new ForkchoiceState(head, Hash32.ZERO, Hash32.ZERO));
        if (random.nextBoolean()) {
          tree.persistHead();
        }
      } else {
        tree.restart();
      }
      for (int q = 0; q < 20; q++) {
        Hash32 d = (q % 2 == 0 ? present : all).get(random.nextInt(q % 2 == 0 ? present.size() : all.size())).payload().blockHash();
        Hash32 a = all.get(random.nextInt(all.size())).payload().blockHash();
        if (q % 2 == 0) { // an ancestor of d (when d is still there), some steps back
          Optional<ExecutionPayloadEnvelope> b = tree.get(d);
          for (int k = random.nextInt(30); k > 0 && b.isPresent(); k--) {
            a = b.get().payload().parentHash();
            b = tree.get(a);
          }
        }
        boolean expected = walk(all, tree, a, d);
        assertEquals(expected, tree.isAncestor(a, d), "step " + step);
        positives += expected ? 1 : 0;
      }
    }
    org.junit.jupiter.api.Assertions.assertTrue(positives > 1000, "the vectors include ancestors: " + positives);
  }

  @Test
  void restartDropsExactlyTheBlocksAboveThePersistedNumber() {
    SimWorld world = SimWorld.create(SimWorldConfig.defaults(3));
    ExecutionPayloadEnvelope genesis = world.nodeEngine().head();
    BlockTree tree = new BlockTree(genesis);
    java.util.Map<Hash32, Long> model = new java.util.HashMap<>();
    model.put(genesis.payload().blockHash(), genesis.payload().blockNumber());
    List<ExecutionPayloadEnvelope> all = new ArrayList<>(List.of(genesis));
    SplittableRandom random = new SplittableRandom(9);
    long id = 0;
    int dropped = 0;
    for (int step = 0; step < 3000; step++) {
      int action = random.nextInt(20);
      List<ExecutionPayloadEnvelope> present = all.stream().filter(b -> tree.contains(b.payload().blockHash())).toList();
      if (action < 12) {
        ExecutionPayloadEnvelope parent = random.nextInt(3) == 0 ? present.get(random.nextInt(present.size())) : tree.head();
        ExecutionPayloadEnvelope b = random.nextInt(8) == 0 ? all.get(random.nextInt(all.size())) : child(parent.payload(), ++id);
        if (tree.contains(b.payload().parentHash()) || b == genesis) { // known again, or new on a known parent
          tree.add(b);
          model.put(b.payload().blockHash(), b.payload().blockNumber());
          all.add(b);
        }
      } else if (action < 18) {
        tree.setForkchoice(new ForkchoiceState(present.get(random.nextInt(present.size())).payload().blockHash(), Hash32.ZERO,
            Hash32.ZERO));
        if (random.nextBoolean()) {
          tree.persistHead();
        }
      } else {
        tree.restart();
        int before = model.size();
        model.values().removeIf(n -> n > tree.persistedNumber());
        dropped += before - model.size();
      }
      assertEquals(model.size(), tree.size());
      for (Hash32 h : model.keySet()) {
        assertEquals(true, tree.contains(h));
      }
    }
    assertEquals(true, dropped > 50, "restarts dropped blocks: " + dropped);
  }

  /** The canonical block at {@code number} by walking from the head over parents (the index's slow path). */
  private static Optional<ExecutionPayloadEnvelope> walkToNumber(BlockTree tree, long number) {
    ExecutionPayloadEnvelope b = tree.head();
    while (b != null && b.payload().blockNumber() > number) {
      b = tree.get(b.payload().parentHash()).orElse(null);
    }
    return b != null && b.payload().blockNumber() == number ? Optional.of(b) : Optional.empty();
  }

  @Test
  void canonicalByNumberIsTheHeadsAncestryOnRandomForksRestartsAndReplacedEnvelopes() {
    for (long seed = 1; seed <= 12; seed++) {
      SimWorld world = SimWorld.create(SimWorldConfig.defaults(3));
      ExecutionPayloadEnvelope genesis = world.nodeEngine().head();
      BlockTree tree = new BlockTree(genesis);
      List<ExecutionPayloadEnvelope> all = new ArrayList<>(List.of(genesis));
      SplittableRandom random = new SplittableRandom(seed);
      long id = 0;
      int found = 0;
      int replaced = 0;
      for (int step = 0; step < 1500; step++) {
        int action = random.nextInt(20);
        List<ExecutionPayloadEnvelope> present = all.stream().filter(b -> tree.contains(b.payload().blockHash())).toList();
        if (action < 11) {
          ExecutionPayloadEnvelope parent = random.nextInt(3) == 0 ? present.get(random.nextInt(present.size())) : tree.head();
          ExecutionPayloadEnvelope b = child(parent.payload(), ++id);
          tree.add(b);
          all.add(b);
        } else if (action < 13) { // the same block again as another object: what the tree holds under its hash changes
          ExecutionPayloadEnvelope old = present.get(random.nextInt(present.size()));
          ExecutionPayloadEnvelope copy = new ExecutionPayloadEnvelope(old.payload(), old.parentBeaconBlockRoot());
          tree.add(copy);
          all.add(copy);
          replaced++;
        } else if (action < 19) {
          Hash32 head = present.get(random.nextInt(present.size())).payload().blockHash();
          tree.setForkchoice(new ForkchoiceState(head, Hash32.ZERO, Hash32.ZERO));
          if (random.nextBoolean()) {
            tree.persistHead();
          }
        } else {
          tree.restart();
        }
        long top = tree.head().payload().blockNumber();
        for (long n = genesis.payload().blockNumber() - 1; n <= top + 2; n++) {
          Optional<ExecutionPayloadEnvelope> expected = walkToNumber(tree, n);
          Optional<ExecutionPayloadEnvelope> actual = tree.canonical(n);
          assertEquals(expected.isPresent(), actual.isPresent(), "seed " + seed + " step " + step + " number " + n);
          if (expected.isPresent()) {
            org.junit.jupiter.api.Assertions.assertSame(expected.get(), actual.get(), "seed " + seed + " step " + step + " number " + n);
            found++;
          }
        }
      }
      org.junit.jupiter.api.Assertions.assertTrue(found > 1000 && replaced > 50, "seed " + seed + ": " + found + " found, " + replaced + " replaced");
    }
  }

  /**
   * Lookups by hash (the recent finds and the walk's canonical shortcut) against a plain map kept
   * beside the tree: the same object for every hash, present or lost, through walks down the chain,
   * repeated asks, forks, replaced envelopes and restarts.
   */
  @Test
  void lookupsByHashAnswerWhatAPlainMapAnswers() {
    for (long seed = 1; seed <= 8; seed++) {
      SimWorld world = SimWorld.create(SimWorldConfig.defaults(3));
      ExecutionPayloadEnvelope genesis = world.nodeEngine().head();
      BlockTree tree = new BlockTree(genesis);
      java.util.Map<Hash32, ExecutionPayloadEnvelope> model = new java.util.HashMap<>();
      model.put(genesis.payload().blockHash(), genesis);
      List<ExecutionPayloadEnvelope> all = new ArrayList<>(List.of(genesis));
      SplittableRandom random = new SplittableRandom(seed);
      long id = 0;
      int hits = 0;
      for (int step = 0; step < 1500; step++) {
        int action = random.nextInt(20);
        List<ExecutionPayloadEnvelope> present = new ArrayList<>(model.values());
        present.sort(java.util.Comparator.comparing(b -> b.payload().blockHash()));
        if (action < 11) {
          ExecutionPayloadEnvelope parent = random.nextInt(3) == 0 ? present.get(random.nextInt(present.size())) : tree.head();
          ExecutionPayloadEnvelope b = child(parent.payload(), ++id);
          tree.add(b);
          model.put(b.payload().blockHash(), b);
          all.add(b);
        } else if (action < 13) { // the same block again as another object
          ExecutionPayloadEnvelope old = present.get(random.nextInt(present.size()));
          ExecutionPayloadEnvelope copy = new ExecutionPayloadEnvelope(old.payload(), old.parentBeaconBlockRoot());
          tree.add(copy);
          model.put(copy.payload().blockHash(), copy);
          all.add(copy);
        } else if (action < 19) {
          Hash32 head = present.get(random.nextInt(present.size())).payload().blockHash();
          tree.setForkchoice(new ForkchoiceState(head, Hash32.ZERO, Hash32.ZERO));
          if (random.nextBoolean()) {
            tree.persistHead();
          }
        } else {
          tree.restart();
          model.values().removeIf(b -> b.payload().blockNumber() > tree.persistedNumber());
        }
        for (int q = 0; q < 10; q++) {
          Hash32 h = all.get(random.nextInt(all.size())).payload().blockHash();
          for (int k = random.nextInt(40); k >= 0; k--) { // a walk down over parents, some hashes asked twice
            ExecutionPayloadEnvelope expected = model.get(h);
            org.junit.jupiter.api.Assertions.assertSame(expected, tree.get(h).orElse(null), "seed " + seed + " step " + step);
            assertEquals(expected != null, tree.contains(h));
            if (expected == null) {
              break;
            }
            hits++;
            if (random.nextInt(4) != 0) {
              h = expected.payload().parentHash();
            }
          }
        }
        org.junit.jupiter.api.Assertions.assertSame(model.get(tree.head().payload().blockHash()), tree.head());
      }
      org.junit.jupiter.api.Assertions.assertTrue(hits > 5_000, "seed " + seed + ": " + hits + " found");
    }
  }
}
