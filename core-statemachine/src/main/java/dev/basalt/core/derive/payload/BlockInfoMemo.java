package dev.basalt.core.derive.payload;

import dev.basalt.core.config.RollupConfig;
import dev.basalt.core.derive.L2BlockInfo;
import dev.basalt.core.engine.ExecutionPayload;
import dev.basalt.core.types.Bytes;
import dev.basalt.core.types.Hash32;
import java.util.List;

/**
 * Remembers what {@link PayloadBlockInfo#decode} read from recent L2 blocks: the same block comes
 * back from the engine many times (derivation walking back over the safe chain, resets, the
 * controller's tasks checking what they inserted), and each reading decodes its L1-info deposit.
 *
 * <p>The key is everything {@code decode} reads, compared by value: the rollup config (the same
 * object), the block's number, hash, parent hash, timestamp, gas limit and extra data, and its
 * first transaction (the L1-info deposit) or its absence. The other transactions are only carried
 * into the answer, which a hit therefore rebuilds around the asking payload's own list. So a hit
 * answers exactly what {@code decode} would: a memo can never change an output. It is
 * direct-mapped and bounded ({@value #SLOTS} entries, a newer block overwrites its slot), is never
 * iterated and never written to a snapshot: a restored core starts with an empty one.
 */
public final class BlockInfoMemo {
  private static final int SLOTS = 256;

  private record Entry(
      RollupConfig rollup, long number, Hash32 hash, Hash32 parentHash, long timestamp, long gasLimit, Bytes extraData,
      Bytes firstTx, L2BlockInfoDecoding answer) {

    boolean matches(RollupConfig r, ExecutionPayload p, Bytes first) {
      return rollup == r && number == p.blockNumber() && timestamp == p.timestamp() && gasLimit == p.gasLimit()
          && hash.equals(p.blockHash()) && parentHash.equals(p.parentHash()) && extraData.equals(p.extraData())
          && (firstTx == null ? first == null : firstTx.equals(first));
    }
  }

  private final Entry[] entries = new Entry[SLOTS];

  /** As {@link PayloadBlockInfo#decode}, remembered. */
  public L2BlockInfoDecoding decode(RollupConfig rollup, ExecutionPayload payload) {
    List<Bytes> txs = payload.transactions();
    Bytes first = txs.isEmpty() ? null : txs.get(0);
    int slot = payload.blockHash().hashCode() & (SLOTS - 1);
    Entry e = entries[slot];
    if (e != null && e.matches(rollup, payload, first)) {
      return e.answer() instanceof L2BlockInfoDecoding.Decoded d
          ? new L2BlockInfoDecoding.Decoded(new L2BlockInfo(d.info().ref(), d.info().systemConfig(), txs))
          : e.answer();
    }
    L2BlockInfoDecoding answer = PayloadBlockInfo.decode(rollup, payload);
    entries[slot] = new Entry(rollup, payload.blockNumber(), payload.blockHash(), payload.parentHash(), payload.timestamp(),
        payload.gasLimit(), payload.extraData(), first, answer);
    return answer;
  }
}
