package dev.basalt.testdata.world.engine;

import dev.basalt.core.config.RollupConfig;
import dev.basalt.core.engine.ExecutionPayload;
import dev.basalt.core.engine.ExecutionPayloadEnvelope;
import dev.basalt.core.trie.OrderedTrie;
import dev.basalt.core.types.Bytes;
import dev.basalt.core.types.Hash32;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Remembers the fake engine's two pure computations, so a block is executed and hashed once although
 * it passes through several engines: the world sequencer builds it and inserts it again, and the
 * node's engine builds the same block from derived attributes and receives it again by {@code
 * newPayload}.
 *
 * <ul>
 *   <li>{@link #headerHash}: {@link L2Headers#hash} of an envelope; the entry is the envelope with
 *       its block hash zeroed (the header reads every other field, and the parent beacon root);
 *   <li>{@link #execute}: {@link PseudoExecution#execute}; the entry is the parent payload, number,
 *       timestamp and transactions, matched on everything the execution reads besides the rollup
 *       (of the parent only the fields {@link #sameExecutionInputs} compares).
 * </ul>
 *
 * <p>Entries are found under a cheap key (parent hash, number, timestamp) and matched by value, so
 * a payload that differs in any byte (a forged gossip sibling, a tampered field) misses and is
 * computed afresh: a memo hit gives exactly what the computation would. One memo serves one rollup
 * config (checked). Both maps are bounded (least recently used key goes first, at most {@link
 * #PER_KEY} entries per key) and never iterated. Methods are synchronized: engines sharing a memo
 * may be driven from different threads (the HTTP front-ends).
 */
public final class EngineMemo {
  /** Keys kept per map: blocks a node may lag behind the sequencer and still find the sequencer's work. */
  static final int CAPACITY = 1024;
  /** Entries kept per key (siblings: one parent and slot, different contents). */
  static final int PER_KEY = 4;

  private final RollupConfig rollup;
  private final Map<Slot, List<Hashed>> hashes = bounded();
  private final Map<Slot, List<Executed>> executions = bounded();

  /** A cheap lookup key; entries under it are told apart by their full values. */
  private record Slot(Hash32 parentHash, long number, long timestamp) {
    // Written out: the generic record methods showed in profiles of this hot lookup.
    @Override
    public boolean equals(Object o) {
      return o instanceof Slot s && number == s.number && timestamp == s.timestamp && parentHash.equals(s.parentHash);
    }

    @Override
    public int hashCode() {
      return parentHash.hashCode() * 31 + Long.hashCode(number);
    }
  }

  /** {@code unsealed} (block hash zeroed) hashes to {@code hash}. */
  private record Hashed(ExecutionPayloadEnvelope unsealed, Hash32 hash) {}

  /** Executing {@code txs} at {@code number} and {@code timestamp} on {@code parent} gives {@code result}. */
  private record Executed(ExecutionPayload parent, List<Bytes> txs, PseudoExecution.Result result) {}

  public EngineMemo(RollupConfig rollup) {
    this.rollup = Objects.requireNonNull(rollup, "rollup");
  }

  public RollupConfig rollup() {
    return rollup;
  }

  private static <K, V> Map<K, V> bounded() {
    return new LinkedHashMap<>(64, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
        return size() > CAPACITY;
      }
    };
  }

  private static <T> void remember(Map<Slot, List<T>> map, Slot slot, T entry) {
    List<T> entries = map.computeIfAbsent(slot, k -> new ArrayList<>(2));
    if (entries.size() == PER_KEY) {
      entries.remove(0);
    }
    entries.add(entry);
  }

  /** {@link L2Headers#hash} of {@code envelope} under this memo's rollup. */
  public synchronized Hash32 headerHash(ExecutionPayloadEnvelope envelope) {
    ExecutionPayload p = envelope.payload();
    ExecutionPayloadEnvelope unsealed = p.blockHash().isZero() ? envelope
        : new ExecutionPayloadEnvelope(L2Headers.withHash(p, Hash32.ZERO), envelope.parentBeaconBlockRoot());
    Slot slot = new Slot(p.parentHash(), p.blockNumber(), p.timestamp());
    List<Hashed> known = hashes.get(slot);
    if (known != null) {
      for (Hashed h : known) {
        if (h.unsealed().equals(unsealed)) {
          return h.hash();
        }
      }
    }
    Hash32 hash = L2Headers.header(rollup, unsealed, transactionsRoot(slot, p.transactions())).hash();
    remember(hashes, slot, new Hashed(unsealed, hash));
    return hash;
  }

  /** The root of {@code txs}: from an execution of the same transactions in the same slot if one is known. */
  private Hash32 transactionsRoot(Slot slot, List<Bytes> txs) {
    List<Executed> known = executions.get(slot);
    if (known != null) {
      for (Executed e : known) {
        if (e.txs().equals(txs)) {
          return e.result().transactionsRoot();
        }
      }
    }
    return OrderedTrie.root(txs);
  }

  /** {@code envelope} carrying its header's hash (as {@link L2Headers#sealed}). */
  public ExecutionPayloadEnvelope sealed(ExecutionPayloadEnvelope unsealed) {
    return new ExecutionPayloadEnvelope(L2Headers.withHash(unsealed.payload(), headerHash(unsealed)), unsealed.parentBeaconBlockRoot());
  }

  /**
   * True when two parents agree on every field {@link PseudoExecution#execute} reads of a parent
   * (state root, time, withdrawals root, and the base-fee inputs: base fee, gas used and limit,
   * extra data). The rest (the parent's transactions above all) cannot change the result, and
   * comparing them was most of a hit's cost.
   */
  static boolean sameExecutionInputs(ExecutionPayload a, ExecutionPayload b) {
    return a == b || a.timestamp() == b.timestamp() && a.gasUsed() == b.gasUsed() && a.gasLimit() == b.gasLimit()
        && a.stateRoot().equals(b.stateRoot()) && a.baseFeePerGas().equals(b.baseFeePerGas())
        && a.extraData().equals(b.extraData()) && a.withdrawalsRoot().equals(b.withdrawalsRoot());
  }

  /** {@link PseudoExecution#execute} under this memo's rollup. */
  public synchronized PseudoExecution.Result execute(ExecutionPayload parent, long number, long timestamp, List<Bytes> txs) {
    List<Bytes> fixed = List.copyOf(txs);
    Slot slot = new Slot(parent.blockHash(), number, timestamp);
    List<Executed> known = executions.get(slot);
    if (known != null) {
      for (Executed e : known) {
        if (sameExecutionInputs(e.parent(), parent) && e.txs().equals(fixed)) {
          return e.result();
        }
      }
    }
    PseudoExecution.Result result = PseudoExecution.execute(rollup, parent, number, timestamp, fixed);
    remember(executions, slot, new Executed(parent, fixed, result));
    return result;
  }
}
