package dev.basalt.core.l1info;

import dev.basalt.core.codec.DecodeException;
import dev.basalt.core.types.Address;
import dev.basalt.core.types.Bytes;
import dev.basalt.core.types.Hash32;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Objects;

/**
 * Encodes and decodes the calldata of the L1-attributes deposit, byte-exact with op-node's
 * {@code marshalBinary*} / {@code unmarshalBinary*}.
 *
 * <p>Bedrock: selector, then eight ABI words (number, time, base fee, block hash, sequence number,
 * batcher hash, overhead, scalar). Ecotone, packed: selector, base-fee scalar (u32), blob-base-fee
 * scalar (u32), sequence number, time, number (u64 each), base fee, blob base fee (u256 each),
 * block hash, batcher hash. Isthmus appends operator fee scalar (u32) and constant (u64); Jovian
 * appends the DA-footprint gas scalar (u16).
 */
public final class L1InfoCalldata {
  private static final int WORD = 32;
  private static final int ADDRESS_PADDING = WORD - Address.LENGTH;

  private L1InfoCalldata() {}

  public static Bytes encode(L1BlockInfo info) {
    byte[] out = new byte[info.form().length()];
    Cursor c = new Cursor(out);
    c.putU32(info.form().selector());
    if (info.form() == L1InfoForm.BEDROCK) {
      c.putWordU64(info.number()).putWordU64(info.timestamp()).putU256(info.baseFee());
      c.put(info.blockHash()).putWordU64(info.sequenceNumber()).putAddressWord(info.batcherAddress());
      c.put(info.l1FeeOverhead()).put(info.l1FeeScalar());
    } else {
      c.putU32(info.baseFeeScalar()).putU32(info.blobBaseFeeScalar());
      c.putU64(info.sequenceNumber()).putU64(info.timestamp()).putU64(info.number());
      c.putU256(info.baseFee()).putU256(info.blobBaseFee()).put(info.blockHash()).putAddressWord(info.batcherAddress());
      if (info.form() != L1InfoForm.ECOTONE) {
        c.putU32(info.operatorFeeScalar()).putU64(info.operatorFeeConstant());
      }
      if (info.form() == L1InfoForm.JOVIAN) {
        c.putU16(info.daFootprintGasScalar());
      }
    }
    return Bytes.wrapOwned(out);
  }

  /**
   * Decodes calldata of whichever form its selector and length name (for tools that do not know
   * the block's fork, like {@code basalt decode l1-info}).
   *
   * @throws DecodeException when no form matches or a padding is not zero
   */
  public static L1BlockInfo decode(Bytes calldata) {
    byte[] data = calldata.toArray();
    L1InfoForm form = L1InfoForm.detect(data);
    if (form == null) {
      throw new DecodeException("no L1-info form has this selector and length (" + data.length + " bytes)");
    }
    return decode(data, form);
  }

  /**
   * Decodes calldata that must be of {@code form}, as op-node's {@code L1BlockInfoFromBytes} does
   * with the form the block's timestamp implies.
   *
   * @throws DecodeException on a wrong length, selector or non-zero padding
   */
  public static L1BlockInfo decode(Bytes calldata, L1InfoForm form) {
    return decode(calldata.toArray(), form);
  }

  private static L1BlockInfo decode(byte[] data, L1InfoForm form) {
    Objects.requireNonNull(form, "form");
    if (data.length != form.length()) {
      throw new DecodeException(form + " L1-info calldata has " + form.length() + " bytes, got " + data.length);
    }
    Cursor c = new Cursor(data);
    if (c.u32() != form.selector()) {
      throw new DecodeException("not the " + form + " L1-info selector");
    }
    return form == L1InfoForm.BEDROCK ? decodeBedrock(c) : decodePacked(c, form);
  }

  private static L1BlockInfo decodeBedrock(Cursor c) {
    long number = c.wordU64("number");
    long time = c.wordU64("timestamp");
    BigInteger baseFee = c.u256();
    Hash32 hash = c.hash();
    long seq = c.wordU64("sequence number");
    Address batcher = c.addressWord();
    Hash32 overhead = c.hash();
    Hash32 scalar = c.hash();
    return L1BlockInfo.bedrock(new L1BlockInfo.Common(number, time, baseFee, hash, seq, batcher), overhead, scalar);
  }

