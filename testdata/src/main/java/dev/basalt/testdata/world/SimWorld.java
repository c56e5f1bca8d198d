package dev.basalt.testdata.world;

import dev.basalt.core.CoreConfig;
import dev.basalt.core.NodeMode;
import dev.basalt.core.command.Command;
import dev.basalt.core.config.ChainGenesis;
import dev.basalt.core.config.Eip1559Params;
import dev.basalt.core.config.L1ChainConfig;
import dev.basalt.core.config.RollupConfig;
import dev.basalt.core.config.SystemConfig;
import dev.basalt.core.crypto.RecoveryMemo;
import dev.basalt.core.derive.attributes.AttributesMemo;
import dev.basalt.core.crypto.SigningKey;
import dev.basalt.core.engine.ExecutionPayloadEnvelope;
import dev.basalt.core.event.InputEvent;
import dev.basalt.core.event.L1FinalizedObserved;
import dev.basalt.core.event.L1HeadObserved;
import dev.basalt.core.event.L1SafeObserved;
import dev.basalt.core.sysconfig.ConfigUpdate;
import dev.basalt.core.sysconfig.EcotoneScalar;
import dev.basalt.core.tx.SenderMemo;
import dev.basalt.core.types.Address;
import dev.basalt.core.types.BlockId;
import dev.basalt.core.types.Bytes;
import dev.basalt.core.types.Hash32;
import dev.basalt.testdata.gen.SimRng;
import dev.basalt.testdata.world.engine.EngineMemo;
import dev.basalt.testdata.world.engine.EngineResponder;
import dev.basalt.testdata.world.engine.FakeEngine;
import dev.basalt.testdata.world.engine.PayloadBuilder;
import dev.basalt.testdata.world.l1.FakeL1;
import dev.basalt.testdata.world.l1.L1Params;
import dev.basalt.testdata.world.l1.L1Responder;
import dev.basalt.testdata.world.l1.MinedL1Block;
import dev.basalt.testdata.world.l1.RollupAddresses;
import dev.basalt.testdata.world.rollup.EngineChainFeed;
import dev.basalt.testdata.world.rollup.FeedRecord;
import dev.basalt.testdata.world.rollup.PoolFiller;
import dev.basalt.testdata.world.rollup.TrueChain;
import dev.basalt.testdata.world.rollup.WorldBatcher;
import dev.basalt.testdata.world.rollup.WorldSequencer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.function.Consumer;

/**
 * A whole simulated world from one seed: an L1 chain with its genesis, an L2 genesis and the rollup
 * config that names both, the world's sequencer and batcher producing the true L2 chain, and a
 * fresh execution engine for the node under test.
 *
 * <p>In-process use: {@link #advanceTo} moves time (mining L1 blocks, sealing L2 blocks, posting
 * batches), {@link #l1Observations()} gives the L1 label events a poller would see, and {@link
 * #handle} answers any world-facing core command with the events the adapters would deliver
 * (delayed answers wait in a queue for {@link #deliverDue}). Not thread-safe: one driver at a time
 * (the HTTP front-ends lock it).
 *
 * <p>With {@link SimWorldConfig#nodeSequences} the node under test is the sequencer: the world's own
 * sequencer stays at genesis, L2 users send to the node engine's pool every L2 slot, and the batcher
 * posts what an {@link EngineChainFeed} reads from the node engine; {@link #trueChain()} is then the
 * chain the batcher took from the node.
 */
