package dev.basalt.testdata.world.l1;

import java.math.BigInteger;

/** Header fee fields computed from the parent, as execution clients do (EIP-1559, EIP-4844). */
final class L1Fees {
  /** EIP-4844 {@code GAS_PER_BLOB}. */
  static final long GAS_PER_BLOB = 131_072;
  static final BigInteger GENESIS_BASE_FEE = BigInteger.valueOf(1_000_000_000L);
  private static final long ELASTICITY = 2;
  private static final long DENOMINATOR = 8;

  private L1Fees() {}

  /** EIP-1559's base fee of the child of a block with these values. */
  static BigInteger baseFee(BigInteger parentBaseFee, long parentGasUsed, long parentGasLimit) {
    long target = parentGasLimit / ELASTICITY;
    if (parentGasUsed == target) {
      return parentBaseFee;
    }
    BigInteger t = BigInteger.valueOf(target);
    BigInteger d = BigInteger.valueOf(DENOMINATOR);
    if (parentGasUsed > target) {
      BigInteger delta = parentBaseFee.multiply(BigInteger.valueOf(parentGasUsed - target)).divide(t).divide(d);
      return parentBaseFee.add(delta.max(BigInteger.ONE));
    }
    BigInteger delta = parentBaseFee.multiply(BigInteger.valueOf(target - parentGasUsed)).divide(t).divide(d);
    return parentBaseFee.subtract(delta);
  }

  /** EIP-4844's excess blob gas (Cancun/Prague rule, before Osaka's EIP-7918). */
  static long excessBlobGas(long parentExcess, long parentBlobGasUsed, long targetBlobs) {
    long sum = parentExcess + parentBlobGasUsed;
    long target = targetBlobs * GAS_PER_BLOB;
    return sum < target ? 0 : sum - target;
  }

  /** Intrinsic gas of calldata: 16 per non-zero byte, 4 per zero byte. */
  static long calldataGas(dev.basalt.core.types.Bytes data) {
    long gas = 0;
    for (int i = 0, n = data.length(); i < n; i++) { // read in place, not copied out
      gas += data.get(i) == 0 ? 4 : 16;
    }
    return gas;
  }
}
