package dev.basalt.testdata.world.l1;

import dev.basalt.core.types.BlockId;
import dev.basalt.core.types.Hash32;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The blocks of the simulated L1: the canonical chain by number, every block ever mined by hash
 * (side forks stay readable by hash, as on a real node), the canonical transactions by hash, and the
 * {@code safe} and {@code finalized} labels.
 *
 * <p>Labels either follow the head at the configured depths or are held: {@link #holdFinality()}
 * lets finality lag, {@link #releaseFinality()} makes it jump to where it would have been. Labels
 * never point above the head, and a reorg never reaches below {@code finalized}.
 */
public final class L1ChainStore {
  /** Where a canonical transaction is: block number and position. */
  public record TxLocation(long blockNumber, int index) {}

  private final L1Params params;
  private final List<MinedL1Block> canonical = new ArrayList<>();
  private final Map<Hash32, MinedL1Block> byHash = new HashMap<>();
  private final Map<Hash32, TxLocation> txs = new HashMap<>();
  private long safeNumber;
  private long finalizedNumber;
  private boolean finalityHeld;
  private boolean safeHeld;

  L1ChainStore(L1Params params, MinedL1Block genesis) {
    this.params = params;
    append(genesis);
  }

  void append(MinedL1Block block) {
    if (!canonical.isEmpty() && !block.parentHash().equals(head().hash())) {
      throw new IllegalArgumentException("block " + block.number() + " does not extend the head");
    }
    canonical.add(block);
    byHash.put(block.hash(), block);
    for (int i = 0; i < block.transactions().size(); i++) {
      txs.put(block.transactions().get(i).hash(), new TxLocation(block.number(), i));
    }
    followHead();
  }

  /** Removes the newest {@code depth} blocks from the canonical chain (they stay readable by hash). */
  List<MinedL1Block> rewind(int depth) {
    if (depth < 0 || depth >= canonical.size()) {
      throw new IllegalArgumentException("cannot rewind " + depth + " of " + canonical.size() + " blocks");
    }
    if (head().number() - depth < finalizedNumber) {
      throw new IllegalArgumentException("a reorg of depth " + depth + " would reach below finalized block " + finalizedNumber);
    }
    List<MinedL1Block> removed = new ArrayList<>(canonical.subList(canonical.size() - depth, canonical.size()));
    for (int i = 0; i < depth; i++) {
      MinedL1Block b = canonical.remove(canonical.size() - 1);
      b.transactions().forEach(tx -> txs.remove(tx.hash()));
    }
    safeNumber = Math.min(safeNumber, head().number());
    return removed;
  }

  private void followHead() {
    long head = head().number();
    if (!safeHeld) {
      safeNumber = Math.max(safeNumber, Math.max(0, head - params.safeDepth()));
    }
    if (!finalityHeld) {
      finalizedNumber = Math.max(finalizedNumber, Math.max(0, head - params.finalizedDepth()));
    }
    safeNumber = Math.max(safeNumber, finalizedNumber);
  }

  public MinedL1Block head() {
    return canonical.get(canonical.size() - 1);
  }

  public MinedL1Block genesis() {
    return canonical.get(0);
  }

  public MinedL1Block safe() {
    return canonical.get((int) safeNumber);
  }

  public MinedL1Block finalized() {
    return canonical.get((int) finalizedNumber);
  }

  /** The canonical block at {@code number}, if the chain is that long. */
  public Optional<MinedL1Block> byNumber(long number) {
    return number >= 0 && number < canonical.size() ? Optional.of(canonical.get((int) number)) : Optional.empty();
  }

  /** Any block ever mined with this hash, canonical or not. */
  public Optional<MinedL1Block> byHash(Hash32 hash) {
    return Optional.ofNullable(byHash.get(hash));
  }

  public boolean isCanonical(Hash32 hash) {
    MinedL1Block b = byHash.get(hash);
    return b != null && byNumber(b.number()).map(c -> c.hash().equals(hash)).orElse(false);
  }

  /**
   * {@link #isCanonical(Hash32) isCanonical(id.hash())}, answered from the canonical block at the
   * id's number when that is the block (a list read instead of a lookup in the map of every block
   * ever mined, which showed in profiles of long worlds); otherwise looked up by hash as before, so
   * a wrong number costs time, not correctness.
   */
  public boolean isCanonical(BlockId id) {
    long n = id.number();
    if (n >= 0 && n < canonical.size() && canonical.get((int) n).hash().equals(id.hash())) {
      return true; // that block is in byHash (every appended block is) and canonical at its own number
    }
    return isCanonical(id.hash());
  }

  /**
   * {@link #byHash(Hash32) byHash(hash)}, answered from the canonical block at {@code number} when
   * that is the block: the very object the map holds (a block is appended only on the head, so while
   * it is canonical no other block with its hash can have been appended after it), found by a list
   * read; otherwise looked up by hash, so a wrong number costs time, not correctness.
   */
  public Optional<MinedL1Block> byHash(Hash32 hash, long number) {
    if (number >= 0 && number < canonical.size()) {
      MinedL1Block b = canonical.get((int) number);
      if (b.hash().equals(hash)) {
        return Optional.of(b);
      }
    }
    return byHash(hash);
  }

  /** Where a canonical transaction was included. */
  public Optional<TxLocation> transaction(Hash32 txHash) {
    return Optional.ofNullable(txs.get(txHash));
  }

  /** The canonical chain from genesis to head. */
  public List<MinedL1Block> canonical() {
    return List.copyOf(canonical);
  }

  /** Stops {@code finalized} from following the head until {@link #releaseFinality()}. */
  public void holdFinality() {
    finalityHeld = true;
  }

  /** Lets {@code finalized} follow the head again, jumping to its usual depth at once. */
  public void releaseFinality() {
    finalityHeld = false;
    followHead();
  }

  /** Stops {@code safe} from following the head until {@link #releaseSafe()}. */
  public void holdSafe() {
    safeHeld = true;
  }

  public void releaseSafe() {
    safeHeld = false;
    followHead();
  }

  /** Pins both labels (held until released); {@code finalized <= safe <= head}. */
  public void setLabels(long safe, long finalized) {
    if (finalized > safe || safe > head().number() || finalized < 0) {
      throw new IllegalArgumentException("labels must satisfy 0 <= finalized <= safe <= head");
    }
    safeHeld = true;
    finalityHeld = true;
    safeNumber = safe;
    finalizedNumber = finalized;
  }
}