public final class SimWorld {
  private final SimWorldConfig config;
  private final FakeL1 l1;
  private final RollupConfig rollup;
  private final L1ChainConfig l1Config;
  private final WorldSequencer sequencer;
  private final WorldBatcher batcher;
  private final EngineChainFeed feed;
  private final PoolFiller users;
  private long nextUserSlot;
  private final WorldActivity activity;
  private final FakeEngine nodeEngine;
  private final L1Responder l1Responder;
  private final EngineResponder engineResponder;
  private final SimRng rng;
  private final PriorityQueue<Delayed> delayed = new PriorityQueue<>();
  /**
   * Signers recovered on this (single-threaded) simulated machine: by the nodes' cores across
   * their restarts and by the reference derivation (a memo: it never changes an answer).
   */
  private final RecoveryMemo recoveries = new RecoveryMemo();
  private final SenderMemo referenceSenders = new SenderMemo(recoveries);
  private final AttributesMemo attributes = new AttributesMemo();
  private long delayedSeq;
  private long nowSeconds;
  private long l1BlocksMined;
  private Address initialUnsafeBlockSigner = Address.ZERO;

  private record Delayed(long atMillis, long seq, InputEvent event) implements Comparable<Delayed> {
    @Override
    public int compareTo(Delayed o) {
      return atMillis != o.atMillis ? Long.compare(atMillis, o.atMillis) : Long.compare(seq, o.seq);
    }
  }

  private SimWorld(SimWorldConfig config, List<FeedRecord> restored, Consumer<FeedRecord> sink) {
    this.config = config;
    this.rng = new SimRng(config.seed());
    SimRng keys = rng.fork("keys");
    SigningKey batcherKey = WorldActivity.key(keys.fork("batcher"));
    L1Params params = L1Params.of(config.l1ChainId(), config.genesisTime(), config.l1BlockSeconds(), config.l1Forks());
    this.l1 = new FakeL1(params, rng.fork("l1"));
    this.l1Config = config.l1Forks().chainConfig(config.l1ChainId());
    SystemConfig system = new SystemConfig(batcherKey.address(), Hash32.ZERO, EcotoneScalar.encode(810_949, 1_368),
        config.l2GasLimit(), 0, 0, 0, 0, 0, 0);
    RollupConfig draft = rollup(config, l1.chain().genesis().ref().id(), BlockId.ZERO, system);
    ExecutionPayloadEnvelope l2Genesis = PayloadBuilder.genesis(draft, 0, config.genesisTime(), config.l2GasLimit());
    this.rollup = rollup(config, l1.chain().genesis().ref().id(), new BlockId(l2Genesis.payload().blockHash(), 0), system);
    // One memo for both engines: the node's engine builds and receives the blocks the sequencer's made.
    EngineMemo memo = new EngineMemo(rollup);
    this.sequencer = new WorldSequencer(rollup, l1Config, l1, new FakeEngine(rollup, l2Genesis, memo), config.sequencer(), rng.fork("sequencer"),
        attributes);
    this.activity = new WorldActivity(config, rollup, l1, rng.fork("activity"));
    this.nodeEngine = new FakeEngine(rollup, l2Genesis, memo);
    if (config.nodeSequences()) {
      this.feed = new EngineChainFeed(rollup, nodeEngine, restored, sink);
      // A restarted world's users are new accounts (a fresh nonce series): the restored chain holds the old ones' transactions.
      this.users = new PoolFiller(config.l2ChainId(), config.sequencer(), rng.fork("pool-users-" + restored.size()));
      this.nextUserSlot = config.genesisTime() + config.l2BlockSeconds();
    } else if (!restored.isEmpty()) {
      throw new IllegalArgumentException("restored feed records need a world whose node sequences");
    } else {
      this.feed = null;
      this.users = null;
    }
    this.batcher = new WorldBatcher(rollup, l1, trueChain(), batcherKey, config.batcher(), rng.fork("batcher"));
    this.l1Responder = new L1Responder(l1, RollupAddresses.of(rollup));
    this.engineResponder = new EngineResponder(nodeEngine);
    this.nowSeconds = config.genesisTime();
  }

  public static SimWorld create(SimWorldConfig config) {
    return new SimWorld(config, List.of(), r -> {});
  }

