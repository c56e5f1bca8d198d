package dev.basalt.core.derive.pipeline.channels;

import dev.basalt.core.config.Fork;
import dev.basalt.core.config.RollupConfig;
import dev.basalt.core.derive.channel.ChannelLimits;

/** Per-fork channel stage limits, all decided by the L1 origin's timestamp. */
public final class ChannelSizes {
  /** {@code MAX_CHANNEL_BANK_SIZE} before Fjord. */
  public static final long MAX_CHANNEL_BANK_BYTES_BEDROCK = 100_000_000;
  /** {@code MAX_CHANNEL_BANK_SIZE} from Fjord. */
  public static final long MAX_CHANNEL_BANK_BYTES_FJORD = 1_000_000_000;

  private ChannelSizes() {}

  public static long maxChannelBankBytes(RollupConfig config, long l1OriginTimestamp) {
    return config.isActive(Fork.FJORD, l1OriginTimestamp) ? MAX_CHANNEL_BANK_BYTES_FJORD : MAX_CHANNEL_BANK_BYTES_BEDROCK;
  }

  /** Holocene's bound on one staging channel's size: {@code MAX_RLP_BYTES_PER_CHANNEL}. */
  public static long maxChannelBytes(RollupConfig config, long l1OriginTimestamp) {
    return ChannelLimits.at(config, l1OriginTimestamp).maxRlpBytes();
  }
}
