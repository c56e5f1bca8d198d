package dev.basalt.testdata.world.engine;

import dev.basalt.core.codec.BinaryWriter;
import dev.basalt.core.codec.PayloadCodec;
import dev.basalt.core.config.RollupConfig;
import dev.basalt.core.crypto.Keccak;
import dev.basalt.core.derive.payload.L2BlockInfoDecoding;
import dev.basalt.core.derive.payload.PayloadBlockInfo;
import dev.basalt.core.engine.EngineResponse;
import dev.basalt.core.engine.ExecutionPayload;
import dev.basalt.core.engine.ExecutionPayloadEnvelope;
import dev.basalt.core.engine.ExecutionStatus;
import dev.basalt.core.engine.ForkchoiceState;
import dev.basalt.core.engine.L2BlockSelector;
import dev.basalt.core.engine.PayloadAttributes;
import dev.basalt.core.engine.PayloadId;
import dev.basalt.core.engine.PayloadStatus;
import dev.basalt.core.types.Bytes;
import dev.basalt.core.types.Hash32;
import dev.basalt.core.types.L2BlockRef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A fake OP execution engine with Engine API semantics: a block tree keyed by real header hashes,
 * forkchoice updates that set the canonical chain and labels (SYNCING for an unknown head, INVALID
 * for an invalid one, -38002 for inconsistent labels) and start builds (-38003 for bad attributes),
 * {@code newPayload} that checks the block hash (INVALID_BLOCK_HASH), the parent (SYNCING, or
 * ACCEPTED when so configured) and pseudo-execution ({@link PseudoExecution}), and {@code
 * getPayload} (-38001 for an unknown id). Methods are synchronized: the HTTP front-end and a test
 * may use one engine together.
 *
 * <p>Faults the engine itself models: SYNCING for the next N calls, INVALID for payloads matching
 * a predicate, a restart that loses every block above the last persisted one, and {@link Oracle}
 * mode for real chains.
 */
public final class FakeEngine {
  private static final int MAX_PAYLOADS = 64;

  private final RollupConfig rollup;
  private final EngineMemo memo;
  private final BlockTree tree;
  private final Map<PayloadId, ExecutionPayloadEnvelope> payloads = new LinkedHashMap<>();
  private final List<Bytes> pool = new ArrayList<>();
  /**
   * Payload ids of recent builds by their inputs (a node asks again for the same block after a lost
   * answer, a SYNCING engine, a restart): the id is keccak256(parent hash ‖ encoded attributes),
   * and the encoding is a function of the attributes' value, so an entry whose parent hash and
   * attributes equal the asked ones by value has the id hashing would give. A slot per (time,
   * parent) hash, overwritten by the next build there; never iterated. Seed 7: 59,488 asks for
   * 46,729 distinct ids; 64 slots hashed 54,916 times, 1024 slots 47,990.
   */
  private final PayloadIdMemo[] payloadIds = new PayloadIdMemo[PAYLOAD_ID_SLOTS];
  private static final int PAYLOAD_ID_SLOTS = 1024;

  private record PayloadIdMemo(Hash32 parentHash, PayloadAttributes attributes, PayloadId id) {}
  private int syncingCalls;
  private int syncingNewPayloads;
  private Predicate<ExecutionPayload> invalidWhen = p -> false;
  private boolean acceptedForUnknownParent;
  private Oracle oracle;

  /** @param genesis the L2 genesis block; its hash must be the rollup config's L2 genesis hash */
  public FakeEngine(RollupConfig rollup, ExecutionPayloadEnvelope genesis) {
    this(rollup, genesis, new EngineMemo(rollup));
  }

  /**
   * An engine executing and hashing through {@code memo}, which engines of one world share (see
   * {@link EngineMemo}); {@code memo} must serve the same rollup config.
   */
  public FakeEngine(RollupConfig rollup, ExecutionPayloadEnvelope genesis, EngineMemo memo) {
    if (!memo.rollup().equals(rollup)) {
      throw new IllegalArgumentException("the memo serves another rollup config");
    }
    if (!genesis.payload().blockHash().equals(rollup.genesis().l2().hash())) {
      throw new IllegalArgumentException("genesis block " + genesis.payload().blockHash() + " is not the rollup's " + rollup.genesis().l2());
    }
    this.rollup = rollup;
    this.memo = memo;
    this.tree = new BlockTree(genesis);
  }

  public RollupConfig rollup() {
    return rollup;
  }

  /** The memo this engine executes and hashes through (share it with another engine of the same world). */
  public EngineMemo memo() {
    return memo;
  }

