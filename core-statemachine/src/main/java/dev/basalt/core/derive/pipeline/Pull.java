package dev.basalt.core.derive.pipeline;

import java.util.Objects;

/**
 * The answer of one stage when the next stage pulls from it: op-node's {@code (value, error)}
 * pairs as a closed set of values. {@link Eof} is {@code io.EOF} (nothing more at this L1 origin),
 * {@link More} is {@code NotEnoughData} (progress was made, pull again), and {@link Halt} carries a
 * result the whole pipeline must return to its caller (missing data, reset, critical).
 */
public sealed interface Pull<T> {

  /** A value for the next stage. */
  record Value<T>(T value) implements Pull<T> {
    public Value {
      Objects.requireNonNull(value, "value");
    }
  }

  /** No more data at the current L1 origin. */
  record Eof<T>() implements Pull<T> {}

  /** Internal progress was made without a value: pull again. */
  record More<T>() implements Pull<T> {}

  /** Stop stepping and return {@code result} to the pipeline's caller. */
  record Halt<T>(StepResult result) implements Pull<T> {
    public Halt {
      Objects.requireNonNull(result, "result");
    }
  }

  static <T> Pull<T> value(T value) {
    return new Value<>(value);
  }

  static <T> Pull<T> eof() {
    return new Eof<>();
  }

  static <T> Pull<T> more() {
    return new More<>();
  }

  static <T> Pull<T> halt(StepResult result) {
    return new Halt<>(result);
  }

  static <T> Pull<T> needL1Block(long number) {
    return new Halt<>(new StepResult.NeedL1Block(number));
  }

  static <T> Pull<T> needL2Block(long number) {
    return new Halt<>(new StepResult.NeedL2Block(number));
  }

  static <T> Pull<T> reset(String reason) {
    return new Halt<>(new StepResult.Reset(reason));
  }

  static <T> Pull<T> critical(String reason) {
    return new Halt<>(new StepResult.Critical(reason));
  }

  /**
   * The same non-value answer for a different value type; a stage passes its predecessor's
   * {@link Eof}, {@link More} and {@link Halt} through unchanged.
   *
   * @throws IllegalStateException on a {@link Value}, which the caller must handle itself
   */
  default <U> Pull<U> pass() {
    return switch (this) {
      case Eof<T> e -> new Eof<>();
      case More<T> m -> new More<>();
      case Halt<T> h -> new Halt<>(h.result());
      case Value<T> v -> throw new IllegalStateException("a value cannot be passed on as another type");
    };
  }
}
