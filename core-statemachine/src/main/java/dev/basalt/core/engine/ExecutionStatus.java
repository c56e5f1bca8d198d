package dev.basalt.core.engine;

/** {@code PayloadStatusV1.status} of the Engine API. */
public enum ExecutionStatus {
  VALID,
  INVALID,
  SYNCING,
  ACCEPTED,
  INVALID_BLOCK_HASH
}
