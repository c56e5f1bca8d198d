package dev.basalt.core.sysconfig;

import static dev.basalt.core.sysconfig.ConfigUpdateParserTest.SYSTEM_CONFIG;
import static dev.basalt.core.sysconfig.ConfigUpdateParserTest.update;
import static dev.basalt.core.sysconfig.ConfigUpdateParserTest.word;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.basalt.core.config.Fork;
import dev.basalt.core.config.RollupConfig;
import dev.basalt.core.config.SystemConfig;
import dev.basalt.core.config.TestRollupConfigs;
import dev.basalt.core.types.Address;
import dev.basalt.core.types.Bytes;
import dev.basalt.core.types.Hash32;
import dev.basalt.core.types.Log;
import dev.basalt.core.types.ReceiptLog;
import java.util.List;
import org.junit.jupiter.api.Test;

class SystemConfigUpdaterTest {
  private static final SystemConfig START = new SystemConfig(
      Address.fromHex("0x" + "01".repeat(20)), Hash32.fromHex(word(0xbc)), Hash32.fromHex(word(0xa6fe0)),
      30_000_000, 0, 0, 0, 0, 0, 0);

  private static List<ReceiptLog> logs(Log... logs) {
    ReceiptLog[] out = new ReceiptLog[logs.length];
    for (int i = 0; i < logs.length; i++) {
      out[i] = new ReceiptLog(logs[i], i, true);
    }
    return List.of(out);
  }

  @Test
  void appliesUpdatesInLogOrderAndSkipsMalformedOnes() {
    Address batcher = Address.fromHex("0x" + "12".repeat(20));
    SystemConfigUpdates result = SystemConfigUpdater.apply(START, logs(
        update(2, word(40_000_000)),
        update(2, "ff" + word(1).substring(2)),
        update(0, "00".repeat(12) + "12".repeat(20)),
        update(2, word(50_000_000)),
        update(4, word(1))), SYSTEM_CONFIG, false);
    assertEquals(START.withGasLimit(50_000_000).withBatcher(batcher), result.config());
    assertEquals(List.of(1L, 4L), result.skipped().stream().map(SkippedConfigUpdate::logIndex).toList());
    assertEquals(ConfigUpdateError.INVALID_VALUE, result.skipped().get(0).error());
    assertEquals(ConfigUpdateError.INVALID_EIP1559_PARAMS, result.skipped().get(1).error());
  }

  @Test
  void ignoresFailedReceiptsOtherEmittersAndOtherEvents() {
    Log gas = update(2, word(1));
    List<ReceiptLog> entries = List.of(
        new ReceiptLog(gas, 0, false),
        new ReceiptLog(new Log(Address.ZERO, gas.topics(), gas.data()), 1, true),
        new ReceiptLog(new Log(SYSTEM_CONFIG, List.of(Hash32.ZERO, Hash32.ZERO, Hash32.ZERO), gas.data()), 2, true),
        new ReceiptLog(new Log(SYSTEM_CONFIG, List.of(), Bytes.EMPTY), 3, true));
    SystemConfigUpdates result = SystemConfigUpdater.apply(START, entries, SYSTEM_CONFIG, false);
    assertEquals(START, result.config());
    assertEquals(List.of(), result.skipped());
  }

  @Test
  void feeScalarsBeforeEcotoneStoreBothWords() {
    SystemConfigUpdates result = SystemConfigUpdater.apply(START, logs(update(1, word(7) + word(8))), SYSTEM_CONFIG, false);
    assertEquals(START.withFeeScalars(Hash32.fromHex(word(7)), Hash32.fromHex(word(8))), result.config());
  }

  @Test
  void feeScalarsFromEcotoneZeroTheOverheadAndIgnoreInvalidScalars() {
    String v1 = "01" + "00".repeat(23) + "000c5fc5" + "00000558";
    SystemConfigUpdates ok = SystemConfigUpdater.apply(START, logs(update(1, word(7) + v1)), SYSTEM_CONFIG, true);
    assertEquals(START.withFeeScalars(Hash32.ZERO, Hash32.fromHex(v1)), ok.config());

    String v2 = "02" + "00".repeat(31);
    SystemConfigUpdates ignored = SystemConfigUpdater.apply(START, logs(update(1, word(7) + v2)), SYSTEM_CONFIG, true);
    assertEquals(START, ignored.config());
    assertEquals(ConfigUpdateError.IGNORED_ECOTONE_SCALAR, ignored.skipped().get(0).error());
  }

  @Test
  void laterForkUpdatesApplyWhateverTheForkAndSignersAreReportedApart() {
    Address signer = Address.fromHex("0x" + "34".repeat(20));
    SystemConfigUpdates result = SystemConfigUpdater.apply(START, logs(
        update(3, "00".repeat(12) + "34".repeat(20)),
        update(4, "00".repeat(24) + "000000fa" + "00000006"),
        update(5, "00".repeat(20) + "00004e20" + "00000000000001f4"),
        update(6, word(1_000_000_000)),
        update(7, word(0))), SYSTEM_CONFIG, false);
    assertEquals(START.withEip1559(250, 6).withOperatorFee(20_000, 500).withMinBaseFee(1_000_000_000).withDaFootprintGasScalar(0),
        result.config());
    assertEquals(List.of(signer), result.unsafeBlockSigners());
  }

  @Test
  void ecotoneSemanticsFollowTheL1BlocksTimestampAsInOpNode() {
    RollupConfig rollup = TestRollupConfigs.withForks(TestRollupConfigs.staggered(Fork.ECOTONE), false);
    // The test logs come from the same SystemConfig address the test rollup config names.
    List<ReceiptLog> logs = List.of(new ReceiptLog(update(1, word(7) + word(8)), 0, true));
    assertEquals(START.withFeeScalars(Hash32.fromHex(word(7)), Hash32.fromHex(word(8))),
        SystemConfigUpdater.apply(START, logs, rollup, 299).config(), "L1 time before Ecotone: both words kept");
    assertEquals(START.withFeeScalars(Hash32.ZERO, Hash32.fromHex(word(8))),
        SystemConfigUpdater.apply(START, logs, rollup, 300).config(), "L1 time at Ecotone: overhead zeroed");
  }
}
