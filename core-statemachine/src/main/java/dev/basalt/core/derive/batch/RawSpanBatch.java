package dev.basalt.core.derive.batch;

import dev.basalt.core.codec.DecodeException;
import dev.basalt.core.rlp.RlpWriter;
import dev.basalt.core.types.Address;
import dev.basalt.core.types.Bytes;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A span batch in wire form: prefix, {@code block_count} (the length of {@code originBits}),
 * {@code origin_bits}, {@code block_tx_counts} and the transaction columns.
 */
public record RawSpanBatch(SpanBatchPrefix prefix, SpanBits originBits, U64List blockTxCounts, SpanBatchTxs txs)
    implements BatchData {

  public RawSpanBatch {
    Objects.requireNonNull(prefix, "prefix");
    Objects.requireNonNull(originBits, "originBits");
    Objects.requireNonNull(blockTxCounts, "blockTxCounts");
    Objects.requireNonNull(txs, "txs");
    if (originBits.length() == 0) {
      throw new IllegalArgumentException("a span batch has at least one block");
    }
    if (blockTxCounts.size() != originBits.length()) {
      throw new IllegalArgumentException("one tx count per block");
    }
    if (blockTxCounts.sumOrOverflow() != txs.size()) {
      throw new IllegalArgumentException("block tx counts do not add up to the transactions");
    }
  }

  @Override
  public BatchType type() {
    return BatchType.SPAN;
  }

  public int blockCount() {
    return originBits.length();
  }

  /**
   * Expands the span into blocks of full signed transactions (op-node's {@code RawSpanBatch.derive}):
   * block {@code i} has timestamp {@code genesis + rel_timestamp + i * blockTime} and the L1 origin
   * found by walking {@code origin_bits} back from {@code l1_origin_num}. Arithmetic wraps like Go's
   * uint64; the batch stage rejects such nonsense later.
   *
   * @param chainId the L2 chain id, for EIP-155 legacy signatures and typed transactions
   * @throws DecodeException for an unsupported transaction type, an undecodable {@code tx_datas}
   *     element, or a SetCode transaction marked as a contract creation: op-node drops the batch
   */
  public SpanBatch derive(long blockTimeSeconds, long genesisTimestamp, long chainId) {
    int blocks = blockCount();
    long[] epochs = l1OriginNumbers();
    List<Bytes> fullTxs = fullTransactions(chainId);
    List<SpanBatchElement> elements = new ArrayList<>(blocks);
    int next = 0;
    for (int i = 0; i < blocks; i++) {
      long timestamp = genesisTimestamp + prefix.relTimestamp() + blockTimeSeconds * i;
      int count = (int) blockTxCounts.get(i);
      elements.add(new SpanBatchElement(epochs[i], timestamp, fullTxs.subList(next, next + count)));
      next += count;
    }
    return new SpanBatch(prefix.parentCheck(), prefix.l1OriginCheck(), elements);
  }

  /**
   * The L1 origin number of each block, found by walking {@code origin_bits} back from {@code
   * l1_origin_num} (the last block's origin): a set bit at block {@code i > 0} means block {@code
   * i} starts a new epoch. Needs no chain parameters, unlike {@link #derive}. Wraps like Go's
   * uint64.
   */
  public long[] l1OriginNumbers() {
    int blocks = blockCount();
    long[] epochs = new long[blocks];
    long origin = prefix.l1OriginNumber();
    for (int i = blocks - 1; i >= 0; i--) {
      epochs[i] = origin;
      if (originBits.get(i) && i > 0) {
        origin--;
      }
    }
    return epochs;
  }

  /** Every transaction as EIP-2718 bytes, V recovered from the parity and protected bits. */
  private List<Bytes> fullTransactions(long chainId) {
    BigInteger[] vs = recoverV(chainId);
    List<Bytes> out = new ArrayList<>(txs.size());
    int toIndex = 0;
    for (int i = 0; i < txs.size(); i++) {
      SpanTxData data = SpanTxData.decode(txs.txDatas().get(i));
      Address to = null;
      if (!txs.contractCreationBits().get(i)) {
        to = txs.tos().get(toIndex++);
      }
      // As SignedTxFields.encode, with r and s copied from the signature column (no BigIntegers).
      RlpWriter w = SignedTxFields.unsignedEncoding(data, txs.nonces().get(i), txs.gases().get(i), to, chainId);
      int sig = i * SpanBatchTxs.SIGNATURE_BYTES;
      w.bigUnsigned(vs[i]).unsignedBigEndian(txs.signatures(), sig, 32).unsignedBigEndian(txs.signatures(), sig + 32, 32);
      out.add(Bytes.wrapOwned(w.endList().toByteArray()));
    }
    return out;
  }

  private BigInteger[] recoverV(long chainId) {
    BigInteger[] vs = new BigInteger[txs.size()];
    // The same two EIP-155 values serve every protected legacy transaction of the batch.
    BigInteger[] eip155 = null;
    int protectedIndex = 0;
    for (int i = 0; i < vs.length; i++) {
      int parity = txs.yParityBits().get(i) ? 1 : 0;
      int type = txs.txType(i);
      vs[i] =
          switch (type) {
            case SpanTxData.LEGACY -> {
              boolean isProtected = txs.protectedBits().get(protectedIndex++);
              if (!isProtected) {
                yield BigInteger.valueOf(27L + parity);
              }
              if (eip155 == null) {
                eip155 = new BigInteger[] {SignedTxFields.eip155V(chainId, 0), SignedTxFields.eip155V(chainId, 1)};
              }
              yield eip155[parity];
            }
            case SpanTxData.ACCESS_LIST, SpanTxData.DYNAMIC_FEE, SpanTxData.SET_CODE -> BigInteger.valueOf(parity);
            default -> throw new DecodeException("invalid span batch tx type " + type + " at index " + i);
          };
    }
    return vs;
  }
}