  public synchronized EngineResponse forkchoiceUpdated(ForkchoiceState state, Optional<PayloadAttributes> attributes, int version) {
    EngineResponse refused = refusal(state, attributes, version);
    if (refused != null) {
      return refused;
    }
    Hash32 head = state.headBlockHash();
    ExecutionPayload parent = tree.get(head).orElseThrow().payload();
    tree.setForkchoice(state);
    PayloadStatus valid = new PayloadStatus(ExecutionStatus.VALID, Optional.of(head), Optional.empty());
    return fcu(valid, attributes.map(a -> startBuild(parent, a)));
  }

  /**
   * {@link #forkchoiceUpdated} with {@code attributes} and then {@link #getPayload} of that build,
   * in one call: the same checks, the same forkchoice, the same block and the same pool, but no
   * payload id (hashing the attributes for one showed in profiles of the world's sequencer, which
   * takes each build at once and never asks for it again).
   *
   * @return the built block ({@code PayloadBuilt}), or the forkchoice update's or {@code
   *     getPayload}'s answer when either refused
   */
  public synchronized EngineResponse buildNow(ForkchoiceState state, PayloadAttributes attributes, int fcuVersion,
      int getPayloadVersion) {
    EngineResponse refused = refusal(state, Optional.of(attributes), fcuVersion);
    if (refused != null) {
      return refused;
    }
    ExecutionPayload parent = tree.get(state.headBlockHash()).orElseThrow().payload();
    tree.setForkchoice(state);
    ExecutionPayloadEnvelope built = build(parent, attributes);
    Optional<EngineResponse.RpcError> bad = EngineVersionRules.getPayload(rollup, built.payload().timestamp(), getPayloadVersion);
    return bad.isPresent() ? bad.get() : new EngineResponse.PayloadBuilt(built);
  }

  /** Why a forkchoice update is answered without acting on it, or null when it is acted on. */
  private EngineResponse refusal(ForkchoiceState state, Optional<PayloadAttributes> attributes, int version) {
    if (syncingCalls > 0) {
      syncingCalls--;
      return fcu(PayloadStatus.of(ExecutionStatus.SYNCING), Optional.empty());
    }
    Hash32 head = state.headBlockHash();
    if (tree.isInvalid(head)) {
      return fcu(new PayloadStatus(ExecutionStatus.INVALID, tree.latestValidAncestor(head), Optional.of("invalid head")),
          Optional.empty());
    }
    if (!tree.contains(head)) {
      return fcu(PayloadStatus.of(ExecutionStatus.SYNCING), Optional.empty());
    }
    for (Hash32 label : List.of(state.safeBlockHash(), state.finalizedBlockHash())) {
      if (!label.isZero() && !tree.isAncestor(label, head)) {
        return EngineErrors.invalidForkchoiceState("label " + label + " is not an ancestor of head " + head);
      }
    }
    if (!state.finalizedBlockHash().isZero() && !state.safeBlockHash().isZero()
        && !tree.isAncestor(state.finalizedBlockHash(), state.safeBlockHash())) {
      return EngineErrors.invalidForkchoiceState("finalized is not an ancestor of safe");
    }
    if (attributes.isPresent()) {
      ExecutionPayload parent = tree.get(head).orElseThrow().payload();
      Optional<EngineResponse.RpcError> bad = checkAttributes(parent, attributes.get(), version);
      if (bad.isPresent()) {
        return bad.get();
      }
    }
    return null;
  }

  private Optional<EngineResponse.RpcError> checkAttributes(ExecutionPayload parent, PayloadAttributes a, int version) {
    if (Long.compareUnsigned(a.timestamp(), parent.timestamp()) <= 0) {
      return Optional.of(EngineErrors.invalidAttributes("timestamp " + a.timestamp() + " not after the head's " + parent.timestamp()));
    }
    return EngineVersionRules.attributes(rollup, a, version);
  }

  private PayloadId startBuild(ExecutionPayload parent, PayloadAttributes a) {
    PayloadId payloadId = payloadId(parent.blockHash(), a);
    ExecutionPayloadEnvelope built = build(parent, a);
    payloads.put(payloadId, built);
    while (payloads.size() > MAX_PAYLOADS) {
      payloads.remove(payloads.keySet().iterator().next());
    }
    return payloadId;
  }

