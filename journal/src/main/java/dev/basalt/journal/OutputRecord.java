package dev.basalt.journal;

import dev.basalt.core.command.Command;
import dev.basalt.core.types.Hash32;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the core emitted when it applied input {@code inputSeq}, and, every so often, the state hash
 * right after it. Replay compares both.
 */
public record OutputRecord(long inputSeq, List<Command> commands, Optional<Hash32> stateHash) {
  public OutputRecord {
    commands = List.copyOf(commands);
    Objects.requireNonNull(stateHash, "stateHash");
  }
}