  /**
   * A world whose node sequences ({@link SimWorldConfig#nodeSequences}), continuing an earlier run
   * from the records its feed reported ({@code restored}, oldest first); new records go to {@code sink}.
   */
  public static SimWorld create(SimWorldConfig config, List<FeedRecord> restored, Consumer<FeedRecord> sink) {
    return new SimWorld(config, restored, sink);
  }

  private static RollupConfig rollup(SimWorldConfig c, BlockId l1Genesis, BlockId l2Genesis, SystemConfig system) {
    Address inbox = Address.fromHex(String.format(java.util.Locale.ROOT, "0xff%038x", c.l2ChainId()));
    return new RollupConfig(c.l1ChainId(), c.l2ChainId(), new ChainGenesis(l1Genesis, l2Genesis, c.genesisTime(), system),
        c.l2BlockSeconds(), c.maxSequencerDriftSeconds(), c.seqWindowSize(), 300, inbox,
        Address.fromHex("0xbeb5fc579115071764c7423a4f12edde41f106ed"), Address.fromHex("0x229047fed2591dbec1ef1118d64f7af3db9eb290"),
        c.forks(), -1, new Eip1559Params(6, 50, 250), false);
  }

  /**
   * Moves world time to {@code timeSeconds}: every L1 block and L2 block due by then is made, in
   * time order (an L1 block first when both fall on the same second). Before each L1 block the
   * batcher posts (every {@code batchEveryL1Blocks}) and the block's deposits, updates and filler
   * are queued.
   */
  public void advanceTo(long timeSeconds) {
    while (true) {
      long nextL1 = l1.chain().head().timestamp() + config.l1BlockSeconds();
      long nextL2 = feed != null ? nextUserSlot : sequencer.chain().head().ref().timestamp() + config.l2BlockSeconds();
      if (Math.min(nextL1, nextL2) > timeSeconds) {
        break;
      }
      if (nextL1 <= nextL2) {
        mineL1(nextL1);
      } else if (feed != null) {
        users.fill(nodeEngine);
        nextUserSlot += config.l2BlockSeconds();
      } else {
        sequencer.sequenceNext();
      }
    }
    nowSeconds = Math.max(nowSeconds, timeSeconds);
  }

  /** Advances by {@code count} L1 block times. */
  public void advanceL1Blocks(int count) {
    advanceTo(l1.chain().head().timestamp() + (long) count * config.l1BlockSeconds());
  }

  private void mineL1(long timestamp) {
    if (l1BlocksMined % config.batchEveryL1Blocks() == 0) {
      if (feed != null) {
        feed.sync(timestamp).ifPresent(batcher::restartFrom);
        batcher.checkExpectedProgress(feed.safeNumber(), l1.chain().head().number());
      } else {
        batcher.checkForkRulesAtInclusion();
      }
      batcher.post(timestamp);
    }
    activity.queue(timestamp);
    l1.mineAt(timestamp);
    l1BlocksMined++;
  }

  /**
   * Replaces the newest {@code depth} L1 blocks with {@code newLength} new ones (their transactions
   * re-included). L2 blocks whose origin was replaced are dropped from the true chain and
   * re-sequenced as time advances; the batcher re-posts them.
   */
  public List<MinedL1Block> reorgL1(int depth, int newLength) {
    List<MinedL1Block> replaced = l1.reorg(depth, newLength, true);
    if (feed != null) {
      return replaced; // the node sequences: its reset moves its chain, and the feed follows at the next post
    }
    Optional<Long> first = sequencer.rewindToCanonicalOrigins();
    first.ifPresent(batcher::restartFrom);
    return replaced;
  }

  /**
   * Makes future block {@code l2Number} deposits-only on the true chain while its batch carries one
   * more user transaction (returned): arm the node's engine to reject payloads holding it, and a
   * Holocene node must replace that payload by the deposits-only true block (see {@link
   * WorldSequencer#batchUnexecutable}).
   */
  public Bytes batchUnexecutableTransaction(long l2Number) {
    if (feed != null) {
      throw new UnsupportedOperationException("the node sequences: the world cannot make its batches differ from its blocks");
    }
    return sequencer.batchUnexecutable(l2Number);
  }

