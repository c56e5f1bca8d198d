package dev.basalt.adapters.config;

import dev.basalt.core.config.Fork;
import dev.basalt.core.config.UnsupportedFeature;
import java.util.OptionalLong;

/**
 * The hardfork keys shared by every format: the registry's {@code [hardforks]}, kona's {@code
 * hardfork_configuration}, and the flat {@code *_time} keys of {@code rollup.json}.
 */
final class ForkKeys {
  private ForkKeys() {}

  /** The key naming {@code fork}'s activation time, e.g. {@code karst_time}. */
  static String key(Fork fork) {
    return fork.name().toLowerCase(java.util.Locale.ROOT) + "_time";
  }

  /**
   * Reads every fork key of {@code n} into {@code d}. Regolith, absent from the registry formats,
   * is active at genesis there ({@code regolithAtGenesis}: op-node's {@code applyHardforks});
   * {@code rollup.json} must name it, as in op-node.
   */
  static void read(ConfigNode n, RollupDraft d, boolean regolithAtGenesis) {
    for (Fork f : Fork.values()) {
      OptionalLong at = n.optionalU63(key(f));
      if (f == Fork.REGOLITH && at.isEmpty() && regolithAtGenesis) {
        at = OptionalLong.of(0);
      }
      if (f == Fork.CANYON && at.isPresent() && !n.has(key(Fork.REGOLITH)) && !regolithAtGenesis) {
        // kona writes configs like this and treats Regolith as active from Canyon on; op-node
        // refuses them. Guessing either way could derive pre-Canyon blocks wrongly, so ask.
        throw n.error(key(Fork.REGOLITH), "missing while canyon_time is set; set it (0 for chains with Regolith at genesis, "
            + "which is every superchain-registry chain)");
      }
      d.forks.at(f, at);
    }
    OptionalLong pectra = n.optionalU63("pectra_blob_schedule_time");
    d.pectraBlobScheduleTime = pectra.orElse(-1);
    d.keepKarstUpgradeGas = n.bool("keep_karst_upgrade_gas", false);
    // Interop was renamed Lagoon in code; either key schedules it, and Basalt does not implement it.
    // A non-short-circuit | so both keys are read (and so known to finish()).
    if (n.optionalU63("interop_time").isPresent() | n.optionalU63("lagoon_time").isPresent()) {
      d.unsupported.add(UnsupportedFeature.INTEROP);
    }
  }

  /** Checks a superchain-wide {@code [hardforks]} table for unknown keys without using it. */
  static void validateDefaults(ConfigNode n) {
    read(n, new RollupDraft(), true);
  }
}
