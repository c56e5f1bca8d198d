package dev.basalt.testdata.sim;

import dev.basalt.core.Core;
import dev.basalt.core.command.Command;
import dev.basalt.core.command.PublishPayload;
import dev.basalt.core.command.SendForkchoiceUpdate;
import dev.basalt.core.config.RollupConfig;
import dev.basalt.core.derive.payload.L2BlockInfoDecoding;
import dev.basalt.core.derive.payload.PayloadBlockInfo;
import dev.basalt.core.engine.ExecutionPayload;
import dev.basalt.core.engine.L2BlockSelector;
import dev.basalt.core.event.InputEvent;
import dev.basalt.core.heads.SyncStatus;
import dev.basalt.core.types.Bytes;
import dev.basalt.core.types.Hash32;
import dev.basalt.core.types.L2BlockRef;
import dev.basalt.testdata.world.SimWorld;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The sequencer's promises, judged on the blocks it seals ({@code PublishPayload}), after every
 * event: no two different blocks at one height unless something that legitimately discards blocks
 * (an L1 reorg, lost engine blocks, a reset, a restart) happened in between; each block's L1 origin
 * is its parent's or the next one; a block past the sequencer drift carries no user transactions.
 * At the end ({@link #settled}): every safe block is a block the sequencer sealed, with that hash;
 * the node keeps producing and its safe head is within a bound of unsafe; every origin of the
 * unsafe chain is canonical.
 */
final class SequencerChecks implements SimNode.Listener {
  /** Once faults stop, unsafe may run ahead of safe by at most this many L1 block times of blocks. */
  static final int SAFE_LAG_L1_BLOCKS = 6;
  /** Once faults stop, the unsafe head is at most this many L1 block times old. */
  static final int STALE_HEAD_L1_BLOCKS = 2;
  private static final int DEPOSIT_TX_TYPE = 0x7e;

  /** One sealed block: what, on which origin, and the disruptions and unsafe rewinds so far when it was sealed. */
  private record Sealed(Hash32 hash, L2BlockRef ref, long disruptions) {}

  private final SimWorld world;
  private final RollupConfig rollup;
  private final Invariants invariants;
  private final Coverage coverage;
  private final TreeMap<Long, Sealed> sealed = new TreeMap<>();
  private final TreeSet<Hash32> buildParents = new TreeSet<>();
  /** Every block ever sealed: a re-sealed height's first block may still be the one L1 made safe. */
  private final TreeSet<Hash32> everSealed = new TreeSet<>();
  private L2BlockRef lastUnsafe;
  private long unsafeRewinds;

  SequencerChecks(SimWorld world, Invariants invariants, Coverage coverage) {
    this.world = world;
    this.rollup = world.rollupConfig();
    this.invariants = invariants;
    this.coverage = coverage;
  }

  @Override
  public void applied(InputEvent event, List<Command> out, Core core) {
    L2BlockRef unsafe = core.syncStatus().unsafeL2();
    if (lastUnsafe != null && (unsafe.number() < lastUnsafe.number()
        || (unsafe.number() == lastUnsafe.number() && !unsafe.hash().equals(lastUnsafe.hash())))) {
      // The unsafe chain was cut back (a reset, or derivation replacing blocks L1 holds otherwise,
      // e.g. the batcher posted blocks an engine restart then lost): its blocks are discarded.
      unsafeRewinds++;
      coverage.mark("sequencer's unsafe chain rewound");
    }
    lastUnsafe = unsafe;
    for (Command c : out) {
      if (c instanceof PublishPayload p) {
        onSealed(p.envelope().payload());
      } else if (c instanceof SendForkchoiceUpdate u && u.attributes().isPresent()
          && !buildParents.add(u.state().headBlockHash())) {
        coverage.mark("sequencer build started again on the same parent");
      }
    }
  }

  private void onSealed(ExecutionPayload payload) {
    if (!(PayloadBlockInfo.decode(rollup, payload) instanceof L2BlockInfoDecoding.Decoded d)) {
      throw new InvariantViolation("the sequencer sealed block " + payload.blockNumber() + " whose L1 info does not decode");
    }
    L2BlockRef ref = d.info().ref();
    long disruptions = invariants.disruptions() + unsafeRewinds;
    Sealed before = sealed.get(ref.number());
    if (before != null && !before.hash().equals(ref.hash())) {
      if (before.disruptions() == disruptions) {
        throw new InvariantViolation("two blocks sealed at height " + ref.number() + " with nothing discarding the first: "
            + before.ref() + " then " + ref);
      }
      coverage.mark("sequencer re-sealed a height after a disruption");
    }
    Sealed parent = sealed.get(ref.number() - 1);
    if (parent != null && parent.hash().equals(ref.parentHash())) {
      long step = ref.l1Origin().number() - parent.ref().l1Origin().number();
      if (step < 0 || step > 1) {
        throw new InvariantViolation("sealed block " + ref + " moved its L1 origin by " + step + " from its parent " + parent.ref());
      }
      if (step == 1) {
        coverage.mark("sequencer origin advanced");
      }
    }
    checkDrift(payload, ref);
    sealed.put(ref.number(), new Sealed(ref.hash(), ref, disruptions));
    everSealed.add(ref.hash());
  }

  private void checkDrift(ExecutionPayload payload, L2BlockRef ref) {
    var origin = world.l1().chain().byHash(ref.l1Origin().hash());
    if (origin.isEmpty()) {
      throw new InvariantViolation("sealed block " + ref + " names an L1 origin the world never mined");
    }
    long originTime = origin.get().ref().timestamp();
    if (ref.timestamp() < originTime) {
      throw new InvariantViolation("sealed block " + ref + " is older than its L1 origin (" + originTime + ")");
    }
    long drift = rollup.maxSequencerDrift(originTime);
    if (ref.timestamp() + rollup.blockTimeSeconds() > originTime + drift && ref.timestamp() <= originTime + drift) {
      // The next block on this origin would be past the drift: the origin must advance (or wait).
      coverage.mark("sequencer reached the drift bound");
    }
    if (ref.timestamp() > originTime + drift) {
      for (Bytes tx : payload.transactions()) {
        if (tx.isEmpty() || (tx.get(0) & 0xff) != DEPOSIT_TX_TYPE) {
          throw new InvariantViolation("sealed block " + ref + " is past the sequencer drift of its origin (" + originTime
              + ") yet carries user transactions");
        }
      }
      coverage.mark("drift forced a block without user transactions");
    }
  }

  /**
   * Empty when the settled run kept the sequencer's end promises (see the class comment); otherwise
   * the first broken one.
   */
  Optional<String> settled(SyncStatus s, long nowSeconds) {
    var engine = world.nodeEngine();
    long genesis = rollup.genesis().l2().number();
    for (long n = genesis + 1; n <= s.safeL2().number(); n++) {
      var onChain = engine.block(new L2BlockSelector.ByNumber(n)).map(b -> b.payload().blockHash());
      if (onChain.isEmpty() || !everSealed.contains(onChain.get())) {
        return Optional.of("safe block " + n + " (" + onChain + ") is no block the node sealed; it last sealed "
            + Optional.ofNullable(sealed.get(n)).map(Sealed::ref));
      }
    }
    long l1Block = world.config().l1BlockSeconds();
    long lagBlocks = SAFE_LAG_L1_BLOCKS * l1Block / rollup.blockTimeSeconds();
    if (s.unsafeL2().number() - s.safeL2().number() > lagBlocks) {
      return Optional.of("unsafe head " + s.unsafeL2() + " more than " + lagBlocks + " blocks ahead of safe " + s.safeL2());
    }
    if (s.unsafeL2().timestamp() < nowSeconds - STALE_HEAD_L1_BLOCKS * l1Block) {
      return Optional.of("the sequencer stopped producing: unsafe head " + s.unsafeL2() + " at " + nowSeconds);
    }
    for (long n = s.safeL2().number() + 1; n <= s.unsafeL2().number(); n++) {
      var block = engine.block(new L2BlockSelector.ByNumber(n));
      if (block.isEmpty()) {
        return Optional.of("the engine has no block " + n + " below the unsafe head " + s.unsafeL2());
      }
      Hash32 origin = engine.ref(block.get()).l1Origin().hash();
      if (!world.l1().chain().isCanonical(origin)) {
        return Optional.of("unsafe block " + n + " has a non-canonical L1 origin " + origin);
      }
    }
    return Optional.empty();
  }

  int sealedHeights() {
    return sealed.size();
  }
}
