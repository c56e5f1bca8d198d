package dev.basalt.core.collect;

/**
 * {@code Objects.equals} for immutable values that are compared often and are mostly the same
 * object or one of two equal objects (a config before and after a core restored it from a
 * snapshot): remembers the last two distinct objects found equal, so asking about them again costs
 * two identity checks instead of a field-by-field comparison. Only for immutable values: the
 * answer for a remembered pair is never recomputed. One thread only.
 *
 * @param <T> the values, immutable
 */
public final class KnownEqual<T> {
  private T first;
  private T second;

  /** Whether {@code a} equals {@code b} (neither null). */
  public boolean same(T a, T b) {
    if (a == b) {
      return true;
    }
    if ((a == first && b == second) || (a == second && b == first)) {
      return true;
    }
    if (!a.equals(b)) {
      return false;
    }
    first = a;
    second = b;
    return true;
  }
}
