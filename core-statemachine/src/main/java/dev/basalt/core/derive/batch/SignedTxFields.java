package dev.basalt.core.derive.batch;

import dev.basalt.core.codec.DecodeException;
import dev.basalt.core.rlp.RlpReader;
import dev.basalt.core.rlp.RlpWriter;
import dev.basalt.core.types.Address;
import dev.basalt.core.types.Bytes;
import java.math.BigInteger;
import java.util.Objects;

/**
 * A signed L2 user transaction split the way a span batch stores it: the type-specific fields
 * plus nonce, gas, {@code to} (null for a contract creation) and the signature. Converts to and
 * from the EIP-2718 encoding; only the four types a span batch carries (0, 1, 2, 4) are handled.
 */
public record SignedTxFields(SpanTxData data, long nonce, long gas, Address to, BigInteger v, BigInteger r, BigInteger s) {
  private static final BigInteger TWENTY_SEVEN = BigInteger.valueOf(27);
  private static final BigInteger TWENTY_EIGHT = BigInteger.valueOf(28);
  private static final BigInteger THIRTY_FIVE = BigInteger.valueOf(35);

  public SignedTxFields {
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(v, "v");
    Objects.requireNonNull(r, "r");
    Objects.requireNonNull(s, "s");
  }

  /** EIP-155: {@code v = 2 * chainId + 35 + parity}, in exact arithmetic as current op-node. */
  static BigInteger eip155V(long chainId, int parity) {
    return BigInteger.valueOf(chainId).shiftLeft(1).add(THIRTY_FIVE).add(BigInteger.valueOf(parity));
  }

  /** True unless this is a legacy transaction signed without a chain id (v = 27 or 28). */
  public boolean isProtected() {
    return data.type() != SpanTxData.LEGACY || !(v.equals(TWENTY_SEVEN) || v.equals(TWENTY_EIGHT));
  }

  /** The signature's y parity bit. */
  public int yParity() {
    if (data.type() != SpanTxData.LEGACY) {
      return v.intValue();
    }
    if (!isProtected()) {
      return v.intValue() - 27;
    }
    // EIP-155: v - 35 = 2 * chainId + parity.
    return v.subtract(THIRTY_FIVE).testBit(0) ? 1 : 0;
  }

  /** The full signed EIP-2718 encoding (go-ethereum's {@code Transaction.MarshalBinary}). */
  public byte[] encode(long chainId) {
    RlpWriter w = unsignedEncoding(data, nonce, gas, to, chainId);
    w.bigUnsigned(v).bigUnsigned(r).bigUnsigned(s);
    return w.endList().toByteArray();
  }

  /**
   * The start of {@link #encode}: the type byte and every field before the signature, with the
   * list left open for v, r and s (span batches write r and s straight from their columns).
   *
   * @throws DecodeException for a SetCode transaction without a recipient
   */
  static RlpWriter unsignedEncoding(SpanTxData data, long nonce, long gas, Address to, long chainId) {
    RlpWriter w = new RlpWriter(128 + data.data().length() + (data instanceof SpanTxData.Legacy ? 0 : 1));
    if (data.type() != SpanTxData.LEGACY) {
      w.rawByte(data.type());
    }
    w.startList();
    switch (data) {
      case SpanTxData.Legacy l -> {
        w.uint64(nonce).bigUnsigned(l.gasPrice()).uint64(gas).optionalAddress(to).bigUnsigned(l.value()).bytes(l.data());
      }
      case SpanTxData.AccessList a -> {
        w.uint64(chainId).uint64(nonce).bigUnsigned(a.gasPrice()).uint64(gas).optionalAddress(to);
        w.bigUnsigned(a.value()).bytes(a.data()).raw(a.accessList());
      }
      case SpanTxData.DynamicFee d -> {
        w.uint64(chainId).uint64(nonce).bigUnsigned(d.maxPriorityFeePerGas()).bigUnsigned(d.maxFeePerGas()).uint64(gas);
        w.optionalAddress(to).bigUnsigned(d.value()).bytes(d.data()).raw(d.accessList());
      }
      case SpanTxData.SetCode c -> {
        if (to == null) {
          // EIP-7702 forbids creation; op-node fails this conversion, dropping the batch.
          throw new DecodeException("to address is required for a SetCode transaction");
        }
        w.uint64(chainId).uint64(nonce).uint256(c.maxPriorityFeePerGas()).uint256(c.maxFeePerGas()).uint64(gas).address(to);
        w.uint256(c.value()).bytes(c.data()).raw(c.accessList()).raw(c.authorizationList());
      }
    }
    return w;
  }

