package dev.basalt.core.l1info;

import dev.basalt.core.codec.BinaryReader;
import dev.basalt.core.codec.BinaryWriter;
import dev.basalt.core.codec.DecodeException;
import dev.basalt.core.types.Address;
import dev.basalt.core.types.Bytes;
import dev.basalt.core.types.Hash32;
import java.math.BigInteger;
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
  private static final byte[] ZEROS = new byte[WORD];

  private L1InfoCalldata() {}

  public static Bytes encode(L1BlockInfo info) {
    BinaryWriter w = new BinaryWriter(info.form().length());
    w.i32(info.form().selector());
    if (info.form() == L1InfoForm.BEDROCK) {
      wordU64(w, info.number());
      wordU64(w, info.timestamp());
      w.hash(u256Word(info.baseFee())).hash(info.blockHash());
      wordU64(w, info.sequenceNumber());
      addressWord(w, info.batcherAddress());
      w.hash(info.l1FeeOverhead()).hash(info.l1FeeScalar());
    } else {
      w.i32((int) info.baseFeeScalar()).i32((int) info.blobBaseFeeScalar());
      w.i64(info.sequenceNumber()).i64(info.timestamp()).i64(info.number());
      w.hash(u256Word(info.baseFee())).hash(u256Word(info.blobBaseFee())).hash(info.blockHash());
      addressWord(w, info.batcherAddress());
      if (info.form() != L1InfoForm.ECOTONE) {
        w.i32((int) info.operatorFeeScalar()).i64(info.operatorFeeConstant());
      }
      if (info.form() == L1InfoForm.JOVIAN) {
        w.u8(info.daFootprintGasScalar() >>> 8).u8(info.daFootprintGasScalar());
      }
    }
    return Bytes.wrapOwned(w.toByteArray());
  }

  private static void wordU64(BinaryWriter w, long v) {
    w.raw(ZEROS, 0, WORD - 8).i64(v);
  }

  private static void addressWord(BinaryWriter w, Address a) {
    w.raw(ZEROS, 0, WORD - Address.LENGTH).address(a);
  }

  /** A u256 as a big-endian 32-byte word (the value was range-checked by {@link L1BlockInfo}). */
  private static Hash32 u256Word(BigInteger v) {
    byte[] b = v.toByteArray();
    int skip = b[0] == 0 && b.length > 1 ? 1 : 0;
    byte[] word = new byte[WORD];
    System.arraycopy(b, skip, word, WORD - (b.length - skip), b.length - skip);
    return Hash32.wrap(word);
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
    BinaryReader r = new BinaryReader(data);
    if (r.i32() != form.selector()) {
      throw new DecodeException("not the " + form + " L1-info selector");
    }
    return form == L1InfoForm.BEDROCK ? decodeBedrock(r) : decodePacked(r, form);
  }

  private static L1BlockInfo decodeBedrock(BinaryReader r) {
    long number = wordU64(r, "number");
    long time = wordU64(r, "timestamp");
    BigInteger baseFee = u256(r);
    Hash32 hash = r.hash();
    long seq = wordU64(r, "sequence number");
    Address batcher = addressWord(r);
    Hash32 overhead = r.hash();
    Hash32 scalar = r.hash();
    return L1BlockInfo.bedrock(new L1BlockInfo.Common(number, time, baseFee, hash, seq, batcher), overhead, scalar);
  }

  private static L1BlockInfo decodePacked(BinaryReader r, L1InfoForm form) {
    long baseFeeScalar = r.i32() & 0xffff_ffffL;
    long blobBaseFeeScalar = r.i32() & 0xffff_ffffL;
    long seq = r.i64();
    long time = r.i64();
    long number = r.i64();
    BigInteger baseFee = u256(r);
    BigInteger blobBaseFee = u256(r);
    Hash32 hash = r.hash();
    Address batcher = addressWord(r);
    L1BlockInfo.Common common = new L1BlockInfo.Common(number, time, baseFee, hash, seq, batcher);
    if (form == L1InfoForm.ECOTONE) {
      return L1BlockInfo.ecotone(common, blobBaseFee, baseFeeScalar, blobBaseFeeScalar);
    }
    long operatorFeeScalar = r.i32() & 0xffff_ffffL;
    long operatorFeeConstant = r.i64();
    if (form == L1InfoForm.ISTHMUS) {
      return L1BlockInfo.isthmus(common, blobBaseFee, baseFeeScalar, blobBaseFeeScalar, operatorFeeScalar, operatorFeeConstant);
    }
    int daFootprintGasScalar = (r.u8() << 8) | r.u8();
    return L1BlockInfo.jovian(common, blobBaseFee, baseFeeScalar, blobBaseFeeScalar, operatorFeeScalar,
        operatorFeeConstant, daFootprintGasScalar);
  }

  private static long wordU64(BinaryReader r, String what) {
    requireZeroPadding(r, WORD - 8, what);
    return r.i64();
  }

  private static Address addressWord(BinaryReader r) {
    requireZeroPadding(r, WORD - Address.LENGTH, "batcher hash");
    return r.address();
  }

  private static BigInteger u256(BinaryReader r) {
    return new BigInteger(1, r.hash().toArray());
  }

  private static void requireZeroPadding(BinaryReader r, int n, String what) {
    for (int i = 0; i < n; i++) {
      if (r.u8() != 0) {
        throw new DecodeException(what + " has non-zero padding at offset " + (r.position() - 1));
      }
    }
  }
}
