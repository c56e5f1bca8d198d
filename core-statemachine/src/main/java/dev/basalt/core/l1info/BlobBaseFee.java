package dev.basalt.core.l1info;

import java.math.BigInteger;

/**
 * The L1 blob base fee of EIP-4844: {@code fake_exponential(MIN_BLOB_BASE_FEE, excessBlobGas,
 * updateFraction)}. The update fraction depends on the L1 chain's fork (Cancun 3338477, Prague
 * 5007716, and each BPO fork its own), which the L1 chain configuration supplies; it is a
 * parameter here.
 */
public final class BlobBaseFee {
  /** EIP-4844 {@code MIN_BASE_FEE_PER_BLOB_GAS}; also what op-node uses before L1 has blobs. */
  public static final BigInteger MIN_BLOB_BASE_FEE = BigInteger.ONE;

  /**
   * Results above this cannot appear in L1-info calldata (a u256 word). Stopping there also bounds
   * the series: for realistic inputs it converges in a few hundred terms, and for absurd ones
   * it passes the bound within a few hundred terms instead of running for trillions.
   */
  private static final BigInteger MAX_U256 = BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE);

  private BlobBaseFee() {}

  /**
   * The blob base fee for a header's {@code excessBlobGas} (u64) under {@code updateFraction}.
   *
   * @throws IllegalArgumentException when {@code updateFraction} is zero
   * @throws ArithmeticException when the fee exceeds 2^256 - 1, which no valid L1 header implies
   */
  public static BigInteger of(long excessBlobGas, long updateFraction) {
    if (updateFraction == 0) {
      throw new IllegalArgumentException("blob base fee update fraction must be positive");
    }
    return fakeExponential(MIN_BLOB_BASE_FEE, unsigned(excessBlobGas), unsigned(updateFraction));
  }

  /**
   * EIP-4844's integer approximation of {@code factor * e^(numerator / denominator)}: the Taylor
   * series summed term by term in integers, each term floored, exactly as the EIP specifies.
   */
  public static BigInteger fakeExponential(BigInteger factor, BigInteger numerator, BigInteger denominator) {
    if (factor.signum() < 0 || numerator.signum() < 0 || denominator.signum() <= 0) {
      throw new IllegalArgumentException("fake_exponential needs factor, numerator >= 0 and denominator > 0");
    }
    BigInteger limit = MAX_U256.add(BigInteger.ONE).multiply(denominator);
    BigInteger output = BigInteger.ZERO;
    BigInteger accumulator = factor.multiply(denominator);
    BigInteger i = BigInteger.ONE;
    while (accumulator.signum() > 0) {
      output = output.add(accumulator);
      if (output.compareTo(limit) >= 0) {
        throw new ArithmeticException("blob base fee exceeds 2^256 - 1");
      }
      accumulator = accumulator.multiply(numerator).divide(denominator.multiply(i));
      i = i.add(BigInteger.ONE);
    }
    return output.divide(denominator);
  }

  private static BigInteger unsigned(long v) {
    return v >= 0 ? BigInteger.valueOf(v) : BigInteger.valueOf(v).add(BigInteger.ONE.shiftLeft(64));
  }
}
