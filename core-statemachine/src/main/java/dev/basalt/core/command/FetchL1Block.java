package dev.basalt.core.command;

import dev.basalt.core.types.Hash32;
import java.util.Objects;

/** Fetch the L1 block with this hash; answered by {@code L1BlockFetched} or {@code RequestFailed}. */
public record FetchL1Block(long correlationId, Hash32 hash, long number) implements Command, Request {
  public FetchL1Block {
    Objects.requireNonNull(hash, "hash");
  }
}
