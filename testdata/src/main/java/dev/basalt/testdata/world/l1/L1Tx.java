package dev.basalt.testdata.world.l1;

import dev.basalt.core.tx.Transaction;
import dev.basalt.core.tx.TxCodec;
import dev.basalt.core.types.Address;
import dev.basalt.core.types.Bytes;
import dev.basalt.core.types.Hash32;
import dev.basalt.core.types.Log;
import java.util.List;
import java.util.Objects;

/**
 * A signed L1 transaction with what executing it would have produced. The world has no EVM, so the
 * effects come with the transaction: its logs (a portal call carries its {@code
 * TransactionDeposited} log), success, and gas used (intrinsic gas plus a flat amount per log).
 *
 * @param blobs the blob sidecars of a blob transaction, in its versioned-hash order; their indices
 *     become block-wide when the transaction is mined
 */
public record L1Tx(Transaction tx, Bytes envelope, Hash32 hash, Address from, List<Log> logs, boolean success, long gasUsed,
    List<BlobSidecar> blobs) {
  public L1Tx {
    Objects.requireNonNull(tx, "tx");
    Objects.requireNonNull(envelope, "envelope");
    Objects.requireNonNull(hash, "hash");
    Objects.requireNonNull(from, "from");
    logs = List.copyOf(logs);
    blobs = List.copyOf(blobs);
    if (blobs.size() != tx.blobVersionedHashes().size()) {
      throw new IllegalArgumentException("one sidecar per versioned hash");
    }
  }

  /** A signed transaction and its effects; the envelope and hash are computed here. */
  public static L1Tx of(Transaction signed, Address from, List<Log> logs, boolean success, long gasUsed, List<BlobSidecar> blobs) {
    byte[] envelope = TxCodec.encode(signed);
    return new L1Tx(signed, Bytes.wrapOwned(envelope), dev.basalt.core.crypto.Keccak.hash(envelope), from, logs, success, gasUsed, blobs);
  }

  public Address to() {
    return tx.to();
  }

  public int typeByte() {
    return tx.type().typeByte();
  }

  /** The same transaction with its blobs numbered from {@code firstIndex} (block-wide). */
  L1Tx withBlobsFrom(int firstIndex) {
    List<BlobSidecar> indexed = new java.util.ArrayList<>(blobs.size());
    for (int i = 0; i < blobs.size(); i++) {
      indexed.add(blobs.get(i).at(firstIndex + i));
    }
    return new L1Tx(tx, envelope, hash, from, logs, success, gasUsed, indexed);
  }
}
