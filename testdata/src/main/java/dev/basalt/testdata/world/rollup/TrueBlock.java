package dev.basalt.testdata.world.rollup;

import dev.basalt.core.derive.L2BlockInfo;
import dev.basalt.core.engine.ExecutionPayloadEnvelope;
import dev.basalt.core.types.L2BlockRef;
import java.util.Objects;

/** A block of the world's true L2 chain with what it reads back as (origin, sequence number, system config). */
public record TrueBlock(ExecutionPayloadEnvelope envelope, L2BlockInfo info) {
  public TrueBlock {
    Objects.requireNonNull(envelope, "envelope");
    Objects.requireNonNull(info, "info");
  }

  public L2BlockRef ref() {
    return info.ref();
  }

  public long number() {
    return info.ref().number();
  }
}
