package dev.basalt.testdata.world;

import dev.basalt.core.event.InputEvent;
import java.util.Objects;

/** An event answering a core command, due {@code delayMillis} after the command was handled. */
public record Answer(InputEvent event, long delayMillis) {
  public Answer {
    Objects.requireNonNull(event, "event");
    if (delayMillis < 0) {
      throw new IllegalArgumentException("negative delay");
    }
  }

  public static Answer now(InputEvent event) {
    return new Answer(event, 0);
  }
}
