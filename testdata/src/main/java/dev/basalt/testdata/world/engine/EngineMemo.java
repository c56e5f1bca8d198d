package dev.basalt.testdata.world.engine;

import dev.basalt.core.config.RollupConfig;
import dev.basalt.core.engine.ExecutionPayload;
import dev.basalt.core.engine.ExecutionPayloadEnvelope;
import dev.basalt.core.types.Bytes;
import dev.basalt.core.types.Hash32;
import dev.basalt.testdata.world.trie.OrderedRoots;
import java.util.List;
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
 * <p>Entries are found by block number and matched by value (parent hash, timestamp, then the full
 * entry), so a payload that differs in any byte (a forged gossip sibling, a tampered field) misses
 * and is computed afresh: a memo hit gives exactly what the computation would. A hashed entry also
 * keeps the last sealed envelope object that hashed to it: the very same (immutable) object asked
 * again is answered by identity, without rebuilding and comparing its unsealed form, and {@link
 * #sealed} hands that object out again instead of an equal copy (so the node's {@code newPayload}
 * of a block the engine built is such an identity hit). Executions hand out the transaction list
 * they remembered ({@link #executeShared}), so a block built from it compares by identity there.
 *
 * <p>One memo serves one rollup config (checked). Bounded: {@value #RING} buckets, the bucket of
 * block number {@code n} at {@code n mod RING}, each holding entries of one number only (a newer
 * number takes the bucket over) and at most {@value #PER_BUCKET} of each kind (oldest dropped);
 * never iterated. So the last {@value #RING} block numbers stay findable: a node lagging that far
 * behind the sequencer still finds the sequencer's work. Methods are synchronized: engines sharing
 * a memo may be driven from different threads (the HTTP front-ends).
 */
public final class EngineMemo {
  /** Buckets (a power of two): block numbers a node may lag behind the sequencer and still find the sequencer's work. */
  static final int RING = 1024;
  /** Entries of each kind kept per block number (siblings: one slot, different parents or contents). */
  static final int PER_BUCKET = 8;
  /** Entries per key the tests vary a block by (siblings of one parent and slot). */
  static final int PER_KEY = 4;

  private final RollupConfig rollup;
  private final Bucket[] buckets = new Bucket[RING];

  /** The entries of one block number, newest last; entries of an older number are dropped when it arrives. */
  private static final class Bucket {
    long number;
    final Hashed[] hashes = new Hashed[PER_BUCKET];
    int hashCount;
    final Executed[] executions = new Executed[PER_BUCKET];
    int executionCount;

    Bucket(long number) {
      this.number = number;
    }
  }

  /**
   * {@code unsealed} (block hash zeroed) hashes to {@code hash}; {@code seen} is the last envelope
   * object found to have that unsealed form (an immutable value: the same object is the same value).
   */
  private static final class Hashed {
    final ExecutionPayloadEnvelope unsealed;
    final Hash32 hash;
    ExecutionPayloadEnvelope seen;

    Hashed(ExecutionPayloadEnvelope unsealed, Hash32 hash, ExecutionPayloadEnvelope seen) {
      this.unsealed = unsealed;
      this.hash = hash;
      this.seen = seen;
    }

    boolean at(Hash32 parentHash, long timestamp) {
      ExecutionPayload p = unsealed.payload();
      return p.timestamp() == timestamp && p.parentHash().equals(parentHash);
    }
  }

  /** Executing {@code txs} at {@code number} and {@code timestamp} on {@code parent} gives {@code result}. */
  record Executed(ExecutionPayload parent, long timestamp, List<Bytes> txs, PseudoExecution.Result result) {}

  public EngineMemo(RollupConfig rollup) {
    this.rollup = Objects.requireNonNull(rollup, "rollup");
  }

  public RollupConfig rollup() {
    return rollup;
  }

  /** The bucket of {@code number} if it holds that number's entries, else null. */
  private Bucket find(long number) {
    Bucket b = buckets[(int) number & (RING - 1)];
    return b != null && b.number == number ? b : null;
  }

  /** The bucket of {@code number}, emptied first if it held another number's entries. */
  private Bucket take(long number) {
    int i = (int) number & (RING - 1);
    Bucket b = buckets[i];
    if (b == null) {
      b = new Bucket(number);
      buckets[i] = b;
    } else if (b.number != number) {
      b.number = number;
      java.util.Arrays.fill(b.hashes, null);
      b.hashCount = 0;
      java.util.Arrays.fill(b.executions, null);
      b.executionCount = 0;
    }
    return b;
  }

  private static <T> int append(T[] entries, int count, T entry) {
    if (count == entries.length) {
      System.arraycopy(entries, 1, entries, 0, count - 1);
      entries[count - 1] = entry;
      return count;
    }
    entries[count] = entry;
    return count + 1;
  }

  /** {@link L2Headers#hash} of {@code envelope} under this memo's rollup. */
  public synchronized Hash32 headerHash(ExecutionPayloadEnvelope envelope) {
    return hashed(envelope).hash;
  }

  /** The entry of {@code envelope}'s unsealed form, computed and remembered when unknown. */
  private Hashed hashed(ExecutionPayloadEnvelope envelope) {
    ExecutionPayload p = envelope.payload();
    Bucket bucket = find(p.blockNumber());
    if (bucket != null) {
      for (int i = bucket.hashCount - 1; i >= 0; i--) {
        if (bucket.hashes[i].seen == envelope) {
          return bucket.hashes[i];
        }
      }
    }
    ExecutionPayloadEnvelope unsealed = p.blockHash().isZero() ? envelope
        : new ExecutionPayloadEnvelope(L2Headers.withHash(p, Hash32.ZERO), envelope.parentBeaconBlockRoot());
    if (bucket != null) {
      for (int i = bucket.hashCount - 1; i >= 0; i--) {
        Hashed h = bucket.hashes[i];
        if (h.at(p.parentHash(), p.timestamp()) && h.unsealed.equals(unsealed)) {
          if (!p.blockHash().isZero()) {
            h.seen = envelope;
          }
          return h;
        }
      }
    }
    Hash32 hash = L2Headers.header(rollup, unsealed, transactionsRoot(bucket, p)).hash();
    Hashed h = new Hashed(unsealed, hash, p.blockHash().isZero() ? null : envelope);
    bucket = take(p.blockNumber());
    bucket.hashCount = append(bucket.hashes, bucket.hashCount, h);
    return h;
  }

  /** The root of {@code p}'s transactions: from an execution of the same transactions in the same slot if one is known. */
  private static Hash32 transactionsRoot(Bucket bucket, ExecutionPayload p) {
    if (bucket != null) {
      for (int i = bucket.executionCount - 1; i >= 0; i--) {
        Executed e = bucket.executions[i];
        if (e.timestamp() == p.timestamp() && e.parent().blockHash().equals(p.parentHash()) && e.txs().equals(p.transactions())) {
          return e.result().transactionsRoot();
        }
      }
    }
    return OrderedRoots.root(p.transactions());
  }

  /** {@code envelope} carrying its header's hash (as {@link L2Headers#sealed}). */
  public synchronized ExecutionPayloadEnvelope sealed(ExecutionPayloadEnvelope unsealed) {
    Hashed h = hashed(unsealed);
    ExecutionPayloadEnvelope seen = h.seen;
    if (seen != null && seen.payload().blockHash().equals(h.hash)) {
      return seen; // an equal value: the same unsealed form carrying the same hash
    }
    ExecutionPayloadEnvelope sealed = new ExecutionPayloadEnvelope(L2Headers.withHash(unsealed.payload(), h.hash),
        unsealed.parentBeaconBlockRoot());
    h.seen = sealed;
    return sealed;
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
    return executeShared(parent, number, timestamp, txs).result();
  }

  /**
   * As {@link #execute}, with the remembered (immutable) copy of {@code txs}, equal to it: a payload
   * built from that list shares it with every other block built from the same transactions.
   */
  synchronized Executed executeShared(ExecutionPayload parent, long number, long timestamp, List<Bytes> txs) {
    Bucket bucket = find(number);
    if (bucket != null) {
      for (int i = bucket.executionCount - 1; i >= 0; i--) {
        Executed e = bucket.executions[i];
        if (e.timestamp() == timestamp && e.parent().blockHash().equals(parent.blockHash()) && sameExecutionInputs(e.parent(), parent)
            && e.txs().equals(txs)) {
          return e;
        }
      }
    }
    List<Bytes> fixed = List.copyOf(txs);
    Executed e = new Executed(parent, timestamp, fixed, PseudoExecution.execute(rollup, parent, number, timestamp, fixed));
    bucket = take(number);
    bucket.executionCount = append(bucket.executions, bucket.executionCount, e);
    return e;
  }
}
