package dev.basalt.journal;

import dev.basalt.core.event.InputEvent;
import java.util.Objects;

/**
 * One journaled input event. {@code seq} is the event's position in the journal (contiguous,
 * starting at 0); {@code ingestMillis} is when the node journaled it, kept for humans only: the core
 * never sees it.
 */
public record InputRecord(long seq, long ingestMillis, InputEvent event) {
  public InputRecord {
    Objects.requireNonNull(event, "event");
  }
}
