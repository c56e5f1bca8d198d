package dev.basalt.core.config;

import dev.basalt.core.types.Address;
import dev.basalt.core.types.Hash32;
import java.util.Objects;

/**
 * The L1-controlled part of the chain's configuration, updated by {@code ConfigUpdate} logs of the
 * SystemConfig contract (update types 0-7).
 *
 * @param batcherAddress who may post batches (type 0; stored on L1 as a bytes32 batcher hash)
 * @param overhead pre-Ecotone fee overhead (type 1, bytes32)
 * @param scalar fee scalar; from Ecotone a versioned packing of base and blob scalars (type 1)
 * @param gasLimit L2 block gas limit (type 2)
 * @param eip1559Denominator Holocene EIP-1559 denominator (type 4; 0 = use the chain default)
 * @param eip1559Elasticity Holocene EIP-1559 elasticity (type 4; 0 = use the chain default)
 * @param operatorFeeScalar Isthmus operator fee scalar (type 5, u32)
 * @param operatorFeeConstant Isthmus operator fee constant (type 5, u64)
 * @param minBaseFee Jovian minimum base fee (type 6, u64)
 * @param daFootprintGasScalar Jovian DA footprint gas scalar (type 7, u16; 0 = protocol default)
 */
public record SystemConfig(
    Address batcherAddress,
    Hash32 overhead,
    Hash32 scalar,
    long gasLimit,
    long eip1559Denominator,
    long eip1559Elasticity,
    long operatorFeeScalar,
    long operatorFeeConstant,
    long minBaseFee,
    int daFootprintGasScalar) {
  public SystemConfig {
    Objects.requireNonNull(batcherAddress, "batcherAddress");
    Objects.requireNonNull(overhead, "overhead");
    Objects.requireNonNull(scalar, "scalar");
    if (daFootprintGasScalar < 0 || daFootprintGasScalar > 0xffff) {
      throw new IllegalArgumentException("daFootprintGasScalar must fit in 16 bits");
    }
  }

  public SystemConfig withBatcher(Address a) {
    return new SystemConfig(a, overhead, scalar, gasLimit, eip1559Denominator, eip1559Elasticity, operatorFeeScalar, operatorFeeConstant, minBaseFee, daFootprintGasScalar);
  }

  public SystemConfig withFeeScalars(Hash32 newOverhead, Hash32 newScalar) {
    return new SystemConfig(batcherAddress, newOverhead, newScalar, gasLimit, eip1559Denominator, eip1559Elasticity, operatorFeeScalar, operatorFeeConstant, minBaseFee, daFootprintGasScalar);
  }

  public SystemConfig withGasLimit(long newGasLimit) {
    return new SystemConfig(batcherAddress, overhead, scalar, newGasLimit, eip1559Denominator, eip1559Elasticity, operatorFeeScalar, operatorFeeConstant, minBaseFee, daFootprintGasScalar);
  }

  public SystemConfig withEip1559(long denominator, long elasticity) {
    return new SystemConfig(batcherAddress, overhead, scalar, gasLimit, denominator, elasticity, operatorFeeScalar, operatorFeeConstant, minBaseFee, daFootprintGasScalar);
  }

  public SystemConfig withOperatorFee(long feeScalar, long feeConstant) {
    return new SystemConfig(batcherAddress, overhead, scalar, gasLimit, eip1559Denominator, eip1559Elasticity, feeScalar, feeConstant, minBaseFee, daFootprintGasScalar);
  }

  public SystemConfig withMinBaseFee(long newMinBaseFee) {
    return new SystemConfig(batcherAddress, overhead, scalar, gasLimit, eip1559Denominator, eip1559Elasticity, operatorFeeScalar, operatorFeeConstant, newMinBaseFee, daFootprintGasScalar);
  }

  public SystemConfig withDaFootprintGasScalar(int newScalar) {
    return new SystemConfig(batcherAddress, overhead, scalar, gasLimit, eip1559Denominator, eip1559Elasticity, operatorFeeScalar, operatorFeeConstant, minBaseFee, newScalar);
  }
}
