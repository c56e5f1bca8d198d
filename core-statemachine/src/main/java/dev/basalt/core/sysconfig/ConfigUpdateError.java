package dev.basalt.core.sysconfig;

/** Why a {@code ConfigUpdate} log of the SystemConfig contract was skipped. */
public enum ConfigUpdateError {
  /** Not exactly three topics (event id, version, update type). */
  TOPIC_COUNT,
  /** Topic 0 is not the {@code ConfigUpdate} event id. */
  NOT_CONFIG_UPDATE_EVENT,
  /** Topic 1 (version) is not 0. */
  UNKNOWN_VERSION,
  /** Topic 2 is not one of the defined update types 0-7. */
  UNKNOWN_TYPE,
  /** The ABI offset word is missing, not a padded u64, or not 32. */
  INVALID_POINTER,
  /** The ABI length word is missing, not a padded u64, or not the type's payload length. */
  INVALID_LENGTH,
  /** The payload value is missing or has non-zero padding for its ABI type. */
  INVALID_VALUE,
  /** Bytes follow the payload. */
  TOO_MANY_BYTES,
  /** EIP-1559 denominator and elasticity are not both zero or both non-zero. */
  INVALID_EIP1559_PARAMS,
  /**
   * An Ecotone-era fee-scalars update whose scalar has an unknown version byte or non-zero
   * padding. op-node ignores it without an error and keeps the previous overhead and scalar.
   */
  IGNORED_ECOTONE_SCALAR
}
