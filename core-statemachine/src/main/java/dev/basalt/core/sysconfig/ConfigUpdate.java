package dev.basalt.core.sysconfig;

import dev.basalt.core.types.Address;
import dev.basalt.core.types.Hash32;
import java.util.Objects;

/** A parsed, well-formed system-config update; one record per {@link ConfigUpdateType}. */
public sealed interface ConfigUpdate {

  ConfigUpdateType type();

  /** Type 0: the new batcher address. */
  record Batcher(Address batcher) implements ConfigUpdate {
    public Batcher {
      Objects.requireNonNull(batcher, "batcher");
    }

    @Override
    public ConfigUpdateType type() {
      return ConfigUpdateType.BATCHER;
    }
  }

  /** Type 1: overhead and scalar words exactly as logged (Ecotone semantics apply later). */
  record FeeScalars(Hash32 overhead, Hash32 scalar) implements ConfigUpdate {
    public FeeScalars {
      Objects.requireNonNull(overhead, "overhead");
      Objects.requireNonNull(scalar, "scalar");
    }

    @Override
    public ConfigUpdateType type() {
      return ConfigUpdateType.FEE_SCALARS;
    }
  }

  /** Type 2: the gas limit, u64. */
  record GasLimit(long gasLimit) implements ConfigUpdate {
    @Override
    public ConfigUpdateType type() {
      return ConfigUpdateType.GAS_LIMIT;
    }
  }

  /** Type 3: the unsafe-block signer for P2P gossip validation. */
  record UnsafeBlockSigner(Address signer) implements ConfigUpdate {
    public UnsafeBlockSigner {
      Objects.requireNonNull(signer, "signer");
    }

    @Override
    public ConfigUpdateType type() {
      return ConfigUpdateType.UNSAFE_BLOCK_SIGNER;
    }
  }

  /** Type 4: EIP-1559 denominator and elasticity, u32 each, both zero or both non-zero. */
  record Eip1559Params(long denominator, long elasticity) implements ConfigUpdate {
    @Override
    public ConfigUpdateType type() {
      return ConfigUpdateType.EIP_1559_PARAMS;
    }
  }

  /** Type 5: operator fee scalar (u32) and constant (u64). */
  record OperatorFee(long scalar, long constant) implements ConfigUpdate {
    @Override
    public ConfigUpdateType type() {
      return ConfigUpdateType.OPERATOR_FEE;
    }
  }

  /** Type 6: minimum base fee, u64. */
  record MinBaseFee(long minBaseFee) implements ConfigUpdate {
    @Override
    public ConfigUpdateType type() {
      return ConfigUpdateType.MIN_BASE_FEE;
    }
  }

  /** Type 7: DA-footprint gas scalar, u16 (0 means the protocol default at use). */
  record DaFootprintGasScalar(int scalar) implements ConfigUpdate {
    public DaFootprintGasScalar {
      if (scalar < 0 || scalar > 0xffff) {
        throw new IllegalArgumentException("DA footprint gas scalar must fit in 16 bits: " + scalar);
      }
    }

    @Override
    public ConfigUpdateType type() {
      return ConfigUpdateType.DA_FOOTPRINT_GAS_SCALAR;
    }
  }
}
