package dev.basalt.core.engine;

import dev.basalt.core.config.Fork;
import dev.basalt.core.config.RollupConfig;

/**
 * Engine API method versions per payload timestamp, as op-node selects them
 * ({@code op-node/rollup/types.go}; SPEC-MAP §6).
 */
public final class EngineVersions {
  private EngineVersions() {}

  /**
   * {@code engine_forkchoiceUpdated} with attributes: V1 before Canyon (geth refuses V2 before
   * Shanghai), V2 for Canyon and Delta, V3 from Ecotone. Without attributes op-node always uses V3.
   */
  public static int forkchoiceUpdated(RollupConfig config, long payloadTimestamp, boolean withAttributes) {
    if (!withAttributes || config.isActive(Fork.ECOTONE, payloadTimestamp)) {
      return 3;
    }
    return config.isActive(Fork.CANYON, payloadTimestamp) ? 2 : 1;
  }

  /** {@code engine_newPayload}: V2 before Ecotone, V3 from Ecotone, V4 from Isthmus. */
  public static int newPayload(RollupConfig config, long payloadTimestamp) {
    if (config.isActive(Fork.ISTHMUS, payloadTimestamp)) {
      return 4;
    }
    return config.isActive(Fork.ECOTONE, payloadTimestamp) ? 3 : 2;
  }

  /** {@code engine_getPayload}: V2 before Ecotone, V3 from Ecotone, V4 from Isthmus, V5 from Karst. */
  public static int getPayload(RollupConfig config, long payloadTimestamp) {
    if (config.isActive(Fork.KARST, payloadTimestamp)) {
      return 5;
    }
    if (config.isActive(Fork.ISTHMUS, payloadTimestamp)) {
      return 4;
    }
    return config.isActive(Fork.ECOTONE, payloadTimestamp) ? 3 : 2;
  }
}
