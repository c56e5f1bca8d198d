package dev.basalt.core.derive.batch;

import java.util.Arrays;

/** An immutable list of u64 values held in a {@code long[]} (nonces, gas limits, tx counts). */
public final class U64List {
  public static final U64List EMPTY = new U64List(new long[0]);

  private final long[] values;

  private U64List(long[] values) {
    this.values = values;
  }

  public static U64List of(long... values) {
    return values.length == 0 ? EMPTY : new U64List(values.clone());
  }

  /** Takes ownership of an array the caller just built and never touches again. */
  static U64List wrapOwned(long[] values) {
    return values.length == 0 ? EMPTY : new U64List(values);
  }

  public int size() {
    return values.length;
  }

  public long get(int index) {
    return values[index];
  }

  /** Sum as u64, or -1 when it overflows 64 bits unsigned. */
  long sumOrOverflow() {
    long sum = 0;
    for (long v : values) {
      long next = sum + v;
      if (Long.compareUnsigned(next, sum) < 0) {
        return -1;
      }
      sum = next;
    }
    return sum;
  }

  public long[] toArray() {
    return values.clone();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof U64List l && Arrays.equals(values, l.values);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(values);
  }

  @Override
  public String toString() {
    return values.length <= 16 ? Arrays.toString(values) : "U64List[" + values.length + " values]";
  }
}
