package dev.basalt.core.sysconfig;

import dev.basalt.core.config.Fork;
import dev.basalt.core.config.RollupConfig;
import dev.basalt.core.config.SystemConfig;
import dev.basalt.core.types.Address;
import dev.basalt.core.types.Hash32;
import dev.basalt.core.types.Log;
import dev.basalt.core.types.ReceiptLog;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Applies an L1 block's {@code ConfigUpdate} logs to a system config, as op-node's
 * {@code UpdateSystemConfigWithL1Receipts}: only successful receipts count, only logs the
 * SystemConfig contract emitted with the {@code ConfigUpdate} topic are considered, each is
 * applied on its own in log order, and a malformed one is skipped (op-node ignores the errors
 * since {@code d67e74816e}, 2025-11-20; kona followed).
 */
public final class SystemConfigUpdater {
  private SystemConfigUpdater() {}

  /**
   * Applies the logs of the L1 block with timestamp {@code l1Timestamp}.
   *
   * <p>Whether fee scalars use Ecotone semantics is decided by comparing the rollup's Ecotone time
   * (an L2 time) with this L1 block's timestamp. That is what op-node does ({@code
   * IsEcotone(l1Time)}), so it is done here too.
   */
  public static SystemConfigUpdates apply(
      SystemConfig current, List<ReceiptLog> blockLogs, RollupConfig rollup, long l1Timestamp) {
    return apply(
        current, blockLogs, rollup.l1SystemConfigAddress(), rollup.isActive(Fork.ECOTONE, l1Timestamp));
  }

  /** Applies the logs emitted by {@code systemConfigAddress}, with the given fee-scalar semantics. */
  public static SystemConfigUpdates apply(
      SystemConfig current, List<ReceiptLog> blockLogs, Address systemConfigAddress, boolean ecotoneScalars) {
    Objects.requireNonNull(current, "current");
    Objects.requireNonNull(systemConfigAddress, "systemConfigAddress");
    SystemConfig config = current;
    List<Address> signers = new ArrayList<>();
    List<SkippedConfigUpdate> skipped = new ArrayList<>();
    for (ReceiptLog entry : blockLogs) {
      if (!entry.receiptSucceeded() || !isConfigUpdate(entry.log(), systemConfigAddress)) {
        continue;
      }
      switch (ConfigUpdateParser.parse(entry.log())) {
        case ParsedConfigUpdate.Rejected r -> skipped.add(new SkippedConfigUpdate(entry.logIndex(), r.error(), r.detail()));
        case ParsedConfigUpdate.Parsed p -> {
          if (p.update() instanceof ConfigUpdate.UnsafeBlockSigner s) {
            signers.add(s.signer());
          } else if (ignoredEcotoneScalar(p.update(), ecotoneScalars)) {
            skipped.add(new SkippedConfigUpdate(entry.logIndex(), ConfigUpdateError.IGNORED_ECOTONE_SCALAR,
                "scalar " + ((ConfigUpdate.FeeScalars) p.update()).scalar() + " is not a valid Ecotone scalar"));
          } else {
            config = applyUpdate(config, p.update(), ecotoneScalars);
          }
        }
      }
    }
    return new SystemConfigUpdates(config, signers, skipped);
  }

  private static boolean isConfigUpdate(Log log, Address systemConfigAddress) {
    return log.address().equals(systemConfigAddress)
        && !log.topics().isEmpty()
        && log.topics().get(0).equals(ConfigUpdateParser.CONFIG_UPDATE_TOPIC);
  }

  private static boolean ignoredEcotoneScalar(ConfigUpdate update, boolean ecotoneScalars) {
    return ecotoneScalars
        && update instanceof ConfigUpdate.FeeScalars f
        && !EcotoneScalar.isValid(f.scalar());
  }

  /**
   * One update's effect. The unsafe-block signer is not part of the system config and leaves it
   * unchanged; an Ecotone scalar that is not valid must have been filtered out before.
   */
  public static SystemConfig applyUpdate(SystemConfig config, ConfigUpdate update, boolean ecotoneScalars) {
    return switch (update) {
      case ConfigUpdate.Batcher b -> config.withBatcher(b.batcher());
      case ConfigUpdate.FeeScalars f ->
          // From Ecotone the overhead no longer affects fees: op-node zeroes it.
          ecotoneScalars ? config.withFeeScalars(Hash32.ZERO, f.scalar()) : config.withFeeScalars(f.overhead(), f.scalar());
      case ConfigUpdate.GasLimit g -> config.withGasLimit(g.gasLimit());
      case ConfigUpdate.UnsafeBlockSigner s -> config;
      case ConfigUpdate.Eip1559Params e -> config.withEip1559(e.denominator(), e.elasticity());
      case ConfigUpdate.OperatorFee o -> config.withOperatorFee(o.scalar(), o.constant());
      case ConfigUpdate.MinBaseFee m -> config.withMinBaseFee(m.minBaseFee());
      case ConfigUpdate.DaFootprintGasScalar d -> config.withDaFootprintGasScalar(d.scalar());
    };
  }
}
