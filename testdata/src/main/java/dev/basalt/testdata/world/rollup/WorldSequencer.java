package dev.basalt.testdata.world.rollup;

import dev.basalt.core.config.Fork;
import dev.basalt.core.config.L1ChainConfig;
import dev.basalt.core.config.RollupConfig;
import dev.basalt.core.derive.L2BlockInfo;
import dev.basalt.core.derive.PrepareOutcome;
import dev.basalt.core.derive.attributes.AttributesMemo;
import dev.basalt.core.derive.attributes.StatefulAttributesPreparer;
import dev.basalt.core.derive.payload.L2BlockInfoDecoding;
import dev.basalt.core.derive.payload.PayloadBlockInfo;
import dev.basalt.core.engine.EngineResponse;
import dev.basalt.core.engine.EngineVersions;
import dev.basalt.core.engine.ExecutionPayloadEnvelope;
import dev.basalt.core.engine.ExecutionStatus;
import dev.basalt.core.engine.ForkchoiceState;
import dev.basalt.core.engine.PayloadAttributes;
import dev.basalt.core.l1.L1Block;
import dev.basalt.core.types.BlockId;
import dev.basalt.core.types.Bytes;
import dev.basalt.core.types.Hash32;
import dev.basalt.testdata.gen.SimRng;
import dev.basalt.testdata.world.engine.FakeEngine;
import dev.basalt.testdata.world.l1.DerivationView;
import dev.basalt.testdata.world.l1.FakeL1;
import dev.basalt.testdata.world.l1.MinedL1Block;
import dev.basalt.testdata.world.l1.RollupAddresses;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The world's sequencer: seals the true L2 chain on its own engine. Each block's L1 origin is its
 * parent's, or the next L1 block once that is old enough (its timestamp at or before the new block's
 * and {@code l1ConfirmationDepth} blocks under the L1 head; past the drift bound it advances as
 * soon as the timestamp allows). Attributes come from the core's {@link StatefulAttributesPreparer}
 * (the code derivation uses), user transactions are appended except where op-node's sequencer sets
 * {@code noTxPool} (fork activation blocks of Ecotone, Fjord, Isthmus, Jovian and Karst, and past
 * the drift bound), and the block goes through the Engine API like op-node's sequencing does.
 */
public final class WorldSequencer {
  private static final List<Fork> EMPTY_ACTIVATION_BLOCKS = List.of(Fork.ECOTONE, Fork.FJORD, Fork.ISTHMUS, Fork.JOVIAN, Fork.KARST);

  private final RollupConfig rollup;
  private final FakeL1 l1;
  private final RollupAddresses addresses;
  private final FakeEngine engine;
  private final StatefulAttributesPreparer preparer;
  private final SequencerConfig config;
  private final SimRng rng;
  private final UserTxs users;
  private final TrueChain chain;
  private final Map<Long, List<Bytes>> unexecutable = new TreeMap<>();
  private MinedL1Block lastOrigin;
  private L1Block lastOriginView;

  public WorldSequencer(RollupConfig rollup, L1ChainConfig l1Config, FakeL1 l1, FakeEngine engine, SequencerConfig config, SimRng rng) {
    this(rollup, l1Config, l1, engine, config, rng, new AttributesMemo());
  }

  /** As above, preparing attributes through {@code attributes} (the world's memo, shared with its nodes). */
  public WorldSequencer(RollupConfig rollup, L1ChainConfig l1Config, FakeL1 l1, FakeEngine engine, SequencerConfig config, SimRng rng,
      AttributesMemo attributes) {
    this.rollup = rollup;
    this.l1 = l1;
    this.addresses = RollupAddresses.of(rollup);
    this.engine = engine;
    this.preparer = new StatefulAttributesPreparer(rollup, l1Config, attributes);
    this.config = config;
    this.rng = rng.fork("blocks");
    this.users = new UserTxs(rollup.l2ChainId(), rng.fork("users"), config.userAccounts());
    this.chain = new TrueChain(trueBlock(engine.genesis()));
  }

  /**
   * Block {@code number} (not sealed yet) will be deposits-only on the true chain while its batch also
   * carries one user transaction, from an account of its own: the payload the node derives from the
   * batch is the one its engine must reject (see {@link FakeEngine#invalidWhen}), and Holocene's
   * deposits-only replacement is the true block.
   *
   * @return the transaction only the batch carries
   */
  public Bytes batchUnexecutable(long number) {
    if (number <= chain.head().number()) {
      throw new IllegalArgumentException("block " + number + " is already sealed");
    }
    List<Bytes> txs = new UserTxs(rollup.l2ChainId(), rng.fork("unexecutable-" + number), 1).next(1, false);
    unexecutable.put(number, txs);
    return txs.get(0);
  }

  public TrueChain chain() {
    return chain;
  }

  public FakeEngine engine() {
    return engine;
  }

  /** Seals every block whose timestamp is at most {@code l2Time}. */
  public List<TrueBlock> sequenceUntil(long l2Time) {
    List<TrueBlock> out = new ArrayList<>();
    while (chain.head().ref().timestamp() + rollup.blockTimeSeconds() <= l2Time) {
      out.add(sequenceNext());
    }
    return out;
  }

