package dev.basalt.testdata.world;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.basalt.core.config.Fork;
import dev.basalt.core.config.RollupConfig;
import dev.basalt.core.derive.channel.ChannelCompression;
import dev.basalt.core.types.Address;
import dev.basalt.core.types.Bytes;
import dev.basalt.core.types.Hash32;
import dev.basalt.testdata.world.l1.L1Checks;
import dev.basalt.testdata.world.l1.MinedL1Block;
import dev.basalt.testdata.world.rollup.BatcherFaults;
import dev.basalt.testdata.world.rollup.TrueBlock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class SimWorldTest {
  static final long GENESIS = 1_700_000_000L;

  /** Bedrock at genesis, then every fork through Karst 60 s apart. */
  static SimWorldConfig multiFork(long seed) {
    return SimWorldConfig.defaults(seed).withForks(SimWorldConfig.successive(GENESIS, 60)).withActivity(2, 40, 30, 2);
  }

  static void verifyAll(SimWorld world) {
    world.l1().chain().canonical().forEach(b -> L1Checks.verify(world.l1(), b));
    List<TrueBlock> blocks = world.trueChain().blocks();
    for (int i = 1; i < blocks.size(); i++) {
      WorldChecks.verifyL2(world.rollupConfig(), blocks.get(i), blocks.get(i - 1));
    }
  }

  /**
   * The batcher's data, decoded without the pipeline, is exactly the true chain's posted blocks.
   * Batches that do not fit the true chain (stale ones from before an L1 reorg, repeats) are
   * skipped by the rules derivation applies: the next timestamp only, parent and origin checks.
   */
  static void batchesDecodeToTheTrueChain(SimWorld world, List<Address> batchers) {
    RollupConfig rollup = world.rollupConfig();
    var batches = BatcherDataDecoder.decode(rollup, world.l1().chain().canonical(), batchers);
    long next = world.trueChain().genesis().number() + 1;
    for (var batch : batches) {
      var first = batch.blocks().get(0);
      var last = batch.blocks().get(batch.blocks().size() - 1);
      Optional<TrueBlock> firstTrue = world.trueChain().block(number(rollup, first.timestamp()));
      Optional<TrueBlock> lastTrue = world.trueChain().block(number(rollup, last.timestamp()));
      if (firstTrue.isEmpty() || lastTrue.isEmpty() || !startsWith(firstTrue.get().ref().parentHash(), batch.parentCheck())
          || !startsWith(lastTrue.get().ref().l1Origin().hash(), batch.originCheck())) {
        continue;
      }
      for (BatcherDataDecoder.DecodedBlock d : batch.blocks()) {
        if (number(rollup, d.timestamp()) != next) {
          continue;
        }
        TrueBlock b = world.trueChain().block(next).orElseThrow();
        assertTrue(world.trueChain().safeAtL1(b.number(), world.l1().chain()).isPresent(), "decoded blocks are included");
        assertEquals(b.ref().l1Origin().number(), d.epochNumber(), "block " + b.number());
        var userTxs = b.envelope().payload().transactions().stream().filter(tx -> (tx.get(0) & 0xff) != 0x7e).toList();
        assertEquals(userTxs, d.transactions(), "block " + b.number());
        next++;
      }
    }
    assertTrue(next > world.trueChain().genesis().number() + 1, "some blocks decoded");
    for (TrueBlock b : world.trueChain().blocks()) {
      if (b.number() >= next) {
        assertTrue(world.trueChain().safeAtL1(b.number(), world.l1().chain()).isEmpty(), "block " + b.number() + " posted but not decoded");
      }
    }
  }

  static long number(RollupConfig rollup, long timestamp) {
    return rollup.l2BlockNumberAt(timestamp);
  }

  static boolean startsWith(dev.basalt.core.types.Hash32 hash, dev.basalt.core.types.Bytes check) {
    return java.util.Arrays.equals(java.util.Arrays.copyOf(hash.toArray(), check.length()), check.toArray());
  }

  @Test
  void multiForkWorldProducesVerifiableChainsAndDecodableBatches() {
    SimWorld world = SimWorld.create(multiFork(11));
    world.advanceTo(GENESIS + 11 * 60 + 120);
    verifyAll(world);
    RollupConfig rollup = world.rollupConfig();
    TrueBlock head = world.trueChain().head();
    assertTrue(rollup.isActive(Fork.KARST, head.ref().timestamp()), "the run reaches Karst");
    assertTrue(head.ref().l1Origin().number() > 50, "origins advanced: " + head.ref().l1Origin());
    batchesDecodeToTheTrueChain(world, List.of(world.batcher().key().address()));
    long userTxs = world.trueChain().blocks().stream()
        .mapToLong(b -> b.envelope().payload().transactions().stream().filter(tx -> (tx.get(0) & 0xff) != 0x7e).count()).sum();
    assertTrue(userTxs > 100, "user transactions: " + userTxs);
    long deposits = world.trueChain().blocks().stream().filter(b -> b.ref().sequenceNumber() == 0)
        .mapToLong(b -> b.envelope().payload().transactions().size()).sum();
    assertTrue(deposits > world.trueChain().blocks().size() / 6, "deposit transactions present");
    long blobTxs = world.l1().chain().canonical().stream().flatMap(b -> b.transactions().stream()).filter(t -> !t.blobs().isEmpty()).count();
    long calldataTxs = world.l1().chain().canonical().stream().flatMap(b -> b.transactions().stream())
        .filter(t -> t.blobs().isEmpty() && rollup.batchInboxAddress().equals(t.to())).count();
    assertTrue(blobTxs > 0 && calldataTxs > 0, "calldata before Ecotone, blobs after: " + calldataTxs + ", " + blobTxs);
  }

  @Test
  void sameSeedSameWorldByteForByte() {
    SimWorld a = SimWorld.create(multiFork(21));
    SimWorld b = SimWorld.create(multiFork(21));
    a.advanceTo(GENESIS + 400);
    b.advanceTo(GENESIS + 400);
    List<MinedL1Block> l1a = a.l1().chain().canonical();
    List<MinedL1Block> l1b = b.l1().chain().canonical();
    assertEquals(l1a.size(), l1b.size());
    for (int i = 0; i < l1a.size(); i++) {
      assertArrayEquals(l1a.get(i).header().encode(), l1b.get(i).header().encode());
      assertEquals(l1a.get(i).transactions(), l1b.get(i).transactions());
    }
    assertEquals(a.trueChain().blocks(), b.trueChain().blocks());
    assertEquals(a.rollupConfig(), b.rollupConfig());
    SimWorld c = SimWorld.create(multiFork(22));
    c.advanceTo(GENESIS + 400);
    assertFalse(c.trueChain().head().ref().hash().equals(a.trueChain().head().ref().hash()), "another seed, another world");
  }

  @Test
  void batcherFaultsNeverHideTheTrueChain() {
    SimWorldConfig config = multiFork(31).withForks(SimWorldConfig.successive(GENESIS, 30))
        .withBatcher(dev.basalt.testdata.world.rollup.BatcherConfig.defaults().withFaults(new BatcherFaults(50, 50, 50, 50, 50)));
    SimWorld world = SimWorld.create(config);
    world.advanceTo(GENESIS + 500);
    verifyAll(world);
    batchesDecodeToTheTrueChain(world, List.of(world.batcher().key().address()));
  }

  @Test
  void forcedZlibSingularCalldataStillDecodes() {
    var batcher = new dev.basalt.testdata.world.rollup.BatcherConfig(4, 1_000, Optional.of(ChannelCompression.ZLIB), Optional.of(false),
        Optional.of(false), BatcherFaults.NONE, false);
    SimWorld world = SimWorld.create(SimWorldConfig.defaults(41).withBatcher(batcher));
    world.advanceTo(GENESIS + 200);
    verifyAll(world);
    batchesDecodeToTheTrueChain(world, List.of(world.batcher().key().address()));
  }

  @Test
  void l1ReorgRewindsTheTrueChainWhenItTakesOriginsAway() {
    SimWorld world = SimWorld.create(SimWorldConfig.defaults(51));
    world.advanceTo(GENESIS + 240);
    TrueBlock before = world.trueChain().head();
    long originBefore = before.ref().l1Origin().number();
    world.reorgL1(6, 7);
    assertTrue(world.trueChain().head().ref().l1Origin().number() < originBefore, "blocks on replaced origins were dropped");
    world.advanceTo(GENESIS + 480);
    verifyAll(world);
    for (TrueBlock b : world.trueChain().blocks()) {
      assertTrue(world.l1().chain().isCanonical(b.ref().l1Origin().hash()), "every origin canonical");
    }
    batchesDecodeToTheTrueChain(world, List.of(world.batcher().key().address()));
  }

  @Test
  // Checks that the rewind after each of many L1 reorgs of random depth cuts the true chain exactly where a walk
  // from genesis would: every kept block's origin is canonical and the first dropped block's origin is not
  void everyL1ReorgRewindsToTheFirstBlockWhoseOriginLeftTheCanonicalChain() {
    java.util.Random rng = new java.util.Random(20261122L);
    SimWorld world = SimWorld.create(SimWorldConfig.defaults(61));
    long time = GENESIS + 120;
    int cuts = 0;
    for (int round = 0; round < 40; round++) {
      time += 12 * (1 + rng.nextInt(6));
      world.advanceTo(time);
      List<TrueBlock> before = world.trueChain().blocks();
      int depth = 1 + rng.nextInt(8);
      world.reorgL1(depth, depth + rng.nextInt(3));
      List<TrueBlock> after = world.trueChain().blocks();
      for (TrueBlock b : after) {
        assertTrue(world.l1().chain().isCanonical(b.ref().l1Origin().hash()), "round " + round + ": kept block " + b.number());
      }
      if (after.size() < before.size()) {
        cuts++;
        TrueBlock firstDropped = before.get(after.size());
        assertFalse(world.l1().chain().isCanonical(firstDropped.ref().l1Origin().hash()),
            "round " + round + ": block " + firstDropped.number() + " was dropped with a canonical origin");
      }
    }
    assertTrue(cuts >= 10, "enough reorgs took origins away to mean something: " + cuts);
  }

  @Test
  // Checks that after an L1 reorg that drops true blocks, no kept block is still counted as batched by a channel
  // that also carried a dropped block (that channel's span batch no longer matches L1 and derivation drops it
  // whole), so such kept blocks are posted again, and the batches still decode to the true chain
  void anL1ReorgUnbatchesKeptBlocksThatSharedAChannelWithDroppedOnes() {
    SimWorld world = SimWorld.create(DevWorld.config(11, GENESIS, 2).withForks(SimWorldConfig.allAt(GENESIS)));
    world.l1().chain().holdFinality();
    world.advanceTo(GENESIS + 120);
    Map<Long, List<Hash32>> before = new TreeMap<>();
    for (TrueBlock b : world.trueChain().blocks()) {
      before.put(b.number(), world.trueChain().channelTxs(b.number()));
    }
    world.reorgL1(12, 13);
    long kept = world.trueChain().head().number();
    assertTrue(kept < before.size() - 1, "the reorg dropped true blocks");
    Set<Hash32> lost = new HashSet<>();
    before.forEach((n, txs) -> {
      if (n > kept) {
        lost.addAll(txs);
      }
    });
    boolean sharedOne = false;
    for (long n = 1; n <= kept; n++) {
      boolean shared = before.get(n).stream().anyMatch(lost::contains);
      sharedOne |= shared;
      if (shared) {
        assertFalse(world.trueChain().isBatched(n), "block " + n + " shared a channel with a dropped block");
      }
    }
    assertTrue(sharedOne, "this seed's reorg cuts a channel in two");
    world.advanceTo(GENESIS + 240);
    batchesDecodeToTheTrueChain(world, List.of(world.batcher().key().address()));
  }

  @Test
  // Checks that a block marked batch-unexecutable is deposits-only on the true chain while the batch decoded from
  // L1 for it carries exactly the one extra transaction, and that it is the last block of its batch (Holocene
  // flushes the rest of a channel after a rejected payload)
  void aBatchUnexecutableBlockIsDepositsOnlyAndItsBatchCarriesTheExtraTransaction() {
    SimWorld world = SimWorld.create(SimWorldConfig.defaults(71));
    world.advanceTo(GENESIS + 60);
    long n = world.trueChain().head().number() + 3;
    Bytes tx = world.batchUnexecutableTransaction(n);
    world.advanceTo(GENESIS + 240);
    verifyAll(world);
    TrueBlock b = world.trueChain().block(n).orElseThrow();
    assertTrue(b.envelope().payload().transactions().stream().allMatch(t -> (t.get(0) & 0xff) == 0x7e), "deposits only");
    boolean found = false;
    for (var batch : BatcherDataDecoder.decode(world.rollupConfig(), world.l1().chain().canonical(), List.of(world.batcher().key().address()))) {
      for (int i = 0; i < batch.blocks().size(); i++) {
        if (batch.blocks().get(i).timestamp() == b.ref().timestamp()) {
          assertEquals(List.of(tx), batch.blocks().get(i).transactions());
          assertEquals(batch.blocks().size() - 1, i, "the last block of its batch");
          found = true;
        }
      }
    }
    assertTrue(found, "the batch for block " + n + " was posted");
  }

  @Test
  void batcherRotationPostsFromTheNewKey() {
    SimWorld world = SimWorld.create(SimWorldConfig.defaults(61));
    world.advanceTo(GENESIS + 120);
    Address old = world.batcher().key().address();
    Address next = world.rotateBatcher().address();
    world.advanceTo(GENESIS + 300);
    verifyAll(world);
    batchesDecodeToTheTrueChain(world, new ArrayList<>(List.of(old, next)));
  }
}
