package dev.basalt.testdata.l1info;

import com.fasterxml.jackson.databind.JsonNode;
import dev.basalt.core.config.ChainGenesis;
import dev.basalt.core.config.Eip1559Params;
import dev.basalt.core.config.Fork;
import dev.basalt.core.config.ForkSchedule;
import dev.basalt.core.config.RollupConfig;
import dev.basalt.core.config.SystemConfig;
import dev.basalt.core.types.Address;
import dev.basalt.core.types.BlockId;
import dev.basalt.core.types.Hash32;
import java.util.Locale;

/**
 * Just enough of a kona {@code RollupConfig} JSON for L1-info and upgrade tests: block time,
 * addresses and fork times. Chain-config loading proper belongs to the config loaders.
 */
final class KonaRollupConfigs {
  private KonaRollupConfigs() {}

  /**
   * Fork times as kona reads them: a fork missing from the JSON is active once a later one is
   * (kona's {@code is_regolith_active} is "regolith_time reached or Canyon active", and so on),
   * so it takes the next present fork's time.
   */
  static RollupConfig fromJson(JsonNode rc) {
    Fork[] forks = Fork.values();
    long[] times = new long[forks.length];
    long next = -1;
    for (int i = forks.length - 1; i >= 0; i--) {
      JsonNode t = rc.get(forks[i].name().toLowerCase(Locale.ROOT) + "_time");
      if (t != null && !t.isNull()) {
        next = t.asLong();
      }
      times[i] = next;
    }
    ForkSchedule.Builder b = ForkSchedule.builder();
    for (int i = 0; i < forks.length; i++) {
      if (times[i] >= 0) {
        b.at(forks[i], times[i]);
      }
    }
    SystemConfig system = new SystemConfig(Address.ZERO, Hash32.ZERO, Hash32.ZERO, 30_000_000, 0, 0, 0, 0, 0, 0);
    ChainGenesis genesis = new ChainGenesis(BlockId.ZERO, BlockId.ZERO, rc.get("genesis").get("l2_time").asLong(), system);
    return new RollupConfig(rc.get("l1_chain_id").asLong(), rc.get("l2_chain_id").asLong(), genesis,
        rc.get("block_time").asLong(), rc.get("max_sequencer_drift").asLong(), rc.get("seq_window_size").asLong(),
        rc.get("channel_timeout").asLong(), Address.fromHex(rc.get("batch_inbox_address").asText()),
        Address.fromHex(rc.get("deposit_contract_address").asText()), Address.fromHex(rc.get("l1_system_config_address").asText()),
        b.build(), -1, new Eip1559Params(6, 50, 250), false);
  }
}
