package dev.basalt.core.sync;

import dev.basalt.core.codec.BinaryReader;
import dev.basalt.core.codec.BinaryWriter;
import dev.basalt.core.codec.ValueCodec;
import dev.basalt.core.config.ChainGenesis;
import dev.basalt.core.config.RollupConfig;
import dev.basalt.core.derive.L2BlockInfo;
import dev.basalt.core.derive.payload.L2BlockInfoDecoding;
import dev.basalt.core.derive.payload.PayloadInfoMemo;
import dev.basalt.core.derive.pipeline.PipelineCodec;
import dev.basalt.core.engine.ExecutionPayloadEnvelope;
import dev.basalt.core.engine.L2BlockSelector;
import dev.basalt.core.heads.Refs;
import dev.basalt.core.state.StateVisitor;
import dev.basalt.core.types.Hash32;
import dev.basalt.core.types.L1BlockRef;
import dev.basalt.core.types.L2BlockRef;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * op-node's {@code FindL2Heads} ({@code op-node/rollup/sync/start.go}) as a state machine fed one
 * answer at a time. It reads the engine's finalized, safe and latest blocks (finalized defaults to
 * the L2 genesis, safe to finalized), then walks back from the latest block:
 *
 * <ul>
 *   <li>the unsafe head is the highest block whose L1 origin is canonical, or not yet visible on L1
 *       (ahead of the L1 head, so plausible); a block with a non-canonical origin discards the
 *       candidate;
 *   <li>the safe head is the parent of the first block at or below the engine's safe label that
 *       starts an epoch and whose origin is more than a sequencing window behind the highest
 *       canonical origin seen, so every batch that could still change it is read again; the walk
 *       never passes the finalized block, which becomes safe when reached;
 *   <li>the finalized head is the engine's.
 * </ul>
 *
 * <p>Parents are read by hash and checked for coherent origins and sequence numbers. A genesis
 * block that is not the configured one (L2, or its L1 origin) means the engine or L1 serves another
 * chain: critical. Every other inconsistency fails the attempt, and a later one starts over.
 */
public final class FindL2Heads {
  /** op-node's {@code MaxReorgSeqWindows}: deeper unsafe reorgs are refused as suspicious. */
  public static final long MAX_REORG_SEQ_WINDOWS = 5;

  private enum Phase { FINALIZED, GENESIS, SAFE, LATEST, WALK_L1, WALK_PARENT, WAIT_L1_HEAD, DONE }

  private final RollupConfig config;
  private Phase phase = Phase.FINALIZED;
  private L2BlockInfo finalized;
  private L2BlockInfo safe;
  /** The unsafe candidate; null while the walk looks for one. */
  private L2BlockInfo unsafe;
  private long prevUnsafeOrigin;
  /** The block the walk is at. */
  private L2BlockInfo n;
  /** The canonical L1 block at the height of {@code n}'s origin, or null when unknown or absent. */
  private L1BlockRef l1Block;
  private boolean ahead;
  private L2BlockRef highestCanonical;
  private boolean ready;

  public FindL2Heads(RollupConfig config) {
    this.config = config;
  }

  /** The first need: the engine's finalized block. */
  public SyncNeed start() {
    phase = Phase.FINALIZED;
    return new SyncNeed.L2Block(new L2BlockSelector.ByLabel(L2BlockSelector.Label.FINALIZED));
  }

  /** The engine's answer to the last {@link SyncNeed.L2Block}: the block, or empty. */
  public SyncNeed onL2Block(Optional<ExecutionPayloadEnvelope> block, L1BlockRef l1Head) {
    return onL2Block(block, l1Head, new PayloadInfoMemo());
  }