  /** Switches the batcher to a new key through a SystemConfig update mined in the next L1 block. */
  public SigningKey rotateBatcher() {
    SigningKey next = WorldActivity.key(rng.fork("batcher-" + l1BlocksMined));
    l1.submit(l1.txs().configUpdate(activity.owner(), rollup.l1SystemConfigAddress(), new ConfigUpdate.Batcher(next.address())));
    mineL1(l1.chain().head().timestamp() + config.l1BlockSeconds());
    batcher.useKey(next);
    return next;
  }

  /**
   * Sets what the SystemConfig's unsafe-block-signer slot held before any {@code
   * setUnsafeBlockSigner} call (its {@code initialize} value); {@link Address#ZERO} by default.
   */
  public void initialUnsafeBlockSigner(Address signer) {
    initialUnsafeBlockSigner = java.util.Objects.requireNonNull(signer);
  }

  /** Points the SystemConfig at a new unsafe-block signer through an update mined in the next L1 block. */
  public void rotateUnsafeBlockSigner(Address next) {
    l1.submit(l1.txs().configUpdate(activity.owner(), rollup.l1SystemConfigAddress(), new ConfigUpdate.UnsafeBlockSigner(next)));
    mineL1(l1.chain().head().timestamp() + config.l1BlockSeconds());
  }

  /** Sends the SystemConfig update that points it at a new unsafe-block signer; it is mined with the next L1 block. */
  public void submitUnsafeBlockSignerUpdate(Address next) {
    l1.submit(l1.txs().configUpdate(activity.owner(), rollup.l1SystemConfigAddress(), new ConfigUpdate.UnsafeBlockSigner(next)));
  }

  /**
   * The SystemConfig's unsafe-block signer as of {@code block} (after its transactions): the last
   * successful {@code UnsafeBlockSigner} update on {@code block}'s chain, else the initial value.
   */
  public Address unsafeBlockSignerAt(MinedL1Block block) {
    Address contract = rollup.l1SystemConfigAddress();
    for (Optional<MinedL1Block> b = Optional.of(block); b.isPresent(); b = b.get().number() == 0 ? Optional.empty()
        : l1.chain().byHash(b.get().parentHash())) {
      List<dev.basalt.core.tx.Receipt> receipts = b.get().receipts();
      for (int r = receipts.size() - 1; r >= 0; r--) {
        if (!receipts.get(r).success()) {
          continue;
        }
        List<dev.basalt.core.types.Log> logs = receipts.get(r).logs();
        for (int i = logs.size() - 1; i >= 0; i--) {
          if (logs.get(i).address().equals(contract)
              && dev.basalt.core.sysconfig.ConfigUpdateParser.parse(logs.get(i)) instanceof dev.basalt.core.sysconfig.ParsedConfigUpdate.Parsed p
              && p.update() instanceof ConfigUpdate.UnsafeBlockSigner s) {
            return s.signer();
          }
        }
      }
    }
    return initialUnsafeBlockSigner;
  }

  /** The L1 label events a head poller would deliver now. */
  public List<InputEvent> l1Observations() {
    return List.of(new L1HeadObserved(l1.chain().head().ref()), new L1SafeObserved(l1.chain().safe().ref()),
        new L1FinalizedObserved(l1.chain().finalized().ref()));
  }

  /**
   * The events answering {@code command} now. World-facing commands (L1, beacon, engine) get their
   * answers; answers a fault delays are queued for {@link #deliverDue}; any other command (wakeups,
   * RPC responses, status, safe-head records) is not the world's business and gets none.
   */
  public List<InputEvent> handle(Command command) {
    List<Answer> answers = answer(command);
    List<InputEvent> now = new ArrayList<>();
    for (Answer a : answers) {
      if (a.delayMillis() == 0) {
        now.add(a.event());
      } else {
        delayed.add(new Delayed(nowSeconds * 1000 + a.delayMillis(), delayedSeq++, a.event()));
      }
    }
    return now;
  }

