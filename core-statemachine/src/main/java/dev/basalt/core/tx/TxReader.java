package dev.basalt.core.tx;

import dev.basalt.core.codec.DecodeException;
import dev.basalt.core.rlp.RlpException;
import dev.basalt.core.rlp.RlpReader;
import dev.basalt.core.types.Address;
import dev.basalt.core.types.Bytes;
import dev.basalt.core.types.Hash32;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/** Field-by-field decoding of each transaction type's RLP list (package-private helper). */
final class TxReader {
  private static final BigInteger TWENTY_SEVEN = BigInteger.valueOf(27);
  private static final BigInteger TWENTY_EIGHT = BigInteger.valueOf(28);
  private static final BigInteger THIRTY_FIVE = BigInteger.valueOf(35);

  private TxReader() {}

  /** The single list that must make up {@code buf[offset..]} exactly. */
  private static RlpReader onlyList(byte[] buf, int offset) {
    RlpReader outer = new RlpReader(buf, offset, buf.length - offset);
    RlpReader list = outer.readList();
    outer.expectEnd();
    return list;
  }

  static LegacyTx legacy(byte[] envelope) {
    RlpReader r = onlyList(envelope, 0);
    long nonce = r.readUint64();
    BigInteger gasPrice = r.readUint256();
    long gas = r.readUint64();
    Address to = r.readOptionalAddress();
    BigInteger value = r.readUint256();
    Bytes data = r.readBytesValue();
    BigInteger v = r.readUint256();
    BigInteger sigR = r.readUint256();
    BigInteger sigS = r.readUint256();
    r.expectEnd();
    BigInteger chainId;
    int parity;
    if (v.equals(TWENTY_SEVEN) || v.equals(TWENTY_EIGHT)) {
      chainId = null;
      parity = v.intValue() - 27;
    } else if (v.compareTo(THIRTY_FIVE) >= 0) {
      BigInteger rest = v.subtract(THIRTY_FIVE);
      chainId = rest.shiftRight(1);
      parity = rest.testBit(0) ? 1 : 0;
    } else {
      // No valid block can hold such a v: it is neither pre- nor post-EIP-155.
      throw new DecodeException("legacy v " + v + " is neither 27/28 nor >= 35");
    }
    return new LegacyTx(chainId, nonce, gasPrice, gas, to, value, data, new TxSignature(parity, sigR, sigS));
  }

  static Transaction typed(TxType type, byte[] envelope) {
    RlpReader r = onlyList(envelope, 1);
    Transaction tx =
        switch (type) {
          case ACCESS_LIST -> accessList(r);
          case DYNAMIC_FEE -> dynamicFee(r);
          case BLOB -> blob(r);
          case SET_CODE -> setCode(r);
          case LEGACY -> throw new IllegalStateException("legacy is not typed");
        };
    r.expectEnd();
    return tx;
  }

  private static AccessListTx accessList(RlpReader r) {
    BigInteger chainId = r.readUint256();
    long nonce = r.readUint64();
    BigInteger gasPrice = r.readUint256();
    long gas = r.readUint64();
    Address to = r.readOptionalAddress();
    BigInteger value = r.readUint256();
    Bytes data = r.readBytesValue();
    List<AccessTuple> accessList = accessTuples(r);
    return new AccessListTx(chainId, nonce, gasPrice, gas, to, value, data, accessList, signature(r));
  }

  private static DynamicFeeTx dynamicFee(RlpReader r) {
    BigInteger chainId = r.readUint256();
    long nonce = r.readUint64();
    BigInteger tip = r.readUint256();
    BigInteger feeCap = r.readUint256();
    long gas = r.readUint64();
    Address to = r.readOptionalAddress();
    BigInteger value = r.readUint256();
    Bytes data = r.readBytesValue();
    List<AccessTuple> accessList = accessTuples(r);
    return new DynamicFeeTx(chainId, nonce, tip, feeCap, gas, to, value, data, accessList, signature(r));
  }

  private static BlobTx blob(RlpReader r) {
    BigInteger chainId = r.readUint256();
    long nonce = r.readUint64();
    BigInteger tip = r.readUint256();
    BigInteger feeCap = r.readUint256();
    long gas = r.readUint64();
    Address to = r.readAddress();
    BigInteger value = r.readUint256();
    Bytes data = r.readBytesValue();
    List<AccessTuple> accessList = accessTuples(r);
    BigInteger blobFeeCap = r.readUint256();
    List<Hash32> hashes = new ArrayList<>();
    RlpReader hashList = r.readList();
    while (hashList.hasNext()) {
      hashes.add(hashList.readHash());
    }
    TxSignature sig = signature(r);
    return new BlobTx(chainId, nonce, tip, feeCap, gas, to, value, data, accessList, blobFeeCap, hashes, sig);
  }

  private static SetCodeTx setCode(RlpReader r) {
    BigInteger chainId = r.readUint256();
    long nonce = r.readUint64();
    BigInteger tip = r.readUint256();
    BigInteger feeCap = r.readUint256();
    long gas = r.readUint64();
    Address to = r.readAddress();
    BigInteger value = r.readUint256();
    Bytes data = r.readBytesValue();
    List<AccessTuple> accessList = accessTuples(r);
    List<Authorization> authorizations = new ArrayList<>();
    RlpReader authList = r.readList();
    while (authList.hasNext()) {
      authorizations.add(authorization(authList.readList()));
    }
    TxSignature sig = signature(r);
    return new SetCodeTx(chainId, nonce, tip, feeCap, gas, to, value, data, accessList, authorizations, sig);
  }

  private static Authorization authorization(RlpReader t) {
    BigInteger chainId = t.readUint256();
    Address address = t.readAddress();
    long nonce = t.readUint64();
    long yParity = t.readUint64();
    if (Long.compareUnsigned(yParity, 0xff) > 0) {
      throw new RlpException("authorization y-parity is a u8, got " + Long.toUnsignedString(yParity));
    }
    BigInteger sigR = t.readUint256();
    BigInteger sigS = t.readUint256();
    t.expectEnd();
    return new Authorization(chainId, address, nonce, (int) yParity, sigR, sigS);
  }

  static List<AccessTuple> accessTuples(RlpReader r) {
    List<AccessTuple> tuples = new ArrayList<>();
    RlpReader list = r.readList();
    while (list.hasNext()) {
      RlpReader tuple = list.readList();
      Address address = tuple.readAddress();
      List<Hash32> keys = new ArrayList<>();
      RlpReader keyList = tuple.readList();
      while (keyList.hasNext()) {
        keys.add(keyList.readHash());
      }
      tuple.expectEnd();
      tuples.add(new AccessTuple(address, keys));
    }
    return tuples;
  }

  private static TxSignature signature(RlpReader r) {
    long yParity = r.readUint64();
    if (yParity != 0 && yParity != 1) {
      throw new DecodeException("y-parity must be 0 or 1, got " + Long.toUnsignedString(yParity));
    }
    BigInteger sigR = r.readUint256();
    BigInteger sigS = r.readUint256();
    return new TxSignature((int) yParity, sigR, sigS);
  }
}
