package dev.basalt.testdata.sysconfig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.basalt.core.config.SystemConfig;
import dev.basalt.core.sysconfig.ConfigUpdateError;
import dev.basalt.core.sysconfig.ConfigUpdateParser;
import dev.basalt.core.sysconfig.ParsedConfigUpdate;
import dev.basalt.core.sysconfig.SystemConfigUpdater;
import dev.basalt.core.sysconfig.SystemConfigUpdates;
import dev.basalt.core.types.Address;
import dev.basalt.core.types.Bytes;
import dev.basalt.core.types.Hash32;
import dev.basalt.core.types.Log;
import dev.basalt.core.types.ReceiptLog;
import dev.basalt.testdata.deposit.Garbage;
import dev.basalt.testdata.gen.SimRng;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Mutated ConfigUpdate logs are skipped or applied, never an exception. */
class ConfigUpdatePropertiesTest {
  private static final Address SYSTEM_CONFIG = Address.fromHex("0x229047fed2591dbec1ef1118d64f7af3db9eb290");

  private static Log wellFormed(SimRng rng) {
    int type = rng.nextInt(8);
    byte[] payload = new byte[type == 1 ? 64 : 32];
    byte[] value = rng.bytes(rng.chance(1, 2) ? 2 : 8);
    System.arraycopy(value, 0, payload, payload.length - value.length, value.length);
    byte[] data = new byte[64 + payload.length];
    data[31] = 32;
    data[63] = (byte) payload.length;
    System.arraycopy(payload, 0, data, 64, payload.length);
    byte[] typeTopic = new byte[32];
    typeTopic[31] = (byte) type;
    return new Log(SYSTEM_CONFIG, List.of(ConfigUpdateParser.CONFIG_UPDATE_TOPIC, Hash32.ZERO, Hash32.wrap(typeTopic)),
        Bytes.wrapOwned(data));
  }

  @Test
  void garbageUpdatesAreSkippedNotFatal() {
    SimRng rng = new SimRng(0x5EED_D3_0003L).fork("config-garbage");
    SystemConfig config = new SystemConfig(Address.ZERO, Hash32.ZERO, Hash32.ZERO, 30_000_000, 0, 0, 0, 0, 0, 0);
    for (int block = 0; block < 300; block++) {
      List<ReceiptLog> logs = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        Log base = wellFormed(rng);
        List<Hash32> topics = new ArrayList<>(base.topics());
        if (rng.chance(1, 6)) {
          topics.set(1 + rng.nextInt(2), Hash32.wrap(Garbage.flip(rng, topics.get(2).toArray())));
        }
        Log log = new Log(SYSTEM_CONFIG, topics, Bytes.of(Garbage.mutate(rng, base.data().toArray())));
        assertNotNull(ConfigUpdateParser.parse(log));
        logs.add(new ReceiptLog(log, i, rng.chance(9, 10)));
      }
      SystemConfigUpdates result = SystemConfigUpdater.apply(config, logs, SYSTEM_CONFIG, rng.nextBoolean());
      long considered = logs.stream().filter(ReceiptLog::receiptSucceeded).count();
      long applied = logs.stream().filter(ReceiptLog::receiptSucceeded)
          .filter(l -> ConfigUpdateParser.parse(l.log()) instanceof ParsedConfigUpdate.Parsed).count();
      assertEquals(considered - applied, result.skipped().stream()
          .filter(s -> s.error() != ConfigUpdateError.IGNORED_ECOTONE_SCALAR).count(),
          "every log considered is applied or reported as skipped");
      config = result.config();
    }
  }
}
