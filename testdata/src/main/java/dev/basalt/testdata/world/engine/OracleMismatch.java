package dev.basalt.testdata.world.engine;

import java.util.Objects;

/** One field in which a build request's attributes differ from the real block expected at that height. */
public record OracleMismatch(long blockNumber, String field, String expected, String actual) {
  public OracleMismatch {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(expected, "expected");
    Objects.requireNonNull(actual, "actual");
  }

  @Override
  public String toString() {
    return "block " + blockNumber + " " + field + ": expected " + expected + ", got " + actual;
  }
}
