package dev.basalt.core.flow;

import dev.basalt.core.command.Command;
import dev.basalt.core.command.ScheduleWakeup;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.LongFunction;

/**
 * What applying one input event produces: commands for the adapters, and signals between the
 * core's components. Components get one per event and never keep it.
 */
public final class Outbox {
  /**
   * Signals one event may raise. Each signal does bounded work, and a chain of them ends within a
   * few dozen; hitting this means two components are bouncing signals forever, which is a bug.
   */
  public static final int MAX_SIGNALS_PER_EVENT = 10_000;

  private final Requests requests;
  private final long nowMillis;
  private final List<Command> commands = new ArrayList<>(4);
  private final ArrayDeque<Signal> signals = new ArrayDeque<>();
  private int signalsRaised;

  public Outbox(Requests requests, long nowMillis) {
    this.requests = Objects.requireNonNull(requests, "requests");
    this.nowMillis = nowMillis;
  }

  /** The time of the event being applied (the latest time the core has been told). */
  public long nowMillis() {
    return nowMillis;
  }

  /** Issues a request for {@code purpose}: {@code make} builds the command from the fresh id. */
  public long request(Pending purpose, LongFunction<Command> make) {
    long id = requests.issue(purpose);
    commands.add(make.apply(id));
    return id;
  }

  /** Asks for a {@code WakeupFired} after {@code delayMillis}; returns its correlation id. */
  public long wakeup(WakeupPurpose purpose, long delayMillis) {
    long at = nowMillis + Math.max(0, delayMillis);
    return request(new Pending.Wakeup(purpose), id -> new ScheduleWakeup(id, at));
  }

  /** A command that expects no answer. */
  public void emit(Command command) {
    commands.add(Objects.requireNonNull(command, "command"));
  }

  public void signal(Signal signal) {
    if (++signalsRaised > MAX_SIGNALS_PER_EVENT) {
      throw new IllegalStateException("more than " + MAX_SIGNALS_PER_EVENT + " signals for one event, last " + signal);
    }
    signals.add(Objects.requireNonNull(signal, "signal"));
  }

  public boolean hasSignals() {
    return !signals.isEmpty();
  }

  /** The next undelivered signal, or null. */
  public Signal nextSignal() {
    return signals.poll();
  }

  public List<Command> commands() {
    return commands;
  }
}
