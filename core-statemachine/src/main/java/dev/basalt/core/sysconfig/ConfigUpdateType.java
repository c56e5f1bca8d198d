package dev.basalt.core.sysconfig;

/** The update types of {@code ConfigUpdate} version 0, by the code in topic 2. */
public enum ConfigUpdateType {
  /** Batcher address (as a version-0 batcher hash). */
  BATCHER(0),
  /** Fee overhead and scalar; from Ecotone the scalar is versioned and the overhead unused. */
  FEE_SCALARS(1),
  /** L2 block gas limit. */
  GAS_LIMIT(2),
  /** The P2P unsafe-block signer; not part of the derivation system config. */
  UNSAFE_BLOCK_SIGNER(3),
  /** Holocene EIP-1559 denominator and elasticity. */
  EIP_1559_PARAMS(4),
  /** Isthmus operator fee scalar and constant. */
  OPERATOR_FEE(5),
  /** Jovian minimum base fee. */
  MIN_BASE_FEE(6),
  /** Jovian DA-footprint gas scalar. */
  DA_FOOTPRINT_GAS_SCALAR(7);

  private static final ConfigUpdateType[] BY_CODE = values();

  private final int code;

  ConfigUpdateType(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }

  /** The type with {@code code}, or null when no such type is defined. */
  public static ConfigUpdateType ofCode(int code) {
    return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : null;
  }
}
