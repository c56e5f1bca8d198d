package dev.basalt.core.derive.payload;

import dev.basalt.core.codec.BinaryReader;
import dev.basalt.core.codec.BinaryWriter;
import dev.basalt.core.config.Fork;
import dev.basalt.core.config.RollupConfig;
import dev.basalt.core.types.Bytes;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The fee parameters an L2 header carries in {@code extraData} (specs {@code
 * holocene/exec-engine.md}, {@code jovian/exec-engine.md}), and the 8-byte {@code eip1559Params}
 * of the payload attributes.
 *
 * <p>Holocene, version 0, 9 bytes: version, denominator (u32), elasticity (u32). Jovian, version 1,
 * 17 bytes: the same followed by the minimum base fee (u64). Nothing may follow. A header must
 * carry a non-zero denominator and elasticity (the engine writes the Canyon defaults when the
 * attributes ask for 0, 0), while attributes may carry both zero (op-core {@code eip1559.go}:
 * {@code ValidateHoloceneExtraData}, {@code ValidateJovianExtraData}, {@code
 * ValidateHolocene1559Params}).
 *
 * @param denominator u32
 * @param elasticity u32
 * @param minBaseFee present only in the Jovian form (u64)
 */
public record FeeParamsExtraData(long denominator, long elasticity, OptionalLong minBaseFee) {
  public static final int HOLOCENE_VERSION = 0;
  public static final int JOVIAN_VERSION = 1;
  public static final int HOLOCENE_LENGTH = 9;
  public static final int JOVIAN_LENGTH = 17;
  /** Length of the attributes' {@code eip1559Params}. */
  public static final int PARAMS_LENGTH = 8;
  private static final long MAX_U32 = 0xffff_ffffL;

  public FeeParamsExtraData {
    requireU32(denominator, "denominator");
    requireU32(elasticity, "elasticity");
    Objects.requireNonNull(minBaseFee, "minBaseFee");
  }

  /**
   * Why {@code extraData} is not valid for a header at {@code l2Timestamp}, or empty when it is
   * (op-core {@code ValidateOptimismExtraData}): the Jovian form from Jovian, the Holocene form
   * from Holocene, and nothing at all before.
   */
  public static Optional<String> validate(RollupConfig rollup, long l2Timestamp, Bytes extraData) {
    if (rollup.isActive(Fork.JOVIAN, l2Timestamp)) {
      return validateForm(extraData, JOVIAN_VERSION, JOVIAN_LENGTH, "Jovian");
    }
    if (rollup.isActive(Fork.HOLOCENE, l2Timestamp)) {
      return validateForm(extraData, HOLOCENE_VERSION, HOLOCENE_LENGTH, "Holocene");
    }
    return extraData.isEmpty() ? Optional.empty() : Optional.of("extraData must be empty before Holocene");
  }

  private static Optional<String> validateForm(Bytes extraData, int version, int length, String fork) {
    if (extraData.length() != length) {
      return Optional.of(fork + " extraData should be " + length + " bytes, got " + extraData.length());
    }
    if ((extraData.get(0) & 0xff) != version) {
      return Optional.of(fork + " extraData version byte should be " + version + ", got " + (extraData.get(0) & 0xff));
    }
    BinaryReader r = new BinaryReader(extraData.toArray(), 1, PARAMS_LENGTH);
    if (r.i32() == 0) {
      return Optional.of("holocene extraData must encode a non-zero denominator");
    }
    if (r.i32() == 0) {
      return Optional.of("holocene extraData must encode a non-zero elasticity");
    }
    return Optional.empty();
  }

  /**
   * Decodes {@code extraData} that {@link #validate} accepted for {@code l2Timestamp}; before
   * Holocene the header carries no parameters and this gives 0, 0 without a minimum base fee.
   *
   * @throws IllegalArgumentException when the bytes are not of the form the timestamp requires
   */
  public static FeeParamsExtraData decode(RollupConfig rollup, long l2Timestamp, Bytes extraData) {
    validate(rollup, l2Timestamp, extraData).ifPresent(reason -> {
      throw new IllegalArgumentException(reason);
    });
    if (!rollup.isActive(Fork.HOLOCENE, l2Timestamp)) {
      return new FeeParamsExtraData(0, 0, OptionalLong.empty());
    }
    BinaryReader r = new BinaryReader(extraData.toArray(), 1, extraData.length() - 1);
    long denominator = r.i32() & MAX_U32;
    long elasticity = r.i32() & MAX_U32;
    OptionalLong minBaseFee = extraData.length() == JOVIAN_LENGTH ? OptionalLong.of(r.i64()) : OptionalLong.empty();
    return new FeeParamsExtraData(denominator, elasticity, minBaseFee);
  }

  /**
   * The {@code extraData} an engine writes for attributes with these fee fields (specs {@code
   * holocene/exec-engine.md}, {@code jovian/exec-engine.md}): empty without EIP-1559 parameters
   * (before Holocene), the Canyon defaults in place of 0, 0, and the Jovian form when the
   * attributes carry a minimum base fee.
   */
  public static Bytes forAttributes(RollupConfig rollup, Optional<Bytes> eip1559Params, OptionalLong minBaseFee) {
    if (eip1559Params.isEmpty()) {
      return Bytes.EMPTY;
    }
    long denominator = paramsDenominator(eip1559Params.get());
    long elasticity = paramsElasticity(eip1559Params.get());
    if (denominator == 0 && elasticity == 0) {
      denominator = rollup.eip1559().denominatorCanyon();
      elasticity = rollup.eip1559().elasticity();
    }
    return new FeeParamsExtraData(denominator, elasticity, minBaseFee).encode();
  }

  /** The header form of these parameters: Jovian when a minimum base fee is present, else Holocene. */
  public Bytes encode() {
    BinaryWriter w = new BinaryWriter(JOVIAN_LENGTH);
    w.u8(minBaseFee.isPresent() ? JOVIAN_VERSION : HOLOCENE_VERSION);
    w.i32((int) denominator).i32((int) elasticity);
    minBaseFee.ifPresent(w::i64);
    return Bytes.wrapOwned(w.toByteArray());
  }

  /** The attributes' {@code eip1559Params}: denominator then elasticity, u32 big-endian each. */
  public static Bytes eip1559Params(long denominator, long elasticity) {
    requireU32(denominator, "denominator");
    requireU32(elasticity, "elasticity");
    return Bytes.wrapOwned(new BinaryWriter(PARAMS_LENGTH).i32((int) denominator).i32((int) elasticity).toByteArray());
  }

  /** Denominator of 8-byte {@code eip1559Params}. */
  public static long paramsDenominator(Bytes params) {
    return new BinaryReader(requireParams(params), 0, 4).i32() & MAX_U32;
  }

  /** Elasticity of 8-byte {@code eip1559Params}. */
  public static long paramsElasticity(Bytes params) {
    return new BinaryReader(requireParams(params), 4, 4).i32() & MAX_U32;
  }

  private static byte[] requireParams(Bytes params) {
    if (params.length() != PARAMS_LENGTH) {
      throw new IllegalArgumentException("eip1559Params must be 8 bytes, got " + params.length());
    }
    return params.toArray();
  }

  private static void requireU32(long v, String name) {
    if (v < 0 || v > MAX_U32) {
      throw new IllegalArgumentException(name + " must fit in 32 bits, got " + v);
    }
  }
}
