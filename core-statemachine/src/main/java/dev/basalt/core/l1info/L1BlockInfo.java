package dev.basalt.core.l1info;

import dev.basalt.core.types.Address;
import dev.basalt.core.types.Hash32;
import java.math.BigInteger;
import java.util.Objects;

/**
 * The content of an L1-attributes deposit (op-node {@code L1BlockInfo}). Which fields a value
 * carries depends on its {@link #form()}; the others must be zero, so that two values are equal
 * exactly when they encode to the same calldata. Build values with the per-form factories.
 *
 * <p>{@code number}, {@code timestamp}, {@code sequenceNumber} and {@code operatorFeeConstant} are
 * u64 held in a long: calldata may carry values above 2^63, which read as negative.
 *
 * @param batcherAddress the version-0 batcher hash: an address left-padded to 32 bytes
 * @param l1FeeOverhead Bedrock only: the system config's overhead word
 * @param l1FeeScalar Bedrock only: the system config's scalar word
 * @param blobBaseFee Ecotone and later: the L1 origin's blob base fee (u256)
 * @param baseFeeScalar Ecotone and later: u32
 * @param blobBaseFeeScalar Ecotone and later: u32
 * @param operatorFeeScalar Isthmus and later: u32
 * @param operatorFeeConstant Isthmus and later: u64
 * @param daFootprintGasScalar Jovian: u16
 */
public record L1BlockInfo(
    L1InfoForm form,
    long number,
    long timestamp,
    BigInteger baseFee,
    Hash32 blockHash,
    long sequenceNumber,
    Address batcherAddress,
    Hash32 l1FeeOverhead,
    Hash32 l1FeeScalar,
    BigInteger blobBaseFee,
    long baseFeeScalar,
    long blobBaseFeeScalar,
    long operatorFeeScalar,
    long operatorFeeConstant,
    int daFootprintGasScalar) {

  private static final long MAX_U32 = 0xffff_ffffL;

  public L1BlockInfo {
    Objects.requireNonNull(form, "form");
    Objects.requireNonNull(blockHash, "blockHash");
    Objects.requireNonNull(batcherAddress, "batcherAddress");
    Objects.requireNonNull(l1FeeOverhead, "l1FeeOverhead");
    Objects.requireNonNull(l1FeeScalar, "l1FeeScalar");
    requireU256(baseFee, "baseFee");
    requireU256(blobBaseFee, "blobBaseFee");
    requireRange(baseFeeScalar, MAX_U32, "baseFeeScalar");
    requireRange(blobBaseFeeScalar, MAX_U32, "blobBaseFeeScalar");
    requireRange(operatorFeeScalar, MAX_U32, "operatorFeeScalar");
    requireRange(daFootprintGasScalar, 0xffff, "daFootprintGasScalar");
    requireAbsentFields(form, l1FeeOverhead, l1FeeScalar, blobBaseFee, baseFeeScalar, blobBaseFeeScalar,
        operatorFeeScalar, operatorFeeConstant, daFootprintGasScalar);
  }

  /** Fields shared by every form. */
  public record Common(long number, long timestamp, BigInteger baseFee, Hash32 blockHash, long sequenceNumber, Address batcherAddress) {
    public Common {
      Objects.requireNonNull(baseFee, "baseFee");
      Objects.requireNonNull(blockHash, "blockHash");
      Objects.requireNonNull(batcherAddress, "batcherAddress");
    }
  }

  public static L1BlockInfo bedrock(Common c, Hash32 l1FeeOverhead, Hash32 l1FeeScalar) {
    return new L1BlockInfo(L1InfoForm.BEDROCK, c.number(), c.timestamp(), c.baseFee(), c.blockHash(), c.sequenceNumber(),
        c.batcherAddress(), l1FeeOverhead, l1FeeScalar, BigInteger.ZERO, 0, 0, 0, 0, 0);
  }

  public static L1BlockInfo ecotone(Common c, BigInteger blobBaseFee, long baseFeeScalar, long blobBaseFeeScalar) {
    return new L1BlockInfo(L1InfoForm.ECOTONE, c.number(), c.timestamp(), c.baseFee(), c.blockHash(), c.sequenceNumber(),
        c.batcherAddress(), Hash32.ZERO, Hash32.ZERO, blobBaseFee, baseFeeScalar, blobBaseFeeScalar, 0, 0, 0);
  }

  public static L1BlockInfo isthmus(Common c, BigInteger blobBaseFee, long baseFeeScalar, long blobBaseFeeScalar,
      long operatorFeeScalar, long operatorFeeConstant) {
    return new L1BlockInfo(L1InfoForm.ISTHMUS, c.number(), c.timestamp(), c.baseFee(), c.blockHash(), c.sequenceNumber(),
        c.batcherAddress(), Hash32.ZERO, Hash32.ZERO, blobBaseFee, baseFeeScalar, blobBaseFeeScalar,
        operatorFeeScalar, operatorFeeConstant, 0);
  }

  public static L1BlockInfo jovian(Common c, BigInteger blobBaseFee, long baseFeeScalar, long blobBaseFeeScalar,
      long operatorFeeScalar, long operatorFeeConstant, int daFootprintGasScalar) {
    return new L1BlockInfo(L1InfoForm.JOVIAN, c.number(), c.timestamp(), c.baseFee(), c.blockHash(), c.sequenceNumber(),
        c.batcherAddress(), Hash32.ZERO, Hash32.ZERO, blobBaseFee, baseFeeScalar, blobBaseFeeScalar,
        operatorFeeScalar, operatorFeeConstant, daFootprintGasScalar);
  }

  /** The fields every form shares. */
  public Common common() {
    return new Common(number, timestamp, baseFee, blockHash, sequenceNumber, batcherAddress);
  }

  private static void requireU256(BigInteger v, String name) {
    Objects.requireNonNull(v, name);
    if (v.signum() < 0 || v.bitLength() > 256) {
      throw new IllegalArgumentException(name + " is not a u256: " + v);
    }
  }

  private static void requireRange(long v, long max, String name) {
    if (v < 0 || v > max) {
      throw new IllegalArgumentException(name + " out of range [0, " + max + "]: " + v);
    }
  }

  private static void requireAbsentFields(L1InfoForm form, Hash32 overhead, Hash32 scalar, BigInteger blobBaseFee,
      long baseFeeScalar, long blobBaseFeeScalar, long operatorFeeScalar, long operatorFeeConstant, int daScalar) {
    boolean bedrock = form == L1InfoForm.BEDROCK;
    boolean isthmusFields = form == L1InfoForm.ISTHMUS || form == L1InfoForm.JOVIAN;
    if (!bedrock && (!overhead.isZero() || !scalar.isZero())) {
      throw new IllegalArgumentException(form + " carries no overhead or scalar words");
    }
    if (bedrock && (blobBaseFee.signum() != 0 || baseFeeScalar != 0 || blobBaseFeeScalar != 0)) {
      throw new IllegalArgumentException("BEDROCK carries no blob base fee or packed scalars");
    }
    if (!isthmusFields && (operatorFeeScalar != 0 || operatorFeeConstant != 0)) {
      throw new IllegalArgumentException(form + " carries no operator fee");
    }
    if (form != L1InfoForm.JOVIAN && daScalar != 0) {
      throw new IllegalArgumentException(form + " carries no DA footprint gas scalar");
    }
  }
}