  /** Seals the next block, one block time after the head. */
  public TrueBlock sequenceNext() {
    TrueBlock parent = chain.head();
    long timestamp = parent.ref().timestamp() + rollup.blockTimeSeconds();
    MinedL1Block origin = origin(parent, timestamp);
    L1Block epoch = epochView(origin);
    PrepareOutcome outcome = preparer.prepare(parent.info(), epoch, timestamp);
    if (!(outcome instanceof PrepareOutcome.Prepared prepared)) {
      throw new IllegalStateException("the world's own chain cannot be prepared at " + timestamp + ": " + outcome);
    }
    PayloadAttributes attributes = prepared.attributes();
    List<Bytes> batchOnly = unexecutable.remove(parent.number() + 1);
    if (batchOnly != null && noTxPool(timestamp, origin)) {
      // A block that must be empty (a fork's activation block, or past the drift bound) cannot
      // carry a user transaction in its batch either: derivation would drop the batch, not the
      // payload. The block stays an ordinary one.
      batchOnly = null;
    } else if (batchOnly == null && !noTxPool(timestamp, origin)) {
      List<Bytes> txs = new ArrayList<>(attributes.transactions());
      txs.addAll(users.next(rng.nextInt(config.maxUserTxsPerBlock() + 1), rollup.isActive(Fork.ISTHMUS, timestamp)));
      attributes = attributes.withTransactions(txs, true);
    }
    TrueBlock block = trueBlock(seal(parent, attributes));
    chain.append(block);
    if (batchOnly != null) {
      chain.recordBatchOnly(block.number(), batchOnly);
    }
    return block;
  }

  /**
   * {@link DerivationView#of} the origin under this sequencer's (fixed) addresses. Consecutive blocks
   * mostly share their origin: the last view is reused for that very block object (immutable), so
   * a reorg's replacement block is cut afresh.
   */
  private L1Block epochView(MinedL1Block origin) {
    if (origin != lastOrigin) {
      lastOriginView = DerivationView.of(origin, addresses);
      lastOrigin = origin;
    }
    return lastOriginView;
  }

  private MinedL1Block origin(TrueBlock parent, long timestamp) {
    BlockId current = parent.ref().l1Origin();
    MinedL1Block origin = l1.chain().byHash(current.hash()).orElseThrow();
    Optional<MinedL1Block> next = l1.chain().byNumber(current.number() + 1);
    if (next.isEmpty() || next.get().timestamp() > timestamp) {
      return origin;
    }
    boolean confirmed = next.get().number() + config.l1ConfirmationDepth() <= l1.chain().head().number();
    boolean pastDrift = timestamp > origin.timestamp() + rollup.maxSequencerDrift(origin.timestamp());
    return confirmed || pastDrift ? next.get() : origin;
  }

  private boolean noTxPool(long timestamp, MinedL1Block origin) {
    for (Fork f : EMPTY_ACTIVATION_BLOCKS) {
      if (rollup.isActivationBlock(f, timestamp)) {
        return true;
      }
    }
    return timestamp > origin.timestamp() + rollup.maxSequencerDrift(origin.timestamp());
  }

  private ExecutionPayloadEnvelope seal(TrueBlock parent, PayloadAttributes attributes) {
    Hash32 head = parent.ref().hash();
    ForkchoiceState state = new ForkchoiceState(head, Hash32.ZERO, Hash32.ZERO);
    int fcuVersion = EngineVersions.forkchoiceUpdated(rollup, attributes.timestamp(), true);
    // As forkchoiceUpdated with the attributes and getPayload of that build, without the payload id.
    EngineResponse answer = engine.buildNow(state, attributes, fcuVersion, EngineVersions.getPayload(rollup, attributes.timestamp()));
    if (!(answer instanceof EngineResponse.PayloadBuilt built)) {
      throw new IllegalStateException("the world's engine refused to build its own block: " + answer);
    }
    ExecutionPayloadEnvelope block = built.envelope();
    var inserted = (EngineResponse.NewPayloadResult) engine.newPayload(block, EngineVersions.newPayload(rollup, attributes.timestamp()));
    if (inserted.status().status() != ExecutionStatus.VALID) {
      throw new IllegalStateException("the world's engine refused its own block: " + inserted.status());
    }
    engine.forkchoiceUpdated(new ForkchoiceState(block.payload().blockHash(), Hash32.ZERO, Hash32.ZERO), Optional.empty(), 3);
    return block;
  }

  private TrueBlock trueBlock(ExecutionPayloadEnvelope envelope) {
    return switch (PayloadBlockInfo.decode(rollup, envelope.payload())) {
      case L2BlockInfoDecoding.Decoded d -> new TrueBlock(envelope, d.info());
      case L2BlockInfoDecoding.Invalid i -> throw new IllegalStateException("the world sealed an unreadable block: " + i.reason());
    };
  }

  /**
   * After an L1 reorg: drops the true blocks whose L1 origin left the canonical chain (and all
   * after them), moving the engine's head back, so sequencing continues on the new L1 branch.
   *
   * @return the first block the batcher must post again (the first dropped one, or an earlier one
   *     that shared a channel with it), empty when every origin is still canonical
   */
  public Optional<Long> rewindToCanonicalOrigins() {
    // Consecutive blocks mostly share their origin: each origin is looked up once, at its first
    // block. The walk goes back from the head and stops at the first canonical origin: before the
    // reorg every origin was canonical (this runs after each one), origin numbers never decrease
    // along the chain and L1 blocks are hash-linked, so the origins the reorg took away are exactly
    // a tail of the runs. A forward walk from genesis found the same run, at a cost growing with the
    // chain's length.
    int firstLost = -1;
    for (int run = chain.originRuns() - 1; run >= 0 && !l1.chain().isCanonical(chain.originRunFirst(run).ref().l1Origin()); run--) {
      firstLost = run;
    }
    if (firstLost < 0) {
      return Optional.empty();
    }
    long repostFrom = chain.truncateFrom(chain.originRunFirst(firstLost).number());
    engine.forkchoiceUpdated(new ForkchoiceState(chain.head().ref().hash(), Hash32.ZERO, Hash32.ZERO), Optional.empty(), 3);
    return Optional.of(repostFrom);
  }

  /** The system config the next block starts from. */
  public L2BlockInfo headInfo() {
    return chain.head().info();
  }
}