  /** As {@link #onL2Block(Optional, L1BlockRef)}, reading blocks through {@code infos} (the same answers, remembered). */
  public SyncNeed onL2Block(Optional<ExecutionPayloadEnvelope> block, L1BlockRef l1Head, PayloadInfoMemo infos) {
    return switch (phase) {
      case FINALIZED -> block.isEmpty() ? readGenesis() : labelled(block.get(), Phase.FINALIZED, l1Head, infos);
      case GENESIS -> block.isEmpty() ? genesisFromConfig() : labelled(block.get(), Phase.GENESIS, l1Head, infos);
      case SAFE -> block.isEmpty() ? readLatest(finalized) : labelled(block.get(), Phase.SAFE, l1Head, infos);
      case LATEST -> block.isEmpty() ? startWalk(finalized, l1Head) : labelled(block.get(), Phase.LATEST, l1Head, infos);
      case WALK_PARENT -> block.isEmpty()
          ? failed("L2 block " + n.ref().parentHash() + ", parent of " + n.ref().id() + ", vanished from the engine")
          : onParent(block.get(), l1Head, infos);
      default -> throw new IllegalStateException("sync start got an L2 block in phase " + phase);
    };
  }

  /** The canonical L1 block asked for with {@link SyncNeed.L1Block}. */
  public SyncNeed onL1Block(L1BlockRef block, L1BlockRef l1Head) {
    requirePhase(Phase.WALK_L1);
    if (block.number() != n.ref().l1Origin().number()) {
      return failed("asked L1 for block " + n.ref().l1Origin().number() + ", got " + block.id());
    }
    l1Block = block;
    ahead = false;
    return afterL1(l1Head);
  }

  /** L1 has no block at the asked height (op-node: not found means the L2 block is ahead of L1). */
  public SyncNeed onL1Missing(L1BlockRef l1Head) {
    requirePhase(Phase.WALK_L1);
    l1Block = null;
    ahead = true;
    return afterL1(l1Head);
  }

  /** The L1 head became known after {@link SyncNeed.L1Head}. */
  public SyncNeed resume(L1BlockRef l1Head) {
    requirePhase(Phase.WAIT_L1_HEAD);
    return iterate(l1Head);
  }

  private void requirePhase(Phase expected) {
    if (phase != expected) {
      throw new IllegalStateException("sync start in phase " + phase + ", not " + expected);
    }
  }

  private SyncNeed readGenesis() {
    phase = Phase.GENESIS;
    return new SyncNeed.L2Block(new L2BlockSelector.ByHash(config.genesis().l2().hash()));
  }

  /**
   * An engine without the L2 genesis is empty: the genesis described by the rollup config stands in
   * for it (L2 genesis 0 only; a later genesis needs the engine to hold that state, as in op-node).
   */
  private SyncNeed genesisFromConfig() {
    ChainGenesis g = config.genesis();
    if (g.l2().number() != 0) {
      return failed("genesis state " + g.l2() + " is unavailable in the engine");
    }
    L2BlockRef ref = new L2BlockRef(g.l2().hash(), 0, Hash32.ZERO, g.l2Time(), g.l1(), 0);
    finalized = new L2BlockInfo(ref, g.systemConfig(), List.of());
    return readSafe();
  }

  private SyncNeed readSafe() {
    phase = Phase.SAFE;
    return new SyncNeed.L2Block(new L2BlockSelector.ByLabel(L2BlockSelector.Label.SAFE));
  }

  private SyncNeed readLatest(L2BlockInfo safeLabel) {
    safe = safeLabel;
    phase = Phase.LATEST;
    return new SyncNeed.L2Block(new L2BlockSelector.ByLabel(L2BlockSelector.Label.LATEST));
  }

  private SyncNeed labelled(ExecutionPayloadEnvelope block, Phase which, L1BlockRef l1Head, PayloadInfoMemo infos) {
    if (isForeignGenesis(block)) {
      return critical("wrong chain: the engine's L2 genesis is " + block.payload().blockHash() + ", the rollup config's "
          + config.genesis().l2());
    }
    L2BlockInfoDecoding decoded = infos.decode(config, block.payload());
    if (decoded instanceof L2BlockInfoDecoding.Invalid invalid) {
      return failed("engine's " + which.name().toLowerCase(Locale.ROOT) + " block: " + invalid.reason());
    }
    L2BlockInfo info = ((L2BlockInfoDecoding.Decoded) decoded).info();
    return switch (which) {
      case FINALIZED, GENESIS -> {
        finalized = info;
        yield readSafe();
      }
      case SAFE -> readLatest(info);
      default -> startWalk(info, l1Head);
    };
  }

