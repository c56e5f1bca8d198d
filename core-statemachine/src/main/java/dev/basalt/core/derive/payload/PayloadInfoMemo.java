package dev.basalt.core.derive.payload;

import dev.basalt.core.collect.KnownEqual;
import dev.basalt.core.config.RollupConfig;
import dev.basalt.core.config.SystemConfig;
import dev.basalt.core.derive.L2BlockInfo;
import dev.basalt.core.engine.ExecutionPayload;
import dev.basalt.core.types.Bytes;
import dev.basalt.core.types.Hash32;
import dev.basalt.core.types.L2BlockRef;

/**
 * Remembers what L2 blocks read back as ({@link PayloadBlockInfo#decode}), so that a block the
 * core reads again (derivation walking its L2 chain, a reset's walk back, the engine tasks
 * checking the block they built or consolidated) is not decoded again.
 *
 * <p>The key is everything {@link PayloadBlockInfo#decode} reads, compared by value: the rollup
 * config, the block's number, hash, parent hash, timestamp, gas limit, extra data and first
 * transaction (the L1-info deposit). The block's transactions, which the decoding only passes
 * through, are not kept (a memo of thousands of blocks must not hold their bodies): a hit answers
 * the remembered reading with this payload's transactions, exactly what decoding it would give. So
 * a memo can never change an output. Direct-mapped by block hash and bounded ({@value #SLOTS}
 * entries, a newer block overwrites its slot: enough for a reset's walk back over a channel
 * timeout of L2 blocks without the walk evicting itself), never iterated, never written to a
 * snapshot. One thread only.
 */
public final class PayloadInfoMemo {
  private static final int SLOTS = 8192;

  /** {@code decoded} is an {@link L2BlockInfoDecoding.Invalid} or the block's reference and system config. */
  private record Entry(RollupConfig rollup, long number, Hash32 hash, Hash32 parentHash, long timestamp,
      long gasLimit, Bytes extraData, Bytes firstTx, L2BlockInfoDecoding.Invalid invalid, L2BlockRef ref,
      SystemConfig systemConfig) {}

  private final Entry[] entries = new Entry[SLOTS];
  private final KnownEqual<RollupConfig> rollups = new KnownEqual<>();

  /** As {@link PayloadBlockInfo#decode}, remembered. */
  public L2BlockInfoDecoding decode(RollupConfig rollup, ExecutionPayload payload) {
    int slot = payload.blockHash().hashCode() & (SLOTS - 1);
    Entry e = entries[slot];
    if (e != null && matches(e, rollup, payload)) {
      if (e.rollup() != rollup) {
        // An equal config in another object (a core restored from a snapshot): keep the one now in
        // use, so later hits compare it by identity instead of field by field.
        e = new Entry(rollup, e.number(), e.hash(), e.parentHash(), e.timestamp(), e.gasLimit(), e.extraData(),
            e.firstTx(), e.invalid(), e.ref(), e.systemConfig());
        entries[slot] = e;
      }
      return e.invalid() != null
          ? e.invalid()
          : new L2BlockInfoDecoding.Decoded(new L2BlockInfo(e.ref(), e.systemConfig(), payload.transactions()));
    }
    L2BlockInfoDecoding decoded = PayloadBlockInfo.decode(rollup, payload);
    L2BlockInfoDecoding.Invalid invalid = decoded instanceof L2BlockInfoDecoding.Invalid i ? i : null;
    L2BlockInfo info = decoded instanceof L2BlockInfoDecoding.Decoded d ? d.info() : null;
    entries[slot] = new Entry(rollup, payload.blockNumber(), payload.blockHash(), payload.parentHash(),
        payload.timestamp(), payload.gasLimit(), payload.extraData(), firstTx(payload), invalid,
        info == null ? null : info.ref(), info == null ? null : info.systemConfig());
    return decoded;
  }

  private static Bytes firstTx(ExecutionPayload payload) {
    return payload.transactions().isEmpty() ? null : payload.transactions().get(0);
  }

  private boolean matches(Entry e, RollupConfig rollup, ExecutionPayload payload) {
    Bytes first = firstTx(payload);
    return e.number() == payload.blockNumber()
        && e.timestamp() == payload.timestamp()
        && e.gasLimit() == payload.gasLimit()
        && e.hash().equals(payload.blockHash())
        && e.parentHash().equals(payload.parentHash())
        && e.extraData().equals(payload.extraData())
        && (e.firstTx() == null ? first == null : e.firstTx().equals(first))
        && rollups.same(e.rollup(), rollup);
  }
}
