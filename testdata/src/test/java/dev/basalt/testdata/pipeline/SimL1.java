package dev.basalt.testdata.pipeline;

import dev.basalt.core.crypto.SigningKey;
import dev.basalt.core.derive.blob.Blob;
import dev.basalt.core.l1.InboxTransaction;
import dev.basalt.core.l1.IndexedBlobHash;
import dev.basalt.core.l1.L1Block;
import dev.basalt.core.tx.BlobTx;
import dev.basalt.core.tx.DynamicFeeTx;
import dev.basalt.core.tx.Transaction;
import dev.basalt.core.tx.TxCodec;
import dev.basalt.core.types.Address;
import dev.basalt.core.types.Bytes;
import dev.basalt.core.types.Hash32;
import dev.basalt.core.types.L1BlockRef;
import dev.basalt.core.types.ReceiptLog;
import dev.basalt.testdata.gen.SimRng;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * A simulated L1 chain for derivation tests: parent-linked blocks twelve seconds apart with random
 * hashes, each holding the transactions sent to the batch inbox (signed calldata and blob
 * transactions), system-config logs, and the blobs a beacon node would serve, by block-wide index.
 */
final class SimL1 {
  static final long BLOCK_TIME = 12;

  final long l1ChainId;
  final Address inbox;
  final List<L1BlockRef> refs = new ArrayList<>();
  private final SimRng rng;
  private final TreeMap<Long, List<InboxTransaction>> inboxTxs = new TreeMap<>();
  private final TreeMap<Long, List<ReceiptLog>> logs = new TreeMap<>();
  private final TreeMap<Long, TreeMap<Integer, Bytes>> blobs = new TreeMap<>();
  private final TreeMap<Long, Integer> nextBlobIndex = new TreeMap<>();
  private final TreeMap<Long, Integer> nextTxIndex = new TreeMap<>();
  private long nonce;

  SimL1(SimRng rng, long l1ChainId, Address inbox, long genesisTime, int blocks) {
    this.rng = rng;
    this.l1ChainId = l1ChainId;
    this.inbox = inbox;
    Hash32 parent = Hash32.wrap(rng.bytes(32));
    for (int n = 0; n < blocks; n++) {
      Hash32 h = Hash32.wrap(rng.bytes(32));
      refs.add(new L1BlockRef(h, n, parent, genesisTime + BLOCK_TIME * n));
      parent = h;
    }
  }

  L1BlockRef ref(long number) {
    return refs.get((int) number);
  }

  int size() {
    return refs.size();
  }

  /** Transactions of others come between the inbox ones: indices and blob indices have gaps. */
  private int txIndex(long block) {
    int i = nextTxIndex.getOrDefault(block, 0) + 1 + rng.nextInt(3);
    nextTxIndex.put(block, i);
    return i;
  }

  void addCalldataTx(long block, SigningKey key, Bytes data) {
    Transaction tx = new DynamicFeeTx(BigInteger.valueOf(l1ChainId), nonce++, BigInteger.ONE, BigInteger.TEN, 1_000_000, inbox,
        BigInteger.ZERO, data, List.of(), TxCodec.placeholderSignature());
    addRaw(block, Bytes.wrapOwned(TxCodec.encode(TxCodec.sign(tx, key))));
  }

  /** Any envelope bytes, valid or not. */
  void addRaw(long block, Bytes envelope) {
    inboxTxs.computeIfAbsent(block, b -> new ArrayList<>()).add(new InboxTransaction(txIndex(block), envelope, 0));
  }

  void addBlobTx(long block, SigningKey key, List<Blob> txBlobs) {
    int first = nextBlobIndex.getOrDefault(block, 0) + rng.nextInt(3);
    List<Hash32> hashes = new ArrayList<>();
    TreeMap<Integer, Bytes> served = blobs.computeIfAbsent(block, b -> new TreeMap<>());
    for (int i = 0; i < txBlobs.size(); i++) {
      Bytes blob = Bytes.wrapOwned(txBlobs.get(i).toArray());
      hashes.add(versionedHash(blob));
      served.put(first + i, blob);
    }
    nextBlobIndex.put(block, first + txBlobs.size());
    Transaction tx = new BlobTx(BigInteger.valueOf(l1ChainId), nonce++, BigInteger.ONE, BigInteger.TEN, 1_000_000, inbox,
        BigInteger.ZERO, Bytes.EMPTY, List.of(), BigInteger.ONE, hashes, TxCodec.placeholderSignature());
    Bytes envelope = Bytes.wrapOwned(TxCodec.encode(TxCodec.sign(tx, key)));
    inboxTxs.computeIfAbsent(block, b -> new ArrayList<>()).add(new InboxTransaction(txIndex(block), envelope, first));
  }

  void addLog(long block, ReceiptLog log) {
    logs.computeIfAbsent(block, b -> new ArrayList<>()).add(log);
  }

  List<ReceiptLog> logs(long block) {
    return logs.getOrDefault(block, List.of());
  }

  L1Block block(long number) {
    L1BlockRef ref = ref(number);
    return new L1Block(ref, BigInteger.valueOf(7), Hash32.wrap(ref.hash().toArray()), OptionalLong.of(0), Optional.of(ref.parentHash()),
        inboxTxs.getOrDefault(number, List.of()), logs(number));
  }

  /** What a beacon node answers: the blobs at the asked block-wide indices. */
  List<Bytes> blobs(L1BlockRef ref, List<IndexedBlobHash> hashes) {
    TreeMap<Integer, Bytes> served = blobs.getOrDefault(ref.number(), new TreeMap<>());
    List<Bytes> out = new ArrayList<>();
    for (IndexedBlobHash h : hashes) {
      Bytes b = served.get(h.index());
      if (b == null || !versionedHash(b).equals(h.versionedHash())) {
        throw new AssertionError("asked for blob " + h + " of " + ref + ", which the block does not hold");
      }
      out.add(b);
    }
    return out;
  }

  /** A stand-in for the KZG versioned hash: version 1, then 31 bytes of the blob's SHA-256. */
  static Hash32 versionedHash(Bytes blob) {
    try {
      byte[] h = MessageDigest.getInstance("SHA-256").digest(blob.toArray());
      h[0] = 1;
      return Hash32.wrap(h);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
