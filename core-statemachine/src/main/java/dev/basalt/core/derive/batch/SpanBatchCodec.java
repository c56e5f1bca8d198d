package dev.basalt.core.derive.batch;

import dev.basalt.core.codec.BinaryWriter;
import dev.basalt.core.codec.DecodeException;
import dev.basalt.core.types.Address;
import dev.basalt.core.types.Bytes;
import java.util.ArrayList;
import java.util.List;

/**
 * The span batch wire format (without the leading type byte), read in op-node's order with its
 * checks, plus the encoder. Every claimed count is bounded by {@link
 * SpanBatchLimits#MAX_ELEMENT_COUNT} and by the bytes that remain before anything is allocated.
 */
public final class SpanBatchCodec {
  private static final int MAX = SpanBatchLimits.MAX_ELEMENT_COUNT;

  private SpanBatchCodec() {}

  /** Decodes {@code length} bytes at {@code offset}; bytes after the batch are ignored, as in op-node. */
  public static RawSpanBatch decode(byte[] in, int offset, int length) {
    WireReader r = new WireReader(in, offset, length);
    SpanBatchPrefix prefix =
        new SpanBatchPrefix(
            r.uvarint("rel_timestamp"),
            r.uvarint("l1_origin_num"),
            Bytes.wrapOwned(r.bytes(SpanBatchPrefix.CHECK_BYTES, "parent_check")),
            Bytes.wrapOwned(r.bytes(SpanBatchPrefix.CHECK_BYTES, "l1_origin_check")));
    long blockCount = r.uvarint("block_count");
    if (Long.compareUnsigned(blockCount, MAX) > 0) {
      throw new DecodeException("block_count " + Long.toUnsignedString(blockCount) + " exceeds " + MAX);
    }
    if (blockCount == 0) {
      throw new DecodeException("empty span batch");
    }
    SpanBits originBits = SpanBits.read(r, blockCount, "origin_bits");
    U64List blockTxCounts = readCounts(r, (int) blockCount);
    long total = blockTxCounts.sumOrOverflow();
    if (total < 0 || total > MAX) {
      throw new DecodeException("span batch claims " + Long.toUnsignedString(total) + " transactions, over " + MAX);
    }
    SpanBatchTxs txs = readTxs(r, (int) total);
    return new RawSpanBatch(prefix, originBits, blockTxCounts, txs);
  }

  private static U64List readCounts(WireReader r, int blockCount) {
    // Every varint takes at least one byte, so a claim beyond the input fails before allocating.
    r.need(blockCount, "block_tx_counts");
    long[] counts = new long[blockCount];
    for (int i = 0; i < blockCount; i++) {
      counts[i] = r.uvarint("block_tx_count");
      if (Long.compareUnsigned(counts[i], MAX) > 0) {
        throw new DecodeException("block " + i + " claims " + Long.toUnsignedString(counts[i]) + " transactions, over " + MAX);
      }
    }
    return U64List.wrapOwned(counts);
  }

  private static SpanBatchTxs readTxs(WireReader r, int n) {
    SpanBits creation = SpanBits.read(r, n, "contract_creation_bits");
    SpanBits parity = SpanBits.read(r, n, "y_parity_bits");
    r.need((long) n * SpanBatchTxs.SIGNATURE_BYTES, "tx_sigs");
    Bytes signatures = Bytes.wrapOwned(r.bytes(n * SpanBatchTxs.SIGNATURE_BYTES, "tx_sigs"));
    int toCount = n - creation.count();
    r.need((long) toCount * Address.LENGTH, "tx_tos");
    List<Address> tos = new ArrayList<>(toCount);
    for (int i = 0; i < toCount; i++) {
      tos.add(Address.wrap(r.buffer(), r.position()));
      r.skip(Address.LENGTH, "tx_to");
    }
    r.need(n, "tx_datas");
    List<Bytes> datas = new ArrayList<>(n);
    int legacy = 0;
    for (int i = 0; i < n; i++) {
      Bytes d = SpanTxDataReader.read(r);
      legacy += SpanBatchTxs.typeOf(d) == SpanTxData.LEGACY ? 1 : 0;
      datas.add(d);
    }
    U64List nonces = readU64s(r, n, "tx_nonce");
    U64List gases = readU64s(r, n, "tx_gas");
    SpanBits protectedBits = SpanBits.read(r, legacy, "protected_bits");
    return new SpanBatchTxs(creation, parity, signatures, tos, datas, nonces, gases, protectedBits);
  }

  private static U64List readU64s(WireReader r, int n, String what) {
    r.need(n, what + "s");
    long[] values = new long[n];
    for (int i = 0; i < n; i++) {
      values[i] = r.uvarint(what);
    }
    return U64List.wrapOwned(values);
  }

  /** The wire form without the type byte. */
  public static void encode(RawSpanBatch batch, BinaryWriter out) {
    SpanBatchPrefix p = batch.prefix();
    Uvarint.write(out, p.relTimestamp());
    Uvarint.write(out, p.l1OriginNumber());
    out.raw(p.parentCheck().toArray(), 0, SpanBatchPrefix.CHECK_BYTES);
    out.raw(p.l1OriginCheck().toArray(), 0, SpanBatchPrefix.CHECK_BYTES);
    Uvarint.write(out, batch.blockCount());
    batch.originBits().write(out);
    for (int i = 0; i < batch.blockTxCounts().size(); i++) {
      Uvarint.write(out, batch.blockTxCounts().get(i));
    }
    SpanBatchTxs txs = batch.txs();
    txs.contractCreationBits().write(out);
    txs.yParityBits().write(out);
    out.raw(txs.signatures().toArray(), 0, txs.signatures().length());
    for (Address to : txs.tos()) {
      out.address(to);
    }
    for (Bytes d : txs.txDatas()) {
      out.raw(d.toArray(), 0, d.length());
    }
    for (int i = 0; i < txs.size(); i++) {
      Uvarint.write(out, txs.nonces().get(i));
    }
    for (int i = 0; i < txs.size(); i++) {
      Uvarint.write(out, txs.gases().get(i));
    }
    txs.protectedBits().write(out);
  }
}
