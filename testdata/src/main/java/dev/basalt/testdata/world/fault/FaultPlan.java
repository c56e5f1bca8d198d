package dev.basalt.testdata.world.fault;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Faults waiting for the calls they apply to: each rule hits the next {@code times} calls that match
 * its predicate, rules are consulted in the order they were added, and a call takes at most one
 * fault. Thread-safe, so a test can arm faults while an HTTP front-end serves.
 *
 * @param <R> what a call is described by (a core command in-process, a method name over HTTP)
 */
public final class FaultPlan<R> {
  private final List<Rule<R>> rules = new ArrayList<>();

  private static final class Rule<R> {
    final Predicate<? super R> matches;
    final Fault fault;
    int remaining;

    Rule(Predicate<? super R> matches, Fault fault, int remaining) {
      this.matches = matches;
      this.fault = fault;
      this.remaining = remaining;
    }
  }

  /** Arms {@code fault} for the next {@code times} calls matching {@code matches}. */
  public synchronized FaultPlan<R> add(Predicate<? super R> matches, Fault fault, int times) {
    Objects.requireNonNull(matches, "matches");
    Objects.requireNonNull(fault, "fault");
    if (times <= 0) {
      throw new IllegalArgumentException("times must be positive");
    }
    rules.add(new Rule<>(matches, fault, times));
    return this;
  }

  /** The fault for this call, if any, consuming one use of its rule. */
  public synchronized Optional<Fault> take(R call) {
    Iterator<Rule<R>> it = rules.iterator();
    while (it.hasNext()) {
      Rule<R> rule = it.next();
      if (rule.matches.test(call)) {
        if (--rule.remaining == 0) {
          it.remove();
        }
        return Optional.of(rule.fault);
      }
    }
    return Optional.empty();
  }

  /** Drops every armed fault. */
  public synchronized void clear() {
    rules.clear();
  }

  public synchronized boolean isEmpty() {
    return rules.isEmpty();
  }
}
