package dev.basalt.core.config;

/**
 * Chain features Basalt does not implement. A loader records them on the {@link RollupConfig} so
 * chains that use them can still be listed, and refuses to run such a chain with a clear message
 * instead of deriving a different chain than the one the operator expects.
 */
public enum UnsupportedFeature {
  /** Alt-DA: batches carry commitments to data held off L1 (challenge contract, resolve window). */
  ALT_DA("Alt-DA (batch data held off L1 behind a challenge contract)"),
  /** A custom gas-paying token instead of ETH (registry {@code gas_paying_token}). */
  CUSTOM_GAS_TOKEN("custom gas-paying token"),
  /** Interop (renamed Lagoon in code) has an activation time: cross-chain message validity. */
  INTEROP("interop / Lagoon scheduled");

  private final String description;

  UnsupportedFeature(String description) {
    this.description = description;
  }

  /** Operator-facing wording, used in refusals and in chain listings. */
  public String description() {
    return description;
  }
}
