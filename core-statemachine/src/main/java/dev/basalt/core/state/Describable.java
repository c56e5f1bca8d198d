package dev.basalt.core.state;

/** A piece of core state that can describe itself canonically. */
public interface Describable {
  void describeTo(StateVisitor visitor);
}
