package dev.basalt.core.derive.payload;

import java.util.Objects;

/**
 * Whether derived attributes describe an existing (unsafe) block, as {@link AttributesMatcher}
 * decides. A match lets the engine controller promote the block to safe instead of building it
 * again; a mismatch makes it build the derived block, replacing the unsafe chain from there.
 */
public sealed interface AttributesMatch {

  /** The block is what the attributes ask for. */
  record Matches() implements AttributesMatch {}

  /** The first difference found, in op-node's order; {@code reason} is for humans and logs. */
  record Mismatch(String reason) implements AttributesMatch {
    public Mismatch {
      Objects.requireNonNull(reason, "reason");
    }
  }

  default boolean isMatch() {
    return this instanceof Matches;
  }
}
