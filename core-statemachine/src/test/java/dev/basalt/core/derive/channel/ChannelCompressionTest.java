package dev.basalt.core.derive.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.basalt.core.config.ChainGenesis;
import dev.basalt.core.config.Eip1559Params;
import dev.basalt.core.config.Fork;
import dev.basalt.core.config.ForkSchedule;
import dev.basalt.core.config.RollupConfig;
import dev.basalt.core.config.SystemConfig;
import dev.basalt.core.types.Address;
import dev.basalt.core.types.BlockId;
import dev.basalt.core.types.Hash32;
import org.junit.jupiter.api.Test;

class ChannelCompressionTest {
  @Test
  void firstByteDecidesTheCompressionInOpNodeOrder() {
    assertEquals(ChannelCompression.ZLIB, ChannelCompression.detect(0x78));
    assertEquals(ChannelCompression.ZLIB, ChannelCompression.detect(0x08));
    assertEquals(ChannelCompression.ZLIB, ChannelCompression.detect(0x7f));
    assertEquals(ChannelCompression.BROTLI, ChannelCompression.detect(0x01));
    assertNull(ChannelCompression.detect(0x00));
    assertNull(ChannelCompression.detect(0x02));
    assertNull(ChannelCompression.detect(0x11));
  }

  @Test
  void limitsFollowFjordAtTheL1OriginTime() {
    SystemConfig sys = new SystemConfig(Address.ZERO, Hash32.ZERO, Hash32.ZERO, 30_000_000, 50, 6, 0, 0, 0, 0);
    RollupConfig cfg =
        new RollupConfig(
            1, 10, new ChainGenesis(BlockId.ZERO, BlockId.ZERO, 0, sys), 2, 600, 3600, 300, Address.ZERO, Address.ZERO,
            Address.ZERO, ForkSchedule.builder().at(Fork.REGOLITH, 0).at(Fork.CANYON, 10).at(Fork.DELTA, 10).at(Fork.ECOTONE, 10)
                .at(Fork.FJORD, 100).build(),
            -1, new Eip1559Params(6, 50, 250), false);
    assertEquals(new ChannelLimits(10_000_000, false), ChannelLimits.at(cfg, 99));
    assertEquals(new ChannelLimits(100_000_000, true), ChannelLimits.at(cfg, 100));
  }
}