  /** keccak256(parent hash ‖ encoded attributes)'s first eight bytes, remembered for attributes seen again. */
  private PayloadId payloadId(Hash32 parentHash, PayloadAttributes a) {
    int slot = (Long.hashCode(a.timestamp()) ^ parentHash.hashCode()) & (PAYLOAD_ID_SLOTS - 1);
    PayloadIdMemo known = payloadIds[slot];
    if (known != null && known.attributes().equals(a) && known.parentHash().equals(parentHash)) {
      return known.id();
    }
    PayloadId id = hashPayloadId(parentHash, a);
    payloadIds[slot] = new PayloadIdMemo(parentHash, a, id);
    return id;
  }

  /** keccak256(parent hash ‖ encoded attributes)'s first eight bytes, hashed where they were written (no copies out). */
  static PayloadId hashPayloadId(Hash32 parentHash, PayloadAttributes a) {
    BinaryWriter w = new BinaryWriter(512);
    w.hash(parentHash);
    PayloadCodec.write(w, a);
    byte[] h = Keccak.hash(w.buffer(), 0, w.size()).toArray();
    long id = 0;
    for (int i = 0; i < 8; i++) {
      id = (id << 8) | (h[i] & 0xff);
    }
    return new PayloadId(id);
  }

  /** The block {@code a} builds on {@code parent} (taking the pool's transactions unless {@code noTxPool}). */
  private ExecutionPayloadEnvelope build(ExecutionPayload parent, PayloadAttributes a) {
    long number = parent.blockNumber() + 1;
    Optional<ExecutionPayloadEnvelope> real = oracle == null ? Optional.empty() : oracle.expectedAt(number);
    ExecutionPayloadEnvelope built = real.isPresent()
        ? oracle.check(parent.blockHash(), number, a, real.get())
        : PayloadBuilder.build(memo, parent, a, List.copyOf(pool));
    if (!a.noTxPool()) {
      pool.clear();
    }
    return built;
  }

  private static EngineResponse fcu(PayloadStatus status, Optional<PayloadId> id) {
    return new EngineResponse.ForkchoiceUpdated(status, id);
  }

  public synchronized EngineResponse getPayload(PayloadId id, int version) {
    ExecutionPayloadEnvelope built = payloads.get(id);
    if (built == null) {
      return EngineErrors.unknownPayload();
    }
    Optional<EngineResponse.RpcError> bad = EngineVersionRules.getPayload(rollup, built.payload().timestamp(), version);
    return bad.isPresent() ? bad.get() : new EngineResponse.PayloadBuilt(built);
  }

  public synchronized EngineResponse newPayload(ExecutionPayloadEnvelope envelope, int version) {
    ExecutionPayload p = envelope.payload();
    Optional<EngineResponse.RpcError> bad = EngineVersionRules.newPayload(rollup, envelope, version);
    if (bad.isPresent()) {
      return bad.get();
    }
    Hash32 hash = p.blockHash();
    Hash32 computed = memo.headerHash(envelope);
    if (!computed.equals(hash)) {
      return result(ExecutionStatus.INVALID_BLOCK_HASH, Optional.empty(), "block hash " + hash + ", header hashes to " + computed);
    }
    if (syncingCalls > 0 || syncingNewPayloads > 0) {
      if (syncingCalls > 0) {
        syncingCalls--;
      } else {
        syncingNewPayloads--;
      }
      return result(ExecutionStatus.SYNCING, Optional.empty(), null);
    }
    if (tree.contains(hash)) {
      return result(ExecutionStatus.VALID, Optional.of(hash), null);
    }
    if (tree.isInvalid(hash) || tree.isInvalid(p.parentHash())) {
      tree.markInvalid(hash, p.parentHash());
      return result(ExecutionStatus.INVALID, tree.latestValidAncestor(hash), "invalid ancestor");
    }
    Optional<ExecutionPayloadEnvelope> parent = tree.get(p.parentHash());
    if (parent.isEmpty()) {
      return result(acceptedForUnknownParent ? ExecutionStatus.ACCEPTED : ExecutionStatus.SYNCING, Optional.empty(), null);
    }
    Optional<String> invalid = invalidWhen.test(p) ? Optional.of("rejected by the world's invalid-payload rule")
        : oracle != null && oracle.isReal(hash) ? Optional.empty()
        : PayloadBuilder.verifyExecution(memo, parent.get().payload(), p);
    if (invalid.isPresent()) {
      tree.markInvalid(hash, p.parentHash());
      return result(ExecutionStatus.INVALID, Optional.of(p.parentHash()), invalid.get());
    }
    tree.add(envelope);
    return result(ExecutionStatus.VALID, Optional.of(hash), null);
  }

  private static EngineResponse result(ExecutionStatus status, Optional<Hash32> latestValid, String error) {
    return new EngineResponse.NewPayloadResult(new PayloadStatus(status, latestValid, Optional.ofNullable(error)));
  }

