package dev.basalt.journal;

import dev.basalt.core.types.Hash32;
import java.util.Objects;

/**
 * The first record of a journal: which codec wrote it, which node version, and the hash of the
 * configuration the node was started with (the full configuration is inside each
 * {@code NodeStarted} event).
 */
public record JournalHeader(
    int formatVersion, String nodeVersion, long l2ChainId, Hash32 configHash, long createdMillis) {
  public JournalHeader {
    Objects.requireNonNull(nodeVersion, "nodeVersion");
    Objects.requireNonNull(configHash, "configHash");
  }
}
