package dev.basalt.core.derive.attributes;

import dev.basalt.core.config.Fork;
import dev.basalt.core.config.RollupConfig;
import dev.basalt.core.config.SystemConfig;
import dev.basalt.core.derive.payload.FeeParamsExtraData;
import dev.basalt.core.types.Bytes;
import java.util.Optional;
import java.util.OptionalLong;

/** The fee fields of payload attributes that forks added: Holocene's EIP-1559 parameters, Jovian's minimum base fee. */
final class FeeAttributes {
  private static final Bytes ZERO_PARAMS = Bytes.of(new byte[FeeParamsExtraData.PARAMS_LENGTH]);

  private FeeAttributes() {}

  /**
   * Absent before Holocene. On the Holocene activation block all zeros, which tells the engine to
   * keep the Canyon constants (SPEC-MAP §4-5, kona {@code SystemConfig::eip_1559_params}); op-node
   * reaches the same zeros because it rebuilds the pre-Holocene parent's config with none. After
   * that the system config's values, zeros included (the engine then writes the defaults).
   *
   * @throws IllegalArgumentException when a value does not fit in 32 bits (a genesis config can
   *     say so; ConfigUpdate logs cannot)
   */
  static Optional<Bytes> eip1559Params(RollupConfig rollup, long l2Timestamp, SystemConfig config) {
    if (!rollup.isActive(Fork.HOLOCENE, l2Timestamp)) {
      return Optional.empty();
    }
    if (rollup.isActivationBlock(Fork.HOLOCENE, l2Timestamp)) {
      return Optional.of(ZERO_PARAMS);
    }
    return Optional.of(FeeParamsExtraData.eip1559Params(config.eip1559Denominator(), config.eip1559Elasticity()));
  }

  /** From Jovian (its activation block included) the system config's minimum base fee, absent before. */
  static OptionalLong minBaseFee(RollupConfig rollup, long l2Timestamp, SystemConfig config) {
    return rollup.isActive(Fork.JOVIAN, l2Timestamp) ? OptionalLong.of(config.minBaseFee()) : OptionalLong.empty();
  }
}
