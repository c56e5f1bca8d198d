package dev.basalt.replay;

import dev.basalt.core.command.Command;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A short human-readable account of where two command lists first differ, down to the innermost
 * differing record component, e.g. {@code command #1 PublishSyncStatus.status.headL1.number:
 * expected 17, actual 18}. Reflection is fine here: this runs once per failed replay, outside the
 * core.
 */
public final class CommandDiff {
  /** Deeper nesting than any command has; stops a pathological value from recursing forever. */
  private static final int MAX_DEPTH = 16;

  private CommandDiff() {}

  /** Where {@code expected} and {@code actual} first differ; "no difference" when equal. */
  public static String firstDifference(List<Command> expected, List<Command> actual) {
    int n = Math.min(expected.size(), actual.size());
    for (int i = 0; i < n; i++) {
      Command e = expected.get(i);
      Command a = actual.get(i);
      if (!e.equals(a)) {
        return "command #" + i + " " + valueDifference(e.getClass().getSimpleName(), e, a, 0);
      }
    }
    if (expected.size() > n) {
      return "command #" + n + " missing: expected " + expected.get(n) + " (" + expected.size()
          + " expected, " + actual.size() + " emitted)";
    }
    if (actual.size() > n) {
      return "command #" + n + " not expected: emitted " + actual.get(n) + " (" + expected.size()
          + " expected, " + actual.size() + " emitted)";
    }
    return "no difference";
  }

  /** The path to and values of the first differing component of two unequal values. */
  static String valueDifference(String path, Object expected, Object actual, int depth) {
    if (expected == null || actual == null || expected.getClass() != actual.getClass()) {
      return path + ": expected " + describe(expected) + ", actual " + describe(actual);
    }
    if (depth < MAX_DEPTH && expected instanceof Record) {
      for (RecordComponent rc : expected.getClass().getRecordComponents()) {
        Object e = component(rc, expected);
        Object a = component(rc, actual);
        if (!Objects.equals(e, a)) {
          return valueDifference(path + "." + rc.getName(), e, a, depth + 1);
        }
      }
    }
    if (depth < MAX_DEPTH && expected instanceof Optional<?> e && actual instanceof Optional<?> a
        && e.isPresent() && a.isPresent()) {
      return valueDifference(path, e.get(), a.get(), depth + 1);
    }
    if (depth < MAX_DEPTH && expected instanceof List<?> e && actual instanceof List<?> a) {
      for (int i = 0; i < Math.min(e.size(), a.size()); i++) {
        if (!Objects.equals(e.get(i), a.get(i))) {
          return valueDifference(path + "[" + i + "]", e.get(i), a.get(i), depth + 1);
        }
      }
    }
    return path + ": expected " + describe(expected) + ", actual " + describe(actual);
  }

  private static Object component(RecordComponent rc, Object record) {
    try {
      return rc.getAccessor().invoke(record);
    } catch (IllegalAccessException | InvocationTargetException e) {
      // Core records are public with plain accessors; failing here is a bug in this tool.
      throw new IllegalStateException("cannot read " + rc + " of " + record.getClass(), e);
    }
  }

  private static String describe(Object value) {
    return String.valueOf(value);
  }
}
