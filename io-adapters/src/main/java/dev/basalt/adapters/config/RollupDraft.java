package dev.basalt.adapters.config;

import dev.basalt.core.config.ChainGenesis;
import dev.basalt.core.config.Eip1559Params;
import dev.basalt.core.config.ForkSchedule;
import dev.basalt.core.config.RollupConfig;
import dev.basalt.core.config.UnsupportedFeature;
import dev.basalt.core.types.Address;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Set;

/**
 * The fields of a {@link RollupConfig} as the format readers collect them, with the defaults the
 * registry formats leave implicit. Every field the core validates is validated again by the
 * record's constructor in {@link #build}.
 */
final class RollupDraft {
  /** Channel timeout before Granite on every registry chain; the registry formats omit it (op-node, kona). */
  static final long REGISTRY_CHANNEL_TIMEOUT_BLOCKS = 300;

  long l1ChainId;
  long l2ChainId;
  ChainGenesis genesis;
  long blockTimeSeconds;
  long maxSequencerDriftSeconds;
  long seqWindowSize;
  long channelTimeoutBedrock = REGISTRY_CHANNEL_TIMEOUT_BLOCKS;
  Address batchInboxAddress;
  Address depositContractAddress;
  Address l1SystemConfigAddress;
  final ForkSchedule.Builder forks = ForkSchedule.builder();
  long pectraBlobScheduleTime = -1;
  Eip1559Params eip1559;
  boolean keepKarstUpgradeGas;
  Address protocolVersionsAddress = Address.ZERO;
  final Set<UnsupportedFeature> unsupported = EnumSet.noneOf(UnsupportedFeature.class);

  RollupConfig build(String source) {
    ForkSchedule schedule;
    try {
      schedule = forks.build();
    } catch (IllegalArgumentException e) {
      throw new ConfigException(source + ": fork schedule: " + e.getMessage());
    }
    try {
      return new RollupConfig(l1ChainId, l2ChainId, genesis, blockTimeSeconds, maxSequencerDriftSeconds, seqWindowSize,
          channelTimeoutBedrock, batchInboxAddress, depositContractAddress, l1SystemConfigAddress, schedule,
          pectraBlobScheduleTime, eip1559, keepKarstUpgradeGas, protocolVersionsAddress, new ArrayList<>(unsupported));
    } catch (IllegalArgumentException e) {
      throw new ConfigException(source + ": " + e.getMessage());
    }
  }
}
