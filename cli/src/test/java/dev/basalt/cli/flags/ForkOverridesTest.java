package dev.basalt.cli.flags;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.basalt.adapters.config.ChainRegistry;
import dev.basalt.core.config.Fork;
import dev.basalt.core.config.RollupConfig;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** Fork overrides over OP Mainnet's registry config: applied where sound, refused by flag where not. */
class ForkOverridesTest {
  private static final RollupConfig OP = ChainRegistry.embedded().resolve("op-mainnet").config();
  private static final long GENESIS = OP.genesis().l2Time();

  private static long at(RollupConfig c, Fork f) {
    return c.forks().activation(f).orElseThrow();
  }

  @Test
  void overridesReplaceTheRegistrysTimesAndKeepEverythingElse() {
    long karst = at(OP, Fork.JOVIAN) + 1000;
    RollupConfig c = new ForkOverrides(Map.of(Fork.KARST, karst), OptionalLong.of(GENESIS + 5)).apply(OP);
    assertEquals(karst, at(c, Fork.KARST));
    assertEquals(GENESIS + 5, c.pectraBlobScheduleTime());
    for (Fork f : Fork.values()) {
      if (f != Fork.KARST) {
        assertEquals(OP.forks().activation(f), c.forks().activation(f), f.name());
      }
    }
    assertEquals(OP.genesis(), c.genesis());
    assertEquals(OP.l2ChainId(), c.l2ChainId());
    assertEquals(OP.batchInboxAddress(), c.batchInboxAddress());
    assertSame(OP, ForkOverrides.none().apply(OP));
  }

  @Test
  void movingSeveralForksTogetherKeepsTheOrder() {
    long t = at(OP, Fork.CANYON) - 100;
    RollupConfig c = new ForkOverrides(Map.of(Fork.CANYON, t, Fork.DELTA, t, Fork.ECOTONE, t + 1), OptionalLong.empty()).apply(OP);
    assertEquals(t, at(c, Fork.CANYON));
    assertEquals(t + 1, at(c, Fork.ECOTONE));
  }

  @Test
  void beforeGenesisOutOfOrderOrAfterAGapIsRefusedByFlag() {
    FlagException before = assertThrows(FlagException.class,
        () -> new ForkOverrides(Map.of(Fork.GRANITE, GENESIS - 1), OptionalLong.empty()).apply(OP));
    assertEquals("--granite-override " + (GENESIS - 1) + " is before chain 10's L2 genesis time " + GENESIS
        + "; give a time at or after genesis", before.getMessage());

    long delta = at(OP, Fork.DELTA);
    FlagException early = assertThrows(FlagException.class,
        () -> new ForkOverrides(Map.of(Fork.ECOTONE, delta - 1), OptionalLong.empty()).apply(OP));
    assertEquals("--ecotone-override " + (delta - 1) + " puts Ecotone before Delta (at " + delta
        + "); forks activate in order, so override Delta too (--delta-override)", early.getMessage());

    long ecotone = at(OP, Fork.ECOTONE);
    FlagException late = assertThrows(FlagException.class,
        () -> new ForkOverrides(Map.of(Fork.DELTA, ecotone + 1), OptionalLong.empty()).apply(OP));
    assertEquals("--delta-override " + (ecotone + 1) + " puts Delta after Ecotone (at " + ecotone
        + "); forks activate in order, so override Ecotone too (--ecotone-override)", late.getMessage());
  }

  @Test
  void aForkAfterAnUnscheduledOneIsRefused() {
    RollupConfig noJovian = withoutJovian(OP);
    FlagException gap = assertThrows(FlagException.class,
        () -> new ForkOverrides(Map.of(Fork.KARST, at(OP, Fork.ISTHMUS) + 1), OptionalLong.empty()).apply(noJovian));
    assertEquals("--karst-override schedules Karst, but Jovian (an earlier fork) is not scheduled on this chain;"
        + " give --jovian-override too", gap.getMessage());
    RollupConfig fixed = new ForkOverrides(Map.of(Fork.JOVIAN, at(OP, Fork.ISTHMUS) + 1, Fork.KARST, at(OP, Fork.ISTHMUS) + 2),
        OptionalLong.empty()).apply(noJovian);
    assertEquals(at(OP, Fork.ISTHMUS) + 2, at(fixed, Fork.KARST));
  }

  /** {@code c} with Jovian unscheduled (so Karst after it has a gap). */
  private static RollupConfig withoutJovian(RollupConfig c) {
    var b = dev.basalt.core.config.ForkSchedule.builder();
    for (Fork f : Fork.values()) {
      if (f.ordinal() < Fork.JOVIAN.ordinal()) {
        b.at(f, c.forks().activation(f));
      }
    }
    return new RollupConfig(c.l1ChainId(), c.l2ChainId(), c.genesis(), c.blockTimeSeconds(), c.maxSequencerDriftSeconds(),
        c.seqWindowSize(), c.channelTimeoutBedrock(), c.batchInboxAddress(), c.depositContractAddress(), c.l1SystemConfigAddress(),
        b.build(), c.pectraBlobScheduleTime(), c.eip1559(), c.keepKarstUpgradeGas(), c.protocolVersionsAddress(),
        c.unsupportedFeatures());
  }
}
