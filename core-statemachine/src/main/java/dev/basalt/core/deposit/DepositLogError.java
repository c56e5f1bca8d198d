package dev.basalt.core.deposit;

/** Why a log of the deposit contract is not a valid {@code TransactionDeposited} event. */
public enum DepositLogError {
  /** Not exactly four topics (event id, from, to, version). */
  TOPIC_COUNT,
  /** Topic 0 is not the {@code TransactionDeposited} event id. */
  NOT_DEPOSIT_EVENT,
  /** Data shorter than the 64-byte ABI head of {@code bytes opaqueData}. */
  DATA_TOO_SHORT,
  /** Data length not a multiple of 32 bytes. */
  DATA_NOT_WORD_ALIGNED,
  /** The ABI offset of {@code opaqueData} is not 32. */
  BAD_OPAQUE_OFFSET,
  /** The ABI length of {@code opaqueData} is not a u64, exceeds the data, or leaves a padding word. */
  BAD_OPAQUE_LENGTH,
  /** Topic 3 (version) is not 0, the only version defined. */
  UNSUPPORTED_VERSION,
  /** Version-0 opaque data shorter than mint, value, gas and creation flag (73 bytes). */
  OPAQUE_DATA_TOO_SHORT
}
