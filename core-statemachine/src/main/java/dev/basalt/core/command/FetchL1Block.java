package dev.basalt.core.command;

/**
 * Fetch the canonical L1 block at {@code number}; answered by {@code L1BlockFetched} or
 * {@code RequestFailed}. The core checks parent hashes itself, so it asks by number.
 */
public record FetchL1Block(long correlationId, long number) implements Command, Request {
  public FetchL1Block {
    if (number < 0) {
      throw new IllegalArgumentException("block number must be non-negative");
    }
  }
}