  /** The block a {@code FetchL2Block} selects, if the engine has it. */
  public synchronized Optional<ExecutionPayloadEnvelope> block(L2BlockSelector selector) {
    return switch (selector) {
      case L2BlockSelector.ByNumber n -> tree.canonical(n.number());
      case L2BlockSelector.ByHash h -> tree.get(h.hash());
      case L2BlockSelector.ByLabel l -> Optional.of(switch (l.label()) {
        case LATEST -> tree.head();
        case SAFE -> tree.safe();
        case FINALIZED -> tree.finalized();
      });
    };
  }

  /** The engine's latest, safe and finalized blocks as references. */
  public synchronized EngineResponse.Heads heads() {
    return new EngineResponse.Heads(ref(tree.head()), ref(tree.safe()), ref(tree.finalized()));
  }

  /** A block's reference as the node reads it back (L1 origin and sequence number from its L1-info deposit). */
  public L2BlockRef ref(ExecutionPayloadEnvelope block) {
    return switch (PayloadBlockInfo.decode(rollup, block.payload())) {
      case L2BlockInfoDecoding.Decoded d -> d.info().ref();
      case L2BlockInfoDecoding.Invalid i -> throw new IllegalStateException("engine holds a block no rollup node reads: " + i.reason());
    };
  }

  public synchronized ExecutionPayloadEnvelope head() {
    return tree.head();
  }

  public synchronized ExecutionPayloadEnvelope genesis() {
    return tree.genesis();
  }

  /** Queues a transaction for blocks built without {@code noTxPool}. */
  public synchronized void addPoolTransaction(Bytes tx) {
    pool.add(tx);
  }

  /** Transactions waiting in the pool. */
  public synchronized int poolSize() {
    return pool.size();
  }

  /**
   * An engine whose database survived a restart of its host: {@code blocks} (each after its parent)
   * are known again, the forkchoice is {@code head} with the labels given where they are its
   * ancestors (genesis otherwise), and all of it counts as persisted.
   */
  public synchronized void restore(List<ExecutionPayloadEnvelope> blocks, Hash32 head, Hash32 safe, Hash32 finalized) {
    for (ExecutionPayloadEnvelope b : blocks) {
      if (!tree.contains(b.payload().parentHash()) || !memo.headerHash(b).equals(b.payload().blockHash())) {
        throw new IllegalArgumentException("restored block " + b.payload().blockNumber() + " has no parent or a wrong hash");
      }
      tree.add(b);
    }
    Hash32 s = !safe.isZero() && tree.isAncestor(safe, head) ? safe : Hash32.ZERO;
    Hash32 f = !finalized.isZero() && !s.isZero() && tree.isAncestor(finalized, s) ? finalized : Hash32.ZERO;
    tree.setForkchoice(new ForkchoiceState(head, s, f));
    tree.persistHead();
  }

  /** Answer SYNCING to the next {@code calls} forkchoice updates and new payloads, without acting on them. */
  public synchronized void syncingFor(int calls) {
    syncingCalls = calls;
  }

  /** Answer SYNCING to the next {@code calls} new payloads only, without importing them (an engine still catching up). */
  public synchronized void syncingNewPayloadsFor(int calls) {
    syncingNewPayloads = calls;
  }

  /** Reject (INVALID) every new payload matching {@code rule}, e.g. any block containing a given transaction. */
  public synchronized void invalidWhen(Predicate<ExecutionPayload> rule) {
    invalidWhen = rule;
  }

  /** Also reject (INVALID) every new payload matching {@code rule}, besides those rejected so far. */
  public synchronized void alsoInvalidWhen(Predicate<ExecutionPayload> rule) {
    invalidWhen = invalidWhen.or(rule);
  }

  /** Answer ACCEPTED instead of SYNCING for payloads with an unknown parent. */
  public synchronized void acceptedForUnknownParent(boolean accepted) {
    acceptedForUnknownParent = accepted;
  }

  /** Marks the current head as persisted: a {@link #restart()} keeps it and everything below. */
  public synchronized void persist() {
    tree.persistHead();
  }

  /** An execution client restart: blocks above the persisted one and builds in progress are lost. */
  public synchronized void restart() {
    tree.restart();
    payloads.clear();
    pool.clear();
  }

  /** Switches on oracle mode with these real blocks (see {@link Oracle}). */
  public synchronized Oracle useOracle(List<ExecutionPayloadEnvelope> realBlocks) {
    oracle = new Oracle(realBlocks);
    return oracle;
  }

  public synchronized int blockCount() {
    return tree.size();
  }
}