  /**
   * Splits a full signed transaction for a span batch (op-node's {@code spanBatchTxs.AddTxs}). A
   * protected transaction must carry {@code chainId}.
   *
   * @throws DecodeException for another type, a malformed encoding or a foreign chain id
   */
  public static SignedTxFields decode(Bytes fullTx, long chainId) {
    byte[] b = fullTx.toArray();
    if (b.length == 0) {
      throw new DecodeException("empty transaction");
    }
    int type = (b[0] & 0xff) > 0x7f ? SpanTxData.LEGACY : b[0] & 0xff;
    RlpReader outer = new RlpReader(b, type == SpanTxData.LEGACY ? 0 : 1, type == SpanTxData.LEGACY ? b.length : b.length - 1);
    RlpReader l = outer.readList();
    outer.expectEnd();
    SignedTxFields tx =
        switch (type) {
          case SpanTxData.LEGACY -> decodeLegacy(l);
          case SpanTxData.ACCESS_LIST, SpanTxData.DYNAMIC_FEE, SpanTxData.SET_CODE -> decodeTyped(type, l, chainId);
          default -> throw new DecodeException("transaction type " + type + " cannot go into a span batch");
        };
    l.expectEnd();
    if (tx.data.type() == SpanTxData.LEGACY && tx.isProtected()) {
      BigInteger txChain = tx.v.subtract(THIRTY_FIVE).shiftRight(1);
      if (tx.v.compareTo(THIRTY_FIVE) < 0 || !txChain.equals(BigInteger.valueOf(chainId))) {
        throw new DecodeException("protected legacy tx has v " + tx.v + ", not chain " + chainId);
      }
    }
    return tx;
  }

  private static SignedTxFields decodeLegacy(RlpReader l) {
    long nonce = l.readUint64();
    BigInteger gasPrice = l.readBigUnsigned();
    long gas = l.readUint64();
    Address to = l.readOptionalAddress();
    BigInteger value = l.readBigUnsigned();
    Bytes data = l.readBytesValue();
    return new SignedTxFields(new SpanTxData.Legacy(value, gasPrice, data), nonce, gas, to, l.readBigUnsigned(), l.readUint256(), l.readUint256());
  }

  private static SignedTxFields decodeTyped(int type, RlpReader l, long chainId) {
    BigInteger txChain = l.readUint256();
    if (!txChain.equals(BigInteger.valueOf(chainId))) {
      throw new DecodeException("transaction for chain " + txChain + ", expected " + chainId);
    }
    long nonce = l.readUint64();
    BigInteger feeA = type == SpanTxData.SET_CODE ? l.readUint256() : l.readBigUnsigned();
    BigInteger feeB = type == SpanTxData.ACCESS_LIST ? null : type == SpanTxData.SET_CODE ? l.readUint256() : l.readBigUnsigned();
    long gas = l.readUint64();
    Address to = type == SpanTxData.SET_CODE ? l.readAddress() : l.readOptionalAddress();
    BigInteger value = type == SpanTxData.SET_CODE ? l.readUint256() : l.readBigUnsigned();
    Bytes data = l.readBytesValue();
    Bytes accessList = RlpShapes.accessList(l);
    SpanTxData fields =
        switch (type) {
          case SpanTxData.ACCESS_LIST -> new SpanTxData.AccessList(value, feeA, data, accessList);
          case SpanTxData.DYNAMIC_FEE -> new SpanTxData.DynamicFee(value, feeA, feeB, data, accessList);
          default -> new SpanTxData.SetCode(value, feeA, feeB, data, accessList, RlpShapes.authorizationList(l));
        };
    BigInteger v = l.readUint256();
    if (v.compareTo(BigInteger.ONE) > 0) {
      throw new DecodeException("typed transaction y parity " + v + " is not 0 or 1");
    }
    return new SignedTxFields(fields, nonce, gas, to, v, l.readUint256(), l.readUint256());
  }
}
