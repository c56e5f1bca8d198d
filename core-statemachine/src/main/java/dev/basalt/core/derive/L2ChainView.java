package dev.basalt.core.derive;

import java.util.Optional;

/**
 * The pipeline's window onto the L2 chain the node already has (the safe chain and whatever the
 * core keeps of it). Answers only from memory: an empty answer makes the pipeline report that it
 * needs the block, and the core fetches it from the engine.
 */
public interface L2ChainView {
  /** The canonical L2 block at {@code number}, if the core has it at hand. */
  Optional<L2BlockInfo> blockByNumber(long number);
}
