package dev.basalt.replay;

import dev.basalt.core.event.InputEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which inputs to print: a sequence range (both ends inclusive) and optionally one event type,
 * named by its simple class name in any case ({@code l1headobserved} matches
 * {@code L1HeadObserved}).
 */
public record EventFilter(long fromSeq, long toSeq, Optional<Class<? extends InputEvent>> type) {
  public static final EventFilter ALL = new EventFilter(0, Long.MAX_VALUE, Optional.empty());

  public EventFilter {
    if (fromSeq < 0 || toSeq < fromSeq) {
      throw new IllegalArgumentException("bad range --from " + fromSeq + " --to " + toSeq);
    }
  }

  /**
   * A filter from command-line values.
   *
   * @throws IllegalArgumentException for a bad range or a type that is no input event, naming the
   *     known types
   */
  public static EventFilter of(Long fromSeq, Long toSeq, String typeName) {
    long from = fromSeq == null ? 0 : fromSeq;
    long to = toSeq == null ? Long.MAX_VALUE : toSeq;
    return new EventFilter(from, to, typeName == null ? Optional.empty() : Optional.of(eventType(typeName)));
  }

  public boolean matches(InputEvent event) {
    return type.isEmpty() || type.get() == event.getClass();
  }

  /** The input event class with this simple name, ignoring case. */
  public static Class<? extends InputEvent> eventType(String simpleName) {
    List<String> known = new ArrayList<>();
    for (Class<?> c : InputEvent.class.getPermittedSubclasses()) {
      if (c.getSimpleName().equalsIgnoreCase(simpleName.trim())) {
        return c.asSubclass(InputEvent.class);
      }
      known.add(c.getSimpleName());
    }
    throw new IllegalArgumentException(
        "unknown event type '" + simpleName + "'; known types: " + String.join(", ", known));
  }

  @Override
  public String toString() {
    return "seq "
        + fromSeq
        + ".."
        + (toSeq == Long.MAX_VALUE ? "end" : Long.toString(toSeq))
        + type.map(t -> ", type " + t.getSimpleName().toLowerCase(Locale.ROOT)).orElse("");
  }
}
