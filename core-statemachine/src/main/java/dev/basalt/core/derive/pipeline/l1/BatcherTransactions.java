package dev.basalt.core.derive.pipeline.l1;

import dev.basalt.core.codec.DecodeException;
import dev.basalt.core.config.RollupConfig;
import dev.basalt.core.derive.pipeline.DropListener;
import dev.basalt.core.derive.pipeline.DropReason;
import dev.basalt.core.l1.InboxTransaction;
import dev.basalt.core.l1.IndexedBlobHash;
import dev.basalt.core.tx.SenderMemo;
import dev.basalt.core.tx.Transaction;
import dev.basalt.core.tx.TxCodec;
import dev.basalt.core.tx.TxType;
import dev.basalt.core.types.Address;
import dev.basalt.core.types.Bytes;
import dev.basalt.core.types.Hash32;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Picks the batcher data out of one L1 block's inbox transactions, as op-node's calldata and blob
 * data sources do: a transaction counts only if it is addressed to the batch inbox and signed by
 * the system config's batcher (sender recovered with the L1 chain id); transactions of unknown
 * types are skipped ("future-proof" derivation). In blob mode, blob transactions contribute their
 * blobs (to be fetched) and every other transaction its calldata, in transaction order.
 */
public final class BatcherTransactions {
  private BatcherTransactions() {}

  /**
   * The block's batcher data in order: calldata as bytes, and one null placeholder per blob, whose
   * hash is at the same position in {@code blobHashes}.
   */
  public record Selection(List<Bytes> items, List<IndexedBlobHash> blobHashes) {
    public Selection {
      items = Collections.unmodifiableList(new ArrayList<>(items));
      blobHashes = List.copyOf(blobHashes);
    }
  }

  public static Selection select(
      List<InboxTransaction> txs, Address batcher, RollupConfig config, boolean blobMode, DropListener drops) {
    return select(txs, batcher, config, blobMode, drops, new SenderMemo());
  }

  /** As above, recovering senders through {@code senders} (the same answers, remembered). */
  public static Selection select(
      List<InboxTransaction> txs, Address batcher, RollupConfig config, boolean blobMode, DropListener drops,
      SenderMemo senders) {
    List<Bytes> items = new ArrayList<>();
    List<IndexedBlobHash> hashes = new ArrayList<>();
    for (InboxTransaction inbox : txs) {
      Transaction tx = validBatcherTx(inbox, batcher, config, drops, senders);
      if (tx == null) {
        continue;
      }
      if (!blobMode || tx.type() != TxType.BLOB) {
        items.add(tx.data());
        continue;
      }
      if (!tx.data().isEmpty()) {
        drops.dropped(DropReason.BLOB_TX_CALLDATA_IGNORED, "tx " + inbox.txIndex() + " carries " + tx.data().length() + " calldata bytes");
      }
      List<Hash32> versioned = tx.blobVersionedHashes();
      for (int i = 0; i < versioned.size(); i++) {
        hashes.add(new IndexedBlobHash(inbox.firstBlobIndex() + i, versioned.get(i)));
        items.add(null);
      }
    }
    return new Selection(items, hashes);
  }

  /** The decoded transaction if it is a valid batcher transaction, else null (reported as a drop). */
  static Transaction validBatcherTx(
      InboxTransaction inbox, Address batcher, RollupConfig config, DropListener drops, SenderMemo senders) {
    byte[] envelope = inbox.envelope().toArray();
    Transaction tx;
    try {
      // Without the transaction hash, which nothing here reads (a batcher tx can be 128 KiB).
      tx = TxCodec.decodeTransaction(envelope);
    } catch (DecodeException e) {
      drops.dropped(DropReason.TX_UNDECODABLE, "tx " + inbox.txIndex() + ": " + e.getMessage());
      return null;
    }
    if (tx == null) {
      drops.dropped(DropReason.TX_UNKNOWN_TYPE, "tx " + inbox.txIndex() + ": " + TxCodec.decode(envelope));
      return null;
    }
    if (tx.to() == null || !tx.to().equals(config.batchInboxAddress())) {
      drops.dropped(DropReason.TX_NOT_TO_INBOX, "tx " + inbox.txIndex() + " is addressed to " + tx.to());
      return null;
    }
    // go-ethereum's L1 signer rejects a chain id other than the L1's before recovering anything;
    // unprotected legacy transactions carry none and are accepted.
    BigInteger chainId = tx.chainId();
    if (chainId != null && !chainId.equals(BigInteger.valueOf(config.l1ChainId()))) {
      drops.dropped(DropReason.TX_BAD_SIGNATURE, "tx " + inbox.txIndex() + " is for chain " + chainId);
      return null;
    }
    Optional<Address> sender = senders.sender(tx, batcher);
    if (sender.isEmpty()) {
      drops.dropped(DropReason.TX_BAD_SIGNATURE, "tx " + inbox.txIndex() + " has an invalid signature");
      return null;
    }
    if (!sender.get().equals(batcher)) {
      drops.dropped(DropReason.TX_UNAUTHORIZED_SENDER, "tx " + inbox.txIndex() + " sent by " + sender.get());
      return null;
    }
    return tx;
  }
}
