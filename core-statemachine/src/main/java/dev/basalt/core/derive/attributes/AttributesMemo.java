package dev.basalt.core.derive.attributes;

import dev.basalt.core.collect.KnownEqual;
import dev.basalt.core.config.L1ChainConfig;
import dev.basalt.core.config.RollupConfig;
import dev.basalt.core.config.SystemConfig;
import dev.basalt.core.derive.L2BlockInfo;
import dev.basalt.core.derive.PrepareOutcome;
import dev.basalt.core.l1.L1Block;
import dev.basalt.core.types.Hash32;
import dev.basalt.core.types.L1BlockRef;
import dev.basalt.core.types.L2BlockRef;
import dev.basalt.core.types.ReceiptLog;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Remembers what {@link StatefulAttributesPreparer#prepare} answered, so that attributes prepared
 * again (derivation after a pipeline reset or a restart re-deriving blocks it prepared before,
 * several cores sharing one memo) cost no Keccak, no deposit encoding and no blob-fee arithmetic.
 *
 * <p>The key is everything the preparation reads, compared by value: the rollup and L1 chain
 * configs, the parent's reference and system config (its transactions are never read), the
 * timestamp, and every field of the L1 origin but its inbox transactions (never read; not kept, so
 * a memo holds no batcher data). A hit therefore returns exactly the outcome that preparing would
 * return, an immutable value: a memo can never change an output. Direct-mapped by the parent's
 * hash and the timestamp, bounded ({@value #SLOTS} entries, a newer key overwrites its slot), never
 * iterated and never written to a snapshot. One thread only.
 */
public final class AttributesMemo {
  private static final int SLOTS = 4096;

  private record Entry(RollupConfig rollup, L1ChainConfig l1Chain, L2BlockRef parent, SystemConfig parentConfig,
      long timestamp, L1BlockRef epoch, BigInteger baseFeePerGas, Hash32 mixHash, OptionalLong excessBlobGas,
      Optional<Hash32> parentBeaconBlockRoot, List<ReceiptLog> logs, PrepareOutcome outcome) {}

  private final Entry[] entries = new Entry[SLOTS];
  private final KnownEqual<RollupConfig> rollups = new KnownEqual<>();
  private final KnownEqual<L1ChainConfig> l1Chains = new KnownEqual<>();

  /** What preparing a child of {@code parent} at {@code timestamp} on {@code epoch} answered, or null. */
  PrepareOutcome find(RollupConfig rollup, L1ChainConfig l1Chain, L2BlockInfo parent, L1Block epoch, long timestamp) {
    Entry e = entries[slot(parent.ref(), timestamp)];
    return e != null && matches(e, rollup, l1Chain, parent, epoch, timestamp) ? e.outcome() : null;
  }

  /** Remembers that preparing a child of {@code parent} at {@code timestamp} on {@code epoch} answered {@code outcome}. */
  void remember(RollupConfig rollup, L1ChainConfig l1Chain, L2BlockInfo parent, L1Block epoch, long timestamp,
      PrepareOutcome outcome) {
    entries[slot(parent.ref(), timestamp)] = new Entry(rollup, l1Chain, parent.ref(), parent.systemConfig(), timestamp,
        epoch.ref(), epoch.baseFeePerGas(), epoch.mixHash(), epoch.excessBlobGas(), epoch.parentBeaconBlockRoot(),
        epoch.logs(), outcome);
  }

  private static int slot(L2BlockRef parent, long timestamp) {
    int h = parent.hash().hashCode() * 31 + Long.hashCode(timestamp);
    return (h ^ (h >>> 16)) & (SLOTS - 1);
  }

  private boolean matches(
      Entry e, RollupConfig rollup, L1ChainConfig l1Chain, L2BlockInfo parent, L1Block epoch, long timestamp) {
    return e.timestamp() == timestamp
        && e.parent().equals(parent.ref())
        && e.epoch().equals(epoch.ref())
        && e.mixHash().equals(epoch.mixHash())
        && e.baseFeePerGas().equals(epoch.baseFeePerGas())
        && e.excessBlobGas().equals(epoch.excessBlobGas())
        && e.parentBeaconBlockRoot().equals(epoch.parentBeaconBlockRoot())
        && e.parentConfig().equals(parent.systemConfig())
        && e.logs().equals(epoch.logs())
        && rollups.same(e.rollup(), rollup)
        && l1Chains.same(e.l1Chain(), l1Chain);
  }
}
