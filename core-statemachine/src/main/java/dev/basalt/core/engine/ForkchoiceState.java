package dev.basalt.core.engine;

import dev.basalt.core.types.Hash32;
import java.util.Objects;

/** {@code ForkchoiceStateV1}: the heads the engine should adopt. */
public record ForkchoiceState(Hash32 headBlockHash, Hash32 safeBlockHash, Hash32 finalizedBlockHash) {
  public ForkchoiceState {
    Objects.requireNonNull(headBlockHash, "headBlockHash");
    Objects.requireNonNull(safeBlockHash, "safeBlockHash");
    Objects.requireNonNull(finalizedBlockHash, "finalizedBlockHash");
  }
}