  private static L1BlockInfo decodePacked(Cursor c, L1InfoForm form) {
    long baseFeeScalar = c.u32() & 0xffff_ffffL;
    long blobBaseFeeScalar = c.u32() & 0xffff_ffffL;
    long seq = c.u64();
    long time = c.u64();
    long number = c.u64();
    BigInteger baseFee = c.u256();
    BigInteger blobBaseFee = c.u256();
    Hash32 hash = c.hash();
    Address batcher = c.addressWord();
    L1BlockInfo.Common common = new L1BlockInfo.Common(number, time, baseFee, hash, seq, batcher);
    if (form == L1InfoForm.ECOTONE) {
      return L1BlockInfo.ecotone(common, blobBaseFee, baseFeeScalar, blobBaseFeeScalar);
    }
    long operatorFeeScalar = c.u32() & 0xffff_ffffL;
    long operatorFeeConstant = c.u64();
    if (form == L1InfoForm.ISTHMUS) {
      return L1BlockInfo.isthmus(common, blobBaseFee, baseFeeScalar, blobBaseFeeScalar, operatorFeeScalar, operatorFeeConstant);
    }
    return L1BlockInfo.jovian(common, blobBaseFee, baseFeeScalar, blobBaseFeeScalar, operatorFeeScalar,
        operatorFeeConstant, c.u16());
  }

  /** Big-endian cursor over a buffer whose length the caller already checked. */
  private static final class Cursor {
    private final byte[] buf;
    private int pos;

    Cursor(byte[] buf) {
      this.buf = buf;
    }

    Cursor putU16(int v) {
      return putBytes(v, 2);
    }

    Cursor putU32(long v) {
      return putBytes(v, 4);
    }

    Cursor putU64(long v) {
      return putBytes(v, 8);
    }

    Cursor putWordU64(long v) {
      pos += WORD - 8;
      return putU64(v);
    }

    Cursor putU256(BigInteger v) {
      byte[] b = v.toByteArray();
      int skip = b[0] == 0 && b.length > 1 ? 1 : 0;
      int len = b.length - skip;
      System.arraycopy(b, skip, buf, pos + WORD - len, len);
      pos += WORD;
      return this;
    }

    Cursor put(Hash32 h) {
      h.copyTo(buf, pos);
      pos += WORD;
      return this;
    }

    Cursor putAddressWord(Address a) {
      a.copyTo(buf, pos + ADDRESS_PADDING);
      pos += WORD;
      return this;
    }

    private Cursor putBytes(long v, int n) {
      for (int i = 0; i < n; i++) {
        buf[pos + i] = (byte) (v >>> (8 * (n - 1 - i)));
      }
      pos += n;
      return this;
    }

    int u16() {
      return (int) readBytes(2);
    }

    int u32() {
      return (int) readBytes(4);
    }

    long u64() {
      return readBytes(8);
    }

    long wordU64(String what) {
      requireZero(WORD - 8, what);
      return u64();
    }

    BigInteger u256() {
      BigInteger v = new BigInteger(1, Arrays.copyOfRange(buf, pos, pos + WORD));
      pos += WORD;
      return v;
    }

    Hash32 hash() {
      Hash32 h = Hash32.wrap(buf, pos);
      pos += WORD;
      return h;
    }

    Address addressWord() {
      requireZero(ADDRESS_PADDING, "batcher hash");
      Address a = Address.wrap(buf, pos);
      pos += Address.LENGTH;
      return a;
    }

    private void requireZero(int n, String what) {
      for (int i = 0; i < n; i++) {
        if (buf[pos + i] != 0) {
          throw new DecodeException(what + " has non-zero padding at offset " + (pos + i));
        }
      }
      pos += n;
    }

    private long readBytes(int n) {
      long v = 0;
      for (int i = 0; i < n; i++) {
        v = (v << 8) | (buf[pos + i] & 0xff);
      }
      pos += n;
      return v;
    }
  }
}