  /** A block at the genesis height that is not the configured genesis: the engine serves another chain. */
  private boolean isForeignGenesis(ExecutionPayloadEnvelope block) {
    return block.payload().blockNumber() == config.genesis().l2().number()
        && !block.payload().blockHash().equals(config.genesis().l2().hash());
  }

  private SyncNeed startWalk(L2BlockInfo latest, L1BlockRef l1Head) {
    unsafe = latest;
    prevUnsafeOrigin = latest.ref().l1Origin().number();
    n = latest;
    l1Block = null;
    ahead = false;
    highestCanonical = null;
    ready = false;
    return iterate(l1Head);
  }

  /** One step of op-node's loop for block {@code n}: first make sure its L1 origin is known. */
  private SyncNeed iterate(L1BlockRef l1Head) {
    long originNumber = n.ref().l1Origin().number();
    if (l1Block == null || l1Block.number() != originNumber) {
      if (l1Head.isZero()) {
        phase = Phase.WAIT_L1_HEAD;
        return new SyncNeed.L1Head();
      }
      if (originNumber > l1Head.number()) {
        // Not visible on L1 yet: plausible, so the block may stay unsafe (op-node: "ahead").
        l1Block = null;
        ahead = true;
      } else {
        phase = Phase.WALK_L1;
        return new SyncNeed.L1Block(originNumber);
      }
    }
    return afterL1(l1Head);
  }

  private SyncNeed afterL1(L1BlockRef l1Head) {
    ChainGenesis genesis = config.genesis();
    L2BlockRef ref = n.ref();
    if (ref.number() == genesis.l2().number()) {
      if (!ref.hash().equals(genesis.l2().hash())) {
        return critical("wrong chain: the engine's L2 genesis is " + ref.id() + ", the rollup config's " + genesis.l2());
      }
      if (!ahead && (l1Block == null || !l1Block.hash().equals(genesis.l1().hash()))) {
        return critical("wrong chain: L1 block " + (l1Block == null ? "none" : l1Block.id()) + " is not the L1 genesis "
            + genesis.l1());
      }
    }
    if (ref.number() == finalized.ref().number() && !ref.hash().equals(finalized.ref().hash())) {
      return failed("cannot reorg finalized block " + finalized.ref().id() + ", walked to " + ref.id());
    }
    if (unsafe == null) {
      unsafe = n;
      if (ref.l1Origin().number() + MAX_REORG_SEQ_WINDOWS * config.seqWindowSize() < prevUnsafeOrigin) {
        return failed("reorg is too deep: walked back to " + ref + ", previous unsafe origin " + prevUnsafeOrigin);
      }
    }
    if (!ahead) {
      if (l1Block != null && l1Block.hash().equals(ref.l1Origin().hash())) {
        if (highestCanonical == null) {
          highestCanonical = ref;
        }
      } else {
        unsafe = null;
        highestCanonical = null;
      }
    }
    if (ref.number() <= safe.ref().number() && highestCanonical != null && ref.sequenceNumber() == 0
        && ref.l1Origin().number() + config.seqWindowSize() < highestCanonical.l1Origin().number()) {
      ready = true;
    }
    if (ref.number() == finalized.ref().number()) {
      return found(n);
    }
    phase = Phase.WALK_PARENT;
    return new SyncNeed.L2Block(new L2BlockSelector.ByHash(ref.parentHash()));
  }

  private SyncNeed onParent(ExecutionPayloadEnvelope block, L1BlockRef l1Head, PayloadInfoMemo infos) {
    if (!block.payload().blockHash().equals(n.ref().parentHash())) {
      return failed("asked the engine for " + n.ref().parentHash() + ", got " + block.payload().blockHash());
    }
    if (isForeignGenesis(block)) {
      return critical("wrong chain: the engine's L2 genesis is " + block.payload().blockHash() + ", the rollup config's "
          + config.genesis().l2());
    }
    L2BlockInfoDecoding decoded = infos.decode(config, block.payload());
    if (decoded instanceof L2BlockInfoDecoding.Invalid invalid) {
      return failed("parent of " + n.ref().id() + ": " + invalid.reason());
    }
    L2BlockInfo parent = ((L2BlockInfoDecoding.Decoded) decoded).info();
    Optional<String> incoherent = incoherence(parent.ref(), n.ref());
    if (incoherent.isPresent()) {
      return failed(incoherent.get());
    }
    n = parent;
    return ready ? found(n) : iterate(l1Head);
  }

