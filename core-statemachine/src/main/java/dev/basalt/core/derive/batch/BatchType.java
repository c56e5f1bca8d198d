package dev.basalt.core.derive.batch;

/** The first byte of an encoded batch. Any other value makes the batch (and op-node: its channel) invalid. */
public enum BatchType {
  /** Version 0: one L2 block (Bedrock). */
  SINGULAR(0),
  /** Version 1: a span of consecutive L2 blocks (Delta). */
  SPAN(1);

  private final int code;

  BatchType(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }

  /** The type for a batch's first byte, or null when it is not a known type. */
  public static BatchType fromCode(int code) {
    return switch (code) {
      case 0 -> SINGULAR;
      case 1 -> SPAN;
      default -> null;
    };
  }
}
