package dev.basalt.journal.codec;

import dev.basalt.core.codec.BinaryReader;
import dev.basalt.core.codec.DecodeException;
import dev.basalt.core.engine.ExecutionStatus;
import dev.basalt.core.event.FailureKind;

/**
 * Stable byte codes for enums in journal records. Codes are explicit rather than ordinals, so
 * reordering or inserting an enum constant cannot silently change the meaning of old journals; a
 * new constant fails compilation here until it gets a code (never reuse one).
 */
final class EnumCodes {
  private EnumCodes() {}

  static int code(FailureKind kind) {
    return switch (kind) {
      case TIMEOUT -> 1;
      case TRANSPORT -> 2;
      case REMOTE_ERROR -> 3;
      case NOT_FOUND -> 4;
      case UNAUTHORIZED -> 5;
      case INVALID_RESPONSE -> 6;
    };
  }

  static FailureKind readFailureKind(BinaryReader r) {
    int code = r.u8();
    return switch (code) {
      case 1 -> FailureKind.TIMEOUT;
      case 2 -> FailureKind.TRANSPORT;
      case 3 -> FailureKind.REMOTE_ERROR;
      case 4 -> FailureKind.NOT_FOUND;
      case 5 -> FailureKind.UNAUTHORIZED;
      case 6 -> FailureKind.INVALID_RESPONSE;
      default -> throw new DecodeException("unknown failure kind code " + code + " at offset " + (r.position() - 1));
    };
  }

  static int code(ExecutionStatus status) {
    return switch (status) {
      case VALID -> 1;
      case INVALID -> 2;
      case SYNCING -> 3;
      case ACCEPTED -> 4;
      case INVALID_BLOCK_HASH -> 5;
    };
  }

  static ExecutionStatus readExecutionStatus(BinaryReader r) {
    int code = r.u8();
    return switch (code) {
      case 1 -> ExecutionStatus.VALID;
      case 2 -> ExecutionStatus.INVALID;
      case 3 -> ExecutionStatus.SYNCING;
      case 4 -> ExecutionStatus.ACCEPTED;
      case 5 -> ExecutionStatus.INVALID_BLOCK_HASH;
      default ->
          throw new DecodeException("unknown execution status code " + code + " at offset " + (r.position() - 1));
    };
  }
}