  private Optional<String> incoherence(L2BlockRef parent, L2BlockRef child) {
    if (!parent.l1Origin().equals(child.l1Origin())) {
      if (parent.l1Origin().number() + 1 != child.l1Origin().number()) {
        return Optional.of("L2 parent " + parent + " of " + child + " has an L1 origin that is not the one before");
      }
      if (child.sequenceNumber() != 0) {
        return Optional.of("L2 block " + child + " starts an epoch with a non-zero sequence number");
      }
      if (l1Block != null && l1Block.hash().equals(child.l1Origin().hash())
          && !l1Block.parentHash().equals(parent.l1Origin().hash())) {
        return Optional.of("parent L2 block " + parent + " has origin " + parent.l1Origin() + " but L1 says "
            + l1Block.parentHash());
      }
    } else if (parent.sequenceNumber() + 1 != child.sequenceNumber()) {
      return Optional.of("sequence number inconsistency between " + parent + " and " + child);
    }
    return Optional.empty();
  }

  private SyncNeed found(L2BlockInfo newSafe) {
    phase = Phase.DONE;
    if (unsafe == null) {
      return failed("no L2 block down to the finalized one has a canonical L1 origin");
    }
    safe = newSafe;
    return new SyncNeed.Found(new SyncHeads(unsafe, safe, finalized));
  }

  private SyncNeed failed(String reason) {
    phase = Phase.DONE;
    return new SyncNeed.Failed(reason, false);
  }

  private SyncNeed critical(String reason) {
    phase = Phase.DONE;
    return new SyncNeed.Failed(reason, true);
  }

  public void writeTo(BinaryWriter w) {
    w.u8(phase.ordinal());
    for (L2BlockInfo b : new L2BlockInfo[] {finalized, safe, unsafe, n}) {
      w.bool(b != null);
      if (b != null) {
        PipelineCodec.writeL2BlockInfo(w, b);
      }
    }
    w.i64(prevUnsafeOrigin);
    PipelineCodec.writeOptionalRef(w, l1Block);
    w.bool(ahead).bool(highestCanonical != null);
    if (highestCanonical != null) {
      ValueCodec.write(w, highestCanonical);
    }
    w.bool(ready);
  }

  public static FindL2Heads readFrom(BinaryReader r, RollupConfig config) {
    FindL2Heads f = new FindL2Heads(config);
    f.phase = r.enumValue(Phase.values(), "sync start phase");
    f.finalized = r.bool() ? PipelineCodec.readL2BlockInfo(r) : null;
    f.safe = r.bool() ? PipelineCodec.readL2BlockInfo(r) : null;
    f.unsafe = r.bool() ? PipelineCodec.readL2BlockInfo(r) : null;
    f.n = r.bool() ? PipelineCodec.readL2BlockInfo(r) : null;
    f.prevUnsafeOrigin = r.u63("previous unsafe origin");
    f.l1Block = PipelineCodec.readOptionalRef(r);
    f.ahead = r.bool();
    f.highestCanonical = r.bool() ? ValueCodec.readL2BlockRef(r) : null;
    f.ready = r.bool();
    return f;
  }

  public void describeTo(StateVisitor v) {
    v.value("phase", phase.name());
    String[] names = {"finalized", "safe", "unsafe", "at"};
    L2BlockInfo[] blocks = {finalized, safe, unsafe, n};
    v.beginArray("blocks");
    for (int i = 0; i < names.length; i++) {
      v.value(null, names[i]);
      if (blocks[i] == null) {
        v.value(null, "none");
      } else {
        PipelineCodec.describeL2BlockInfo(v, null, blocks[i]);
      }
    }
    v.endArray();
    v.value("prevUnsafeOrigin", prevUnsafeOrigin);
    PipelineCodec.describeOptionalRef(v, "l1Block", l1Block);
    v.value("ahead", ahead);
    Refs.describe(v, "highestCanonical", highestCanonical == null ? L2BlockRef.ZERO : highestCanonical);
    v.value("ready", ready);
  }
}
