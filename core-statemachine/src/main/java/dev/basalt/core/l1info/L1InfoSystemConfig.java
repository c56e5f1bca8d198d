package dev.basalt.core.l1info;

import dev.basalt.core.codec.DecodeException;
import dev.basalt.core.config.Fork;
import dev.basalt.core.config.RollupConfig;
import dev.basalt.core.config.SystemConfig;
import dev.basalt.core.sysconfig.EcotoneScalar;
import dev.basalt.core.upgrade.NetworkUpgrades;

/**
 * Rebuilds the system config an L2 block was built with from its L1-attributes deposit and header,
 * as op-node's {@code PayloadToSystemConfig} does (the genesis block excepted: its system config
 * is the rollup config's). The EIP-1559 parameters and minimum base fee live in the header's
 * extraData, which the caller decodes.
 */
public final class L1InfoSystemConfig {
  private L1InfoSystemConfig() {}

  /**
   * @param l2Timestamp the L2 block's timestamp
   * @param info its L1-attributes deposit, decoded in the form {@link L1InfoForm#forBlock} gives
   * @param headerGasLimit the L2 header's gas limit
   * @param eip1559Denominator from extraData (Holocene on), 0 before
   * @param eip1559Elasticity from extraData (Holocene on), 0 before
   * @param minBaseFee from extraData (Jovian on), 0 before
   * @throws DecodeException when the Karst activation block's gas limit is below its upgrade gas
   */
  public static SystemConfig rebuild(RollupConfig rollup, long l2Timestamp, L1BlockInfo info, long headerGasLimit,
      long eip1559Denominator, long eip1559Elasticity, long minBaseFee) {
    // After the Ecotone activation block the deposit carries the two scalars, not the scalar word;
    // re-encoding them as a version-1 scalar is equivalent whatever version the chain used.
    boolean packedScalars = info.form() != L1InfoForm.BEDROCK;
    SystemConfig config = new SystemConfig(
        info.batcherAddress(),
        info.l1FeeOverhead(),
        packedScalars ? EcotoneScalar.encode(info.blobBaseFeeScalar(), info.baseFeeScalar()) : info.l1FeeScalar(),
        NetworkUpgrades.systemConfigGasLimit(rollup, l2Timestamp, headerGasLimit),
        eip1559Denominator,
        eip1559Elasticity,
        0, 0, 0, 0);
    if (rollup.isActive(Fork.ISTHMUS, l2Timestamp)) {
      config = config.withOperatorFee(info.operatorFeeScalar(), info.operatorFeeConstant());
    }
    if (rollup.isActive(Fork.JOVIAN, l2Timestamp)) {
      config = config.withMinBaseFee(minBaseFee).withDaFootprintGasScalar(info.daFootprintGasScalar());
    }
    return config;
  }
}
