package dev.basalt.core.config;

/**
 * The chain's default EIP-1559 parameters ({@code [optimism]} in the registry): used before
 * Holocene, and after it whenever the system config leaves them at zero.
 */
public record Eip1559Params(long elasticity, long denominator, long denominatorCanyon) {
  public Eip1559Params {
    if (elasticity <= 0 || denominator <= 0 || denominatorCanyon <= 0) {
      throw new IllegalArgumentException("EIP-1559 parameters must be positive");
    }
  }
}
