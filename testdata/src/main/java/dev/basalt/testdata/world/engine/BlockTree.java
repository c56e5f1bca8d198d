package dev.basalt.testdata.world.engine;

import dev.basalt.core.engine.ExecutionPayloadEnvelope;
import dev.basalt.core.engine.ForkchoiceState;
import dev.basalt.core.types.Hash32;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The engine's blocks keyed by hash, the canonical chain (the head's ancestry by number), the
 * {@code safe} and {@code finalized} labels from the last forkchoice, blocks known to be invalid,
 * and the number up to which blocks are "persisted" (survive a restart).
 */
final class BlockTree {
  private final Map<Hash32, ExecutionPayloadEnvelope> blocks = new HashMap<>();
  /**
   * The hashes of {@link #blocks} by block number, {@code hashesByNumber.get(i)} at number {@code
   * genesisNumber + i} (null where none): a restart drops the blocks above a number without a scan.
   * An index rather than a sorted map: blocks arrive mostly at the top, where a tree walks its
   * whole right spine.
   */
  private final ArrayList<List<Hash32>> hashesByNumber = new ArrayList<>();
  /**
   * The canonical chain's blocks by number, {@code canonical.get(i)} at number {@code genesisNumber
   * + i}: contiguous from genesis to the head (every block's ancestry is complete), so a lookup by
   * number is an index, not a hash lookup per block. Each entry is the envelope {@link #blocks}
   * holds under that block's hash ({@link #add} keeps the two in step when it replaces one).
   */
  private final ArrayList<ExecutionPayloadEnvelope> canonical = new ArrayList<>();
  private final long genesisNumber;
  private final Map<Hash32, Hash32> invalidParents = new HashMap<>();
  private final ExecutionPayloadEnvelope genesis;
  private Hash32 head;
  private Hash32 safe;
  private Hash32 finalized;
  private long persistedNumber;
  /**
   * The last blocks found by hash, newest replacing oldest ({@value #RECENT} entries): one update
   * asks for the same few hashes many times (the head in the refusal checks, the ancestry checks,
   * the forkchoice itself and the oracle watching it; the safe and finalized labels every update),
   * and a big map's lookup is a walk through cold memory. Only positive answers are kept, and the
   * whole cache is dropped whenever {@link #blocks} loses or replaces an entry, so a hit answers
   * exactly what {@link #blocks} would. Never iterated for an output.
   */
  private static final int RECENT = 8;
  private final Hash32[] recentHashes = new Hash32[RECENT];
  private final int[] recentCodes = new int[RECENT];
  private final ExecutionPayloadEnvelope[] recentBlocks = new ExecutionPayloadEnvelope[RECENT];
  private int recentNext;
  /** The block last found by hash: a walk down the chain asks for its parent next. */
  private ExecutionPayloadEnvelope lastFound;

  BlockTree(ExecutionPayloadEnvelope genesis) {
    this.genesis = genesis;
    this.genesisNumber = genesis.payload().blockNumber();
    Hash32 h = genesis.payload().blockHash();
    add(genesis);
    head = safe = finalized = h;
    canonical.add(genesis);
    persistedNumber = genesis.payload().blockNumber();
  }

  Optional<ExecutionPayloadEnvelope> get(Hash32 hash) {
    return Optional.ofNullable(find(hash));
  }

  boolean contains(Hash32 hash) {
    return find(hash) != null;
  }

  /**
   * {@code blocks.get(hash)}, answered from the recent finds, or for the parent of the block found
   * last from the canonical index when that block's parent is canonical (the index holds exactly
   * what {@link #blocks} holds under a canonical block's hash), before the map itself.
   */
  private ExecutionPayloadEnvelope find(Hash32 hash) {
    int code = hash.hashCode();
    for (int i = 0; i < RECENT; i++) {
      if (recentCodes[i] == code && hash.equals(recentHashes[i])) {
        return recentBlocks[i];
      }
    }
    ExecutionPayloadEnvelope b = null;
    ExecutionPayloadEnvelope last = lastFound;
    if (last != null && hash.equals(last.payload().parentHash())) {
      ExecutionPayloadEnvelope c = canonicalAt(last.payload().blockNumber() - 1);
      if (c != null && hash.equals(c.payload().blockHash())) {
        b = c;
      }
    }
    if (b == null) {
      b = blocks.get(hash);
      if (b == null) {
        return null;
      }
    }
    lastFound = b;
    recentHashes[recentNext] = hash;
    recentCodes[recentNext] = code;
    recentBlocks[recentNext] = b;
    recentNext = (recentNext + 1) % RECENT;
    return b;
  }

  /** {@link #blocks} lost or replaced an entry: forget every recent find. */
  private void forgetRecent() {
    java.util.Arrays.fill(recentHashes, null);
    java.util.Arrays.fill(recentCodes, 0);
    java.util.Arrays.fill(recentBlocks, null);
    lastFound = null;
  }

