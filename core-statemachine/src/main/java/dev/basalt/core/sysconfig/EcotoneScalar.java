package dev.basalt.core.sysconfig;

import dev.basalt.core.codec.BinaryReader;
import dev.basalt.core.codec.BinaryWriter;
import dev.basalt.core.types.Hash32;

/**
 * The versioned fee scalar of Ecotone ({@code specs/protocol/system-config.md}, op-service
 * {@code CheckEcotoneL1SystemConfigScalar} and {@code EcotoneScalars}). Version 0 (byte 0 = 0)
 * carries only the base-fee scalar in bytes 28..32 and needs bytes 1..28 zero; version 1 carries
 * the blob-base-fee scalar in bytes 24..28 and the base-fee scalar in bytes 28..32 and needs
 * bytes 1..24 zero.
 */
public final class EcotoneScalar {
  public static final int VERSION_BEDROCK = 0;
  public static final int VERSION_ECOTONE = 1;
  private static final long MAX_U32 = 0xffff_ffffL;

  private EcotoneScalar() {}

  /** True when op-node accepts {@code scalar} as an Ecotone system-config scalar. */
  public static boolean isValid(Hash32 scalar) {
    return switch (scalar.get(0)) {
      case VERSION_BEDROCK -> zeroBetween(scalar, 1, 28);
      case VERSION_ECOTONE -> zeroBetween(scalar, 1, 24);
      default -> false;
    };
  }

  /**
   * The base-fee scalar the L1-attributes transaction carries for {@code scalar}: as encoded for a
   * valid scalar, and 2^32 - 1 for a version-0 scalar with non-zero padding (the spec's rule, which
   * op-node implements in {@code SystemConfig.EcotoneScalars}).
   *
   * @throws IllegalArgumentException for an unknown version byte; op-node fails to build the
   *     L1-attributes transaction then (a critical error); from Ecotone on the updater never stores
   *     one, but a scalar set before Ecotone can be anything
   */
  public static long baseFeeScalar(Hash32 scalar) {
    int version = scalar.get(0);
    if (version == VERSION_BEDROCK && !zeroBetween(scalar, 1, 28)) {
      return MAX_U32;
    }
    requireKnownVersion(scalar);
    return u32At(scalar, 28);
  }

  /** The blob-base-fee scalar for {@code scalar}: 0 for version 0, bytes 24..28 for version 1. */
  public static long blobBaseFeeScalar(Hash32 scalar) {
    int version = scalar.get(0);
    if (version == VERSION_BEDROCK) {
      return 0;
    }
    requireKnownVersion(scalar);
    return u32At(scalar, 24);
  }

  /** A version-1 scalar from its two parts. */
  public static Hash32 encode(long blobBaseFeeScalar, long baseFeeScalar) {
    if (blobBaseFeeScalar < 0 || blobBaseFeeScalar > MAX_U32 || baseFeeScalar < 0 || baseFeeScalar > MAX_U32) {
      throw new IllegalArgumentException("scalars must fit in 32 bits");
    }
    BinaryWriter w = new BinaryWriter(Hash32.LENGTH).u8(VERSION_ECOTONE);
    w.raw(new byte[23], 0, 23).i32((int) blobBaseFeeScalar).i32((int) baseFeeScalar);
    return Hash32.wrap(w.toByteArray());
  }

  private static void requireKnownVersion(Hash32 scalar) {
    int version = scalar.get(0);
    if (version == VERSION_ECOTONE && !zeroBetween(scalar, 1, 24)) {
      throw new IllegalArgumentException("invalid version 1 scalar padding: " + scalar);
    }
    if (version != VERSION_BEDROCK && version != VERSION_ECOTONE) {
      throw new IllegalArgumentException("unrecognized scalar version " + (version & 0xff));
    }
  }

  private static boolean zeroBetween(Hash32 w, int from, int to) {
    for (int i = from; i < to; i++) {
      if (w.get(i) != 0) {
        return false;
      }
    }
    return true;
  }

  private static long u32At(Hash32 w, int offset) {
    return new BinaryReader(w.toArray(), offset, 4).i32() & 0xffff_ffffL;
  }
}
