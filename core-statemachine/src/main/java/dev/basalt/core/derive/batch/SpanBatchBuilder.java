package dev.basalt.core.derive.batch;

import dev.basalt.core.types.Address;
import dev.basalt.core.types.Bytes;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects consecutive singular batches into one span batch (op-node's {@code SpanBatch}
 * {@code AppendSingularBatch} + {@code ToRawSpanBatch}), for batchers and test chains.
 */
public final class SpanBatchBuilder {
  private final long genesisTimestamp;
  private final long chainId;
  private final List<SingularBatch> blocks = new ArrayList<>();
  private final List<Boolean> originBits = new ArrayList<>();
  private final List<SignedTxFields> txs = new ArrayList<>();

  public SpanBatchBuilder(long genesisTimestamp, long chainId) {
    this.genesisTimestamp = genesisTimestamp;
    this.chainId = chainId;
  }

  /**
   * Adds the next block. {@code sequenceNumber} decides the first block's origin bit (set when the
   * block starts an epoch); later bits are set when the epoch number grows.
   *
   * @throws dev.basalt.core.codec.DecodeException when a transaction cannot go into a span batch
   */
  public SpanBatchBuilder add(SingularBatch batch, long sequenceNumber) {
    if (!blocks.isEmpty() && Long.compareUnsigned(blocks.get(blocks.size() - 1).timestamp(), batch.timestamp()) > 0) {
      throw new IllegalArgumentException("span batch blocks must be in timestamp order");
    }
    List<SignedTxFields> split = new ArrayList<>(batch.transactions().size());
    for (Bytes tx : batch.transactions()) {
      split.add(SignedTxFields.decode(tx, chainId));
    }
    boolean bit =
        blocks.isEmpty() ? sequenceNumber == 0 : blocks.get(blocks.size() - 1).epochNumber() < batch.epochNumber();
    blocks.add(batch);
    originBits.add(bit);
    txs.addAll(split);
    return this;
  }

  public int blockCount() {
    return blocks.size();
  }

  /** The span batch in wire form. */
  public RawSpanBatch build() {
    if (blocks.isEmpty()) {
      throw new IllegalStateException("cannot build an empty span batch");
    }
    SingularBatch first = blocks.get(0);
    SingularBatch last = blocks.get(blocks.size() - 1);
    SpanBatchPrefix prefix =
        new SpanBatchPrefix(
            first.timestamp() - genesisTimestamp,
            last.epochNumber(),
            Bytes.wrapOwned(first.parentHash().toArray()).slice(0, SpanBatchPrefix.CHECK_BYTES),
            Bytes.wrapOwned(last.epochHash().toArray()).slice(0, SpanBatchPrefix.CHECK_BYTES));
    long[] counts = new long[blocks.size()];
    boolean[] origins = new boolean[blocks.size()];
    for (int i = 0; i < counts.length; i++) {
      counts[i] = blocks.get(i).transactions().size();
      origins[i] = originBits.get(i);
    }
    return new RawSpanBatch(prefix, SpanBits.of(origins), U64List.wrapOwned(counts), columns());
  }

  private SpanBatchTxs columns() {
    int n = txs.size();
    boolean[] creation = new boolean[n];
    boolean[] parity = new boolean[n];
    List<Boolean> protectedList = new ArrayList<>();
    byte[] signatures = new byte[n * SpanBatchTxs.SIGNATURE_BYTES];
    List<Address> tos = new ArrayList<>();
    List<Bytes> datas = new ArrayList<>(n);
    long[] nonces = new long[n];
    long[] gases = new long[n];
    for (int i = 0; i < n; i++) {
      SignedTxFields tx = txs.get(i);
      creation[i] = tx.to() == null;
      if (tx.to() != null) {
        tos.add(tx.to());
      }
      parity[i] = tx.yParity() == 1;
      if (tx.data().type() == SpanTxData.LEGACY) {
        protectedList.add(tx.isProtected());
      }
      put32(tx.r(), signatures, i * SpanBatchTxs.SIGNATURE_BYTES);
      put32(tx.s(), signatures, i * SpanBatchTxs.SIGNATURE_BYTES + 32);
      datas.add(Bytes.wrapOwned(tx.data().encode()));
      nonces[i] = tx.nonce();
      gases[i] = tx.gas();
    }
    boolean[] prot = new boolean[protectedList.size()];
    for (int i = 0; i < prot.length; i++) {
      prot[i] = protectedList.get(i);
    }
    return new SpanBatchTxs(
        SpanBits.of(creation), SpanBits.of(parity), Bytes.wrapOwned(signatures), tos, datas,
        U64List.wrapOwned(nonces), U64List.wrapOwned(gases), SpanBits.of(prot));
  }

  private static void put32(BigInteger v, byte[] out, int offset) {
    byte[] b = v.toByteArray();
    int skip = b.length > 32 ? b.length - 32 : 0;
    System.arraycopy(b, skip, out, offset + 32 - (b.length - skip), b.length - skip);
  }
}