  void add(ExecutionPayloadEnvelope block) {
    Hash32 hash = block.payload().blockHash();
    long number = block.payload().blockNumber();
    ExecutionPayloadEnvelope replaced = blocks.put(hash, block);
    if (replaced != null) {
      forgetRecent();
      long replacedNumber = replaced.payload().blockNumber();
      if (canonicalAt(replacedNumber) == replaced) {
        canonical.set(index(replacedNumber), block); // the index holds what blocks holds under that hash
      }
      if (replacedNumber == number) {
        return;
      }
      hashesByNumber.get(index(replacedNumber)).remove(hash); // a payload claiming another's hash
    }
    int i = index(number);
    while (hashesByNumber.size() <= i) {
      hashesByNumber.add(null);
    }
    List<Hash32> atNumber = hashesByNumber.get(i);
    if (atNumber == null) {
      atNumber = new ArrayList<>(2);
      hashesByNumber.set(i, atNumber);
    }
    atNumber.add(hash);
  }

  void markInvalid(Hash32 hash, Hash32 parentHash) {
    invalidParents.put(hash, parentHash);
  }

  boolean isInvalid(Hash32 hash) {
    return invalidParents.containsKey(hash);
  }

  /** The newest valid ancestor of an invalid block (what {@code latestValidHash} reports). */
  Optional<Hash32> latestValidAncestor(Hash32 invalidHash) {
    Hash32 h = invalidHash;
    while (invalidParents.containsKey(h)) {
      h = invalidParents.get(h);
    }
    return contains(h) ? Optional.of(h) : Optional.empty();
  }

  ExecutionPayloadEnvelope genesis() {
    return genesis;
  }

  ExecutionPayloadEnvelope head() {
    return find(head);
  }

  ExecutionPayloadEnvelope safe() {
    return find(safe);
  }

  ExecutionPayloadEnvelope finalized() {
    return find(finalized);
  }

  Optional<ExecutionPayloadEnvelope> canonical(long number) {
    return Optional.ofNullable(canonicalAt(number));
  }

  /** The canonical block at {@code number}, or null above the head or below genesis. */
  private ExecutionPayloadEnvelope canonicalAt(long number) {
    long i = number - genesisNumber;
    return number < genesisNumber || i >= canonical.size() ? null : canonical.get((int) i);
  }

  private Hash32 canonicalHash(long number) {
    ExecutionPayloadEnvelope b = canonicalAt(number);
    return b == null ? null : b.payload().blockHash();
  }

  /** The position of {@code number} in the by-number indexes (blocks below genesis have no place in the tree). */
  private int index(long number) {
    if (number < genesisNumber) {
      throw new IllegalArgumentException("block " + number + " is below genesis " + genesisNumber);
    }
    return Math.toIntExact(number - genesisNumber);
  }

  /** True when {@code ancestor} is {@code descendant} or one of its ancestors. */
  boolean isAncestor(Hash32 ancestor, Hash32 descendant) {
    ExecutionPayloadEnvelope a = find(ancestor);
    ExecutionPayloadEnvelope d = find(descendant);
    if (a == null || d == null) {
      return false;
    }
    long ancestorNumber = a.payload().blockNumber();
    while (d != null && d.payload().blockNumber() > ancestorNumber) {
      // Once the walk reaches the canonical chain the rest of it is the canonical index: blocks
      // join the tree only after their parents and leave it only from the top (restart), so
      // every block's ancestry is complete and the index is the head's ancestry by number.
      if (d == canonicalAt(d.payload().blockNumber())) {
        return ancestor.equals(canonicalHash(ancestorNumber));
      }
      d = find(d.payload().parentHash());
    }
    return d != null && d.payload().blockHash().equals(ancestor);
  }

  /** Makes {@code state} the forkchoice; all three hashes must be known (zero safe/finalized mean genesis). */
  void setForkchoice(ForkchoiceState state) {
    head = state.headBlockHash();
    safe = state.safeBlockHash().isZero() ? genesis.payload().blockHash() : state.safeBlockHash();
    finalized = state.finalizedBlockHash().isZero() ? genesis.payload().blockHash() : state.finalizedBlockHash();
    rebuildCanonical();
  }

  private void rebuildCanonical() {
    ExecutionPayloadEnvelope b = find(head);
    int top = index(b.payload().blockNumber());
    if (canonical.size() > top + 1) {
      canonical.subList(top + 1, canonical.size()).clear();
    }
    while (canonical.size() < top + 1) {
      canonical.add(null); // filled by the walk below: the head's ancestry reaches genesis
    }
    while (b != null) {
      ExecutionPayloadEnvelope old = canonical.set(index(b.payload().blockNumber()), b);
      if (old == b) {
        break;
      }
      b = find(b.payload().parentHash());
    }
  }

  void persistHead() {
    persistedNumber = head().payload().blockNumber();
  }

  long persistedNumber() {
    return persistedNumber;
  }

  /**
   * An execution client restart: every block above the persisted number is gone, the head falls
   * back to the persisted canonical block, and labels above it fall back with it.
   */
  void restart() {
    // The head may have moved below the persisted block since (a reorg to a shorter branch).
    Hash32 newHead = canonicalHash(Math.min(persistedNumber, head().payload().blockNumber()));
    int kept = index(persistedNumber) + 1;
    if (hashesByNumber.size() > kept) {
      List<List<Hash32>> lost = hashesByNumber.subList(kept, hashesByNumber.size());
      for (List<Hash32> hashes : lost) {
        if (hashes != null) {
          hashes.forEach(blocks::remove);
        }
      }
      lost.clear();
      forgetRecent();
    }
    head = newHead;
    if (!contains(safe)) {
      safe = newHead;
    }
    if (!contains(finalized)) {
      finalized = newHead;
    }
    rebuildCanonical();
  }

  int size() {
    return blocks.size();
  }
}