  /** The answers to {@code command} with their delays. */
  public List<Answer> answer(Command command) {
    if (L1Responder.handles(command)) {
      return l1Responder.answer(command);
    }
    if (EngineResponder.handles(command)) {
      return engineResponder.answer(command);
    }
    return List.of();
  }

  /** Delayed answers due by {@code nowMillis}, in due order. */
  public List<InputEvent> deliverDue(long nowMillis) {
    List<InputEvent> out = new ArrayList<>();
    while (!delayed.isEmpty() && delayed.peek().atMillis() <= nowMillis) {
      out.add(delayed.poll().event());
    }
    return out;
  }

  /**
   * The fault-free answer to an L1 or beacon read, for a reference computation beside the node
   * (no armed fault is consumed, nothing is delayed).
   */
  public List<InputEvent> answerQuietly(Command command) {
    return l1Responder.answerQuietly(command);
  }

  /** Forgets every delayed answer (their requester died). */
  public void dropDelayed() {
    delayed.clear();
  }

  /** When the earliest delayed answer falls due ({@code Long.MAX_VALUE} when none waits). */
  public long nextDueMillis() {
    return delayed.isEmpty() ? Long.MAX_VALUE : delayed.peek().atMillis();
  }

  public SimWorldConfig config() {
    return config;
  }

  public long nowSeconds() {
    return nowSeconds;
  }

  public FakeL1 l1() {
    return l1;
  }

  /**
   * The sender memo for derivations the simulator runs beside the node (the reference derivation
   * runs from genesis at every convergence check and would otherwise recover every batcher
   * transaction again); the node's core keeps its own.
   */
  public SenderMemo referenceSenders() {
    return referenceSenders;
  }

  /** The simulated machine's memo of recovered signers, for the cores the simulator runs in this world. */
  public RecoveryMemo recoveries() {
    return recoveries;
  }

  /**
   * The simulated machine's memo of prepared payload attributes, shared by the world's sequencer,
   * the reference derivation and the nodes' cores: all prepare the same blocks of one chain, and
   * the memo's key is everything preparing reads, so sharing changes no answer (about 250,000
   * prepares for 57,000 distinct blocks in a million-event seed).
   */
  public AttributesMemo attributes() {
    return attributes;
  }

  public RollupConfig rollupConfig() {
    return rollup;
  }

  public L1ChainConfig l1ChainConfig() {
    return l1Config;
  }

  /** The configuration a node under test runs this world with. */
  public CoreConfig coreConfig(NodeMode mode) {
    return new CoreConfig(rollup, l1Config, mode);
  }

  /** The configuration a node sequencing this world runs with. */
  public CoreConfig sequencerConfig(dev.basalt.core.SequencerConfig sequencing) {
    return CoreConfig.sequencer(rollup, l1Config, sequencing);
  }

  /** The true L2 chain: the world sequencer's, or, when the node sequences, what the batcher took from the node engine. */
  public TrueChain trueChain() {
    return feed != null ? feed.chain() : sequencer.chain();
  }

  /** The feed reading the node engine's chain when the node sequences. */
  public Optional<EngineChainFeed> feed() {
    return Optional.ofNullable(feed);
  }

  public WorldSequencer sequencer() {
    return sequencer;
  }

  public WorldBatcher batcher() {
    return batcher;
  }

  /** The engine the node under test drives (starts at the L2 genesis). */
  public FakeEngine nodeEngine() {
    return nodeEngine;
  }

  public L1Responder l1Responder() {
    return l1Responder;
  }

  public EngineResponder engineResponder() {
    return engineResponder;
  }
}
