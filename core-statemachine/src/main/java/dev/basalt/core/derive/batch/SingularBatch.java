package dev.basalt.core.derive.batch;

import dev.basalt.core.rlp.RlpReader;
import dev.basalt.core.rlp.RlpWriter;
import dev.basalt.core.types.BlockId;
import dev.basalt.core.types.Bytes;
import dev.basalt.core.types.Hash32;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A version-0 batch: the inputs of one L2 block, encoded as {@code rlp([parent_hash, epoch_number,
 * epoch_hash, timestamp, transaction_list])}.
 *
 * @param parentHash hash of the previous L2 block (zero while a batch stage has yet to set it, for
 *     batches expanded from a span batch)
 * @param epochNumber L1 origin block number
 * @param epochHash L1 origin block hash
 * @param timestamp L2 block timestamp, seconds
 * @param transactions EIP-2718 encoded transactions, deposits excluded
 */
public record SingularBatch(Hash32 parentHash, long epochNumber, Hash32 epochHash, long timestamp, List<Bytes> transactions)
    implements BatchData {

  public SingularBatch {
    Objects.requireNonNull(parentHash, "parentHash");
    Objects.requireNonNull(epochHash, "epochHash");
    transactions = List.copyOf(transactions);
  }

  @Override
  public BatchType type() {
    return BatchType.SINGULAR;
  }

  public BlockId epoch() {
    return new BlockId(epochHash, epochNumber);
  }

  public SingularBatch withParentHash(Hash32 hash) {
    return new SingularBatch(hash, epochNumber, epochHash, timestamp, transactions);
  }

  /**
   * Reads the RLP list that follows the type byte. The list must have exactly five items of the
   * right shapes (go-ethereum's struct decoding); bytes after the list are left unread.
   */
  static SingularBatch readContent(RlpReader in) {
    RlpReader list = in.readList();
    Hash32 parentHash = list.readHash();
    long epochNumber = list.readUint64();
    Hash32 epochHash = list.readHash();
    long timestamp = list.readUint64();
    RlpReader txs = list.readList();
    List<Bytes> transactions = new ArrayList<>();
    while (txs.hasNext()) {
      transactions.add(txs.readBytesValue());
    }
    list.expectEnd();
    return new SingularBatch(parentHash, epochNumber, epochHash, timestamp, transactions);
  }

  void writeContent(RlpWriter out) {
    out.startList();
    out.hash(parentHash).uint64(epochNumber).hash(epochHash).uint64(timestamp);
    out.startList();
    for (Bytes tx : transactions) {
      out.bytes(tx);
    }
    out.endList();
    out.endList();
  }
}
