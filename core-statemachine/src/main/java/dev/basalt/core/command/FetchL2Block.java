package dev.basalt.core.command;

import dev.basalt.core.engine.L2BlockSelector;
import java.util.Objects;

/**
 * Read an L2 block (with full transactions) from the execution engine; answered by
 * {@code EngineResponse.L2Block} (empty when the engine lacks it) or {@code RequestFailed}.
 */
public record FetchL2Block(long correlationId, L2BlockSelector selector) implements Command, Request {
  public FetchL2Block {
    Objects.requireNonNull(selector, "selector");
  }
}
