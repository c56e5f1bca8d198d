package dev.basalt.core.p2p;

import dev.basalt.core.config.Fork;
import dev.basalt.core.config.RollupConfig;

/**
 * The gossip topic version of a block (op-node {@code BlockVersion}): v1 before Canyon, v2 from
 * Canyon (withdrawals), v3 from Ecotone (blob gas fields, parent beacon root prefix), v4 from
 * Isthmus (withdrawals root).
 */
public enum BlockVersion {
  V1(508),
  V2(512),
  V3(528),
  V4(560);

  private final int fixedPartBytes;

  BlockVersion(int fixedPartBytes) {
    this.fixedPartBytes = fixedPartBytes;
  }

  /** Size of the payload's fixed SSZ part (the offset of its extra data). */
  public int fixedPartBytes() {
    return fixedPartBytes;
  }

  /** True when the signed bytes start with the parent beacon block root. */
  public boolean hasBeaconRoot() {
    return this == V3 || this == V4;
  }

  public static BlockVersion at(RollupConfig rollup, long l2Timestamp) {
    if (rollup.isActive(Fork.ISTHMUS, l2Timestamp)) {
      return V4;
    }
    if (rollup.isActive(Fork.ECOTONE, l2Timestamp)) {
      return V3;
    }
    return rollup.isActive(Fork.CANYON, l2Timestamp) ? V2 : V1;
  }
}
