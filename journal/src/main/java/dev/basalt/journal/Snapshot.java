package dev.basalt.journal;

import dev.basalt.core.types.Bytes;
import java.util.Objects;

/** Core state right after input {@code seq} was applied ({@code Core.writeSnapshot} bytes). */
public record Snapshot(long seq, Bytes coreState) {
  public Snapshot {
    Objects.requireNonNull(coreState, "coreState");
  }
}
