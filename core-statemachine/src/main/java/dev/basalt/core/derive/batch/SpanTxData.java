package dev.basalt.core.derive.batch;

import dev.basalt.core.codec.DecodeException;
import dev.basalt.core.rlp.RlpReader;
import dev.basalt.core.rlp.RlpWriter;
import dev.basalt.core.types.Bytes;
import java.math.BigInteger;
import java.util.Objects;

/**
 * The variable-length part of one span batch transaction (an element of {@code tx_datas}): the
 * fields of its EIP-2718 form minus chain id, nonce, gas, {@code to} and signature, which live in
 * their own columns. Access and authorization lists are kept as their validated canonical RLP,
 * so re-encoding reproduces them byte for byte.
 */
public sealed interface SpanTxData {
  int LEGACY = 0;
  int ACCESS_LIST = 1;
  int DYNAMIC_FEE = 2;
  int SET_CODE = 4;

  /** EIP-2718 type; 0 for legacy. */
  int type();

  BigInteger value();

  Bytes data();

  /** {@code rlp([value, gasPrice, data])}, no type byte. */
  record Legacy(BigInteger value, BigInteger gasPrice, Bytes data) implements SpanTxData {
    public Legacy {
      requireUnsigned(value, gasPrice);
      Objects.requireNonNull(data, "data");
    }

    @Override
    public int type() {
      return LEGACY;
    }
  }

  /** {@code 0x01 ++ rlp([value, gasPrice, data, accessList])} (EIP-2930). */
  record AccessList(BigInteger value, BigInteger gasPrice, Bytes data, Bytes accessList) implements SpanTxData {
    public AccessList {
      requireUnsigned(value, gasPrice);
      Objects.requireNonNull(data, "data");
      Objects.requireNonNull(accessList, "accessList");
    }

    @Override
    public int type() {
      return ACCESS_LIST;
    }
  }

  /** {@code 0x02 ++ rlp([value, maxPriorityFeePerGas, maxFeePerGas, data, accessList])} (EIP-1559). */
  record DynamicFee(BigInteger value, BigInteger maxPriorityFeePerGas, BigInteger maxFeePerGas, Bytes data, Bytes accessList)
      implements SpanTxData {
    public DynamicFee {
      requireUnsigned(value, maxPriorityFeePerGas, maxFeePerGas);
      Objects.requireNonNull(data, "data");
      Objects.requireNonNull(accessList, "accessList");
    }

    @Override
    public int type() {
      return DYNAMIC_FEE;
    }
  }

  /**
   * {@code 0x04 ++ rlp([value, maxPriorityFeePerGas, maxFeePerGas, data, accessList,
   * authorizationList])} (EIP-7702, Isthmus). Its numbers are u256, unlike the older types'.
   */
  record SetCode(
      BigInteger value, BigInteger maxPriorityFeePerGas, BigInteger maxFeePerGas, Bytes data, Bytes accessList, Bytes authorizationList)
      implements SpanTxData {
    public SetCode {
      requireUnsigned(value, maxPriorityFeePerGas, maxFeePerGas);
      Objects.requireNonNull(data, "data");
      Objects.requireNonNull(accessList, "accessList");
      Objects.requireNonNull(authorizationList, "authorizationList");
    }

    @Override
    public int type() {
      return SET_CODE;
    }
  }

  private static void requireUnsigned(BigInteger... values) {
    for (BigInteger v : values) {
      if (v.signum() < 0) {
        throw new IllegalArgumentException("negative field: " + v);
      }
    }
  }

  /**
   * Decodes one {@code tx_datas} element the way op-node's {@code spanBatchTx.UnmarshalBinary} does:
   * a first byte above 0x7f is a legacy list; otherwise the type byte must be 1, 2 or 4 and be
   * followed by exactly that type's list. The fields of types 0-2 are unbounded big integers (as
   * go-ethereum decodes {@code *big.Int}); type 4's are u256.
   */
  static SpanTxData decode(Bytes encoded) {
    byte[] b = encoded.toArray();
    if (b.length > 0 && (b[0] & 0xff) > 0x7f) {
      RlpReader list = onlyList(b, 0);
      SpanTxData tx = new Legacy(list.readBigUnsigned(), list.readBigUnsigned(), list.readBytesValue());
      list.expectEnd();
      return tx;
    }
    if (b.length <= 1) {
      throw new DecodeException("typed span batch tx too short: " + b.length + " bytes");
    }
    RlpReader list = onlyList(b, 1);
    SpanTxData tx =
        switch (b[0]) {
          case ACCESS_LIST -> new AccessList(list.readBigUnsigned(), list.readBigUnsigned(), list.readBytesValue(), RlpShapes.accessList(list));
          case DYNAMIC_FEE ->
              new DynamicFee(list.readBigUnsigned(), list.readBigUnsigned(), list.readBigUnsigned(), list.readBytesValue(), RlpShapes.accessList(list));
          case SET_CODE ->
              new SetCode(
                  list.readUint256(), list.readUint256(), list.readUint256(), list.readBytesValue(), RlpShapes.accessList(list),
                  RlpShapes.authorizationList(list));
          default -> throw new DecodeException("span batch tx type " + b[0] + " is not supported");
        };
    list.expectEnd();
    return tx;
  }

  /** The list that must make up all of {@code b[from..]} (go-ethereum's DecodeBytes). */
  private static RlpReader onlyList(byte[] b, int from) {
    RlpReader outer = new RlpReader(b, from, b.length - from);
    RlpReader list = outer.readList();
    outer.expectEnd();
    return list;
  }

  /** The span form: optional type byte, then the type's RLP list. */
  default byte[] encode() {
    RlpWriter w = new RlpWriter(64 + data().length());
    w.startList();
    switch (this) {
      case Legacy l -> w.bigUnsigned(l.value()).bigUnsigned(l.gasPrice()).bytes(l.data());
      case AccessList a -> w.bigUnsigned(a.value()).bigUnsigned(a.gasPrice()).bytes(a.data()).raw(a.accessList().toArray());
      case DynamicFee d ->
          w.bigUnsigned(d.value()).bigUnsigned(d.maxPriorityFeePerGas()).bigUnsigned(d.maxFeePerGas()).bytes(d.data())
              .raw(d.accessList().toArray());
      case SetCode s ->
          w.uint256(s.value()).uint256(s.maxPriorityFeePerGas()).uint256(s.maxFeePerGas()).bytes(s.data())
              .raw(s.accessList().toArray()).raw(s.authorizationList().toArray());
    }
    w.endList();
    byte[] list = w.toByteArray();
    if (type() == LEGACY) {
      return list;
    }
    byte[] out = new byte[1 + list.length];
    out[0] = (byte) type();
    System.arraycopy(list, 0, out, 1, list.length);
    return out;
  }
}
