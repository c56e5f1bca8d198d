package dev.basalt.core.world;

import dev.basalt.core.block.PayloadHeader;
import dev.basalt.core.config.RollupConfig;
import dev.basalt.core.engine.EngineResponse;
import dev.basalt.core.engine.ExecutionPayload;
import dev.basalt.core.engine.ExecutionPayloadEnvelope;
import dev.basalt.core.engine.ExecutionStatus;
import dev.basalt.core.engine.ForkchoiceState;
import dev.basalt.core.engine.L2BlockSelector;
import dev.basalt.core.engine.PayloadAttributes;
import dev.basalt.core.engine.PayloadId;
import dev.basalt.core.engine.PayloadStatus;
import dev.basalt.core.types.Hash32;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A small execution engine with Engine API semantics: a block tree, forkchoice updates that set
 * the canonical chain and labels ({@code SYNCING} for an unknown head, -38002 for labels that are
 * not ancestors of the head), builds from attributes ({@link PayloadBuilder}), {@code newPayload}
 * that checks the block hash and knows the parent ({@code SYNCING} otherwise). Faults are scripted:
 * {@code SYNCING} for the next calls, {@code INVALID} for payloads matching a rule, a restart that
 * loses unpersisted blocks.
 */
public final class ToyEngine {
  private final RollupConfig rollup;
  private final Map<Hash32, ExecutionPayloadEnvelope> blocks = new LinkedHashMap<>();
  private final Map<Long, ExecutionPayloadEnvelope> payloads = new LinkedHashMap<>();
  private final ExecutionPayloadEnvelope genesis;
  private List<ExecutionPayloadEnvelope> canonical = new ArrayList<>();
  private Hash32 safe;
  private Hash32 finalized;
  private long persistedNumber;
  private long nextPayloadId = 0x0100;
  private int syncingCalls;
  private Predicate<ExecutionPayload> invalidWhen = p -> false;

  public ToyEngine(RollupConfig rollup, ExecutionPayloadEnvelope genesis) {
    this.rollup = rollup;
    this.genesis = genesis;
    blocks.put(genesis.payload().blockHash(), genesis);
    canonical.add(genesis);
    safe = genesis.payload().blockHash();
    finalized = safe;
  }

  public EngineResponse forkchoiceUpdated(ForkchoiceState state, Optional<PayloadAttributes> attributes) {
    if (syncingCalls > 0) {
      syncingCalls--;
      return fcu(ExecutionStatus.SYNCING, Optional.empty());
    }
    ExecutionPayloadEnvelope head = blocks.get(state.headBlockHash());
    if (head == null) {
      return fcu(ExecutionStatus.SYNCING, Optional.empty());
    }
    List<ExecutionPayloadEnvelope> chain = chainTo(head);
    for (Hash32 label : List.of(state.safeBlockHash(), state.finalizedBlockHash())) {
      if (!label.isZero() && chain.stream().noneMatch(b -> b.payload().blockHash().equals(label))) {
        return new EngineResponse.RpcError(-38002, "invalid forkchoice state: " + label + " is not an ancestor of the head");
      }
    }
    canonical = chain;
    if (!state.safeBlockHash().isZero()) {
      safe = state.safeBlockHash();
    }
    if (!state.finalizedBlockHash().isZero()) {
      finalized = state.finalizedBlockHash();
    }
    Optional<PayloadId> id = attributes.map(a -> {
      long next = nextPayloadId++;
      payloads.put(next, PayloadBuilder.build(rollup, head.payload(), a));
      return new PayloadId(next);
    });
    return fcu(ExecutionStatus.VALID, id);
  }

  private List<ExecutionPayloadEnvelope> chainTo(ExecutionPayloadEnvelope head) {
    List<ExecutionPayloadEnvelope> reversed = new ArrayList<>();
    for (ExecutionPayloadEnvelope b = head; b != null; b = blocks.get(b.payload().parentHash())) {
      reversed.add(b);
      if (b == genesis) {
        break;
      }
    }
    List<ExecutionPayloadEnvelope> chain = new ArrayList<>();
    for (int i = reversed.size() - 1; i >= 0; i--) {
      chain.add(reversed.get(i));
    }
    return chain;
  }

  private static EngineResponse fcu(ExecutionStatus status, Optional<PayloadId> id) {
    return new EngineResponse.ForkchoiceUpdated(PayloadStatus.of(status), id);
  }

  public EngineResponse getPayload(PayloadId id) {
    ExecutionPayloadEnvelope built = payloads.get(id.value());
    return built == null ? new EngineResponse.RpcError(-38001, "unknown payload") : new EngineResponse.PayloadBuilt(built);
  }

  public EngineResponse newPayload(ExecutionPayloadEnvelope envelope) {
    ExecutionPayload p = envelope.payload();
    if (!PayloadHeader.hashMatches(rollup, envelope)) {
      return result(ExecutionStatus.INVALID_BLOCK_HASH);
    }
    if (syncingCalls > 0) {
      syncingCalls--;
      return result(ExecutionStatus.SYNCING);
    }
    if (!blocks.containsKey(p.parentHash())) {
      return result(ExecutionStatus.SYNCING);
    }
    if (invalidWhen.test(p)) {
      return result(ExecutionStatus.INVALID);
    }
    blocks.put(p.blockHash(), envelope);
    return result(ExecutionStatus.VALID);
  }

  private static EngineResponse result(ExecutionStatus status) {
    return new EngineResponse.NewPayloadResult(PayloadStatus.of(status));
  }

  public Optional<ExecutionPayloadEnvelope> block(L2BlockSelector selector) {
    return switch (selector) {
      case L2BlockSelector.ByNumber n -> n.number() < canonical.size()
          ? Optional.of(canonical.get((int) n.number()))
          : Optional.empty();
      case L2BlockSelector.ByHash h -> Optional.ofNullable(blocks.get(h.hash()));
      case L2BlockSelector.ByLabel l -> Optional.of(switch (l.label()) {
        case LATEST -> head();
        case SAFE -> blocks.get(safe);
        case FINALIZED -> blocks.get(finalized);
      });
    };
  }

  public ExecutionPayloadEnvelope head() {
    return canonical.get(canonical.size() - 1);
  }

  public List<ExecutionPayloadEnvelope> canonical() {
    return List.copyOf(canonical);
  }

  /** Seeds a chain of blocks and makes the last one the head (as an engine synced by others would). */
  public void seed(List<ExecutionPayloadEnvelope> chain) {
    for (ExecutionPayloadEnvelope b : chain) {
      blocks.put(b.payload().blockHash(), b);
    }
    canonical = chainTo(chain.get(chain.size() - 1));
  }

  public boolean has(Hash32 hash) {
    return blocks.containsKey(hash);
  }

  public void syncingFor(int calls) {
    syncingCalls = calls;
  }

  public void invalidWhen(Predicate<ExecutionPayload> rule) {
    invalidWhen = rule;
  }

  /** Everything up to the current head survives a {@link #restart()}. */
  public void persist() {
    persistedNumber = head().payload().blockNumber();
  }

  /** An engine restart: blocks above the persisted height and builds in progress are lost. */
  public void restart() {
    blocks.values().removeIf(b -> b.payload().blockNumber() > persistedNumber);
    canonical = new ArrayList<>(canonical.subList(0, (int) persistedNumber + 1));
    payloads.clear();
    if (!blocks.containsKey(safe)) {
      safe = head().payload().blockHash();
    }
    if (!blocks.containsKey(finalized)) {
      finalized = head().payload().blockHash();
    }
  }
}
