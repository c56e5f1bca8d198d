package dev.basalt.core.derive.channel;

import dev.basalt.core.config.Fork;
import dev.basalt.core.config.RollupConfig;

/**
 * The fork-dependent rules for reading one channel. op-node decides both from the timestamp of the
 * L1 block the channel reader's stage is at (its origin: the L1 block being derived from when the
 * channel is read), not from any batch timestamp.
 *
 * @param maxRlpBytes {@code MAX_RLP_BYTES_PER_CHANNEL}: decompressed bytes readable from the channel
 * @param brotliAllowed brotli channels (version byte 0x01) are valid only from Fjord
 */
public record ChannelLimits(long maxRlpBytes, boolean brotliAllowed) {
  public static final long MAX_RLP_BYTES_BEDROCK = 10_000_000;
  public static final long MAX_RLP_BYTES_FJORD = 100_000_000;

  public ChannelLimits {
    if (maxRlpBytes < 0) {
      throw new IllegalArgumentException("negative byte limit");
    }
  }

  /** The rules for a channel read while the pipeline's L1 origin has timestamp {@code l1OriginTimestamp}. */
  public static ChannelLimits at(RollupConfig config, long l1OriginTimestamp) {
    boolean fjord = config.isActive(Fork.FJORD, l1OriginTimestamp);
    return new ChannelLimits(fjord ? MAX_RLP_BYTES_FJORD : MAX_RLP_BYTES_BEDROCK, fjord);
  }
}
