package dev.basalt.core.derive.batch;

import dev.basalt.core.types.Address;
import dev.basalt.core.types.Bytes;
import java.math.BigInteger;
import java.util.List;
import java.util.Objects;

/**
 * The transaction columns of a span batch, in wire order: {@code contract_creation_bits ++
 * y_parity_bits ++ tx_sigs ++ tx_tos ++ tx_datas ++ tx_nonces ++ tx_gases ++ protected_bits}.
 *
 * @param signatures {@code r ++ s} of every transaction, 64 bytes each
 * @param tos the {@code to} of every transaction whose contract-creation bit is clear, in order
 * @param txDatas each transaction's {@code tx_datas} element: an optional type byte (any value up
 *     to 0x7f) then one RLP list, not yet interpreted
 * @param protectedBits one bit per legacy transaction (type 0): set when EIP-155 protected
 */
public record SpanBatchTxs(
    SpanBits contractCreationBits,
    SpanBits yParityBits,
    Bytes signatures,
    List<Address> tos,
    List<Bytes> txDatas,
    U64List nonces,
    U64List gases,
    SpanBits protectedBits) {

  public static final int SIGNATURE_BYTES = 64;

  public SpanBatchTxs {
    Objects.requireNonNull(contractCreationBits, "contractCreationBits");
    Objects.requireNonNull(yParityBits, "yParityBits");
    Objects.requireNonNull(signatures, "signatures");
    Objects.requireNonNull(nonces, "nonces");
    Objects.requireNonNull(gases, "gases");
    Objects.requireNonNull(protectedBits, "protectedBits");
    tos = List.copyOf(tos);
    txDatas = List.copyOf(txDatas);
    int n = txDatas.size();
    if (contractCreationBits.length() != n || yParityBits.length() != n || nonces.size() != n || gases.size() != n) {
      throw new IllegalArgumentException("columns disagree on the transaction count " + n);
    }
    if (signatures.length() != (long) n * SIGNATURE_BYTES) {
      throw new IllegalArgumentException("signatures must be 64 bytes per transaction");
    }
    if (tos.size() != n - contractCreationBits.count()) {
      throw new IllegalArgumentException("one to address per non-creation transaction");
    }
    int legacy = 0;
    for (Bytes d : txDatas) {
      if (d.isEmpty()) {
        throw new IllegalArgumentException("empty tx data");
      }
      legacy += typeOf(d) == SpanTxData.LEGACY ? 1 : 0;
    }
    if (protectedBits.length() != legacy) {
      throw new IllegalArgumentException("one protected bit per legacy transaction");
    }
  }

  public int size() {
    return txDatas.size();
  }

  /** A transaction's type as op-node's reader assigns it: the first byte if at most 0x7f, else 0. */
  public int txType(int index) {
    return typeOf(txDatas.get(index));
  }

  static int typeOf(Bytes txData) {
    int b = txData.get(0) & 0xff;
    return b <= 0x7f ? b : SpanTxData.LEGACY;
  }

  public BigInteger r(int index) {
    return new BigInteger(1, signatures.slice(index * SIGNATURE_BYTES, 32).toArray());
  }

  public BigInteger s(int index) {
    return new BigInteger(1, signatures.slice(index * SIGNATURE_BYTES + 32, 32).toArray());
  }
}
