package dev.basalt.adapters.ring;

import dev.basalt.core.command.Command;
import dev.basalt.core.event.InputEvent;
import dev.basalt.core.types.Bytes;
import dev.basalt.core.types.Hash32;
import java.util.List;

/**
 * A pre-allocated ring slot. Each stage fills in its part: the publisher the event, the journal
 * handler the sequence number, the core handler the commands (and sometimes a state hash or a
 * snapshot); the dispatcher clears it so no event stays reachable after it is done.
 */
final class RingSlot {
  InputEvent event;
  long seq = -1;
  List<Command> commands;
  Hash32 stateHash;
  Bytes snapshot;

  void clear() {
    event = null;
    seq = -1;
    commands = null;
    stateHash = null;
    snapshot = null;
  }
}
