package dev.basalt.core.collect;

import java.util.Arrays;
import java.util.NoSuchElementException;

/**
 * A map from {@code long} keys to values, keys kept ascending in one array: what a {@code
 * TreeMap<Long, V>} answers (the same order, the same replace-on-put), without boxing keys or
 * chasing tree nodes. Meant for a few dozen to a few thousand entries whose keys mostly arrive
 * ascending (block numbers, correlation ids): adding past the highest key and removing the lowest
 * are O(1); adding or removing elsewhere shifts the entries after it. Null values are not allowed
 * (a null answer means "absent"). Positions {@code 0 .. size() - 1} index the entries in key order.
 *
 * @param <V> the values
 */
public final class SortedLongMap<V> {
  private long[] keys;
  private Object[] values;
  /** The entries sit at {@code head .. head + size - 1}. */
  private int head;
  private int size;

  public SortedLongMap() {
    this(8);
  }

  public SortedLongMap(int initialCapacity) {
    int capacity = Math.max(4, initialCapacity);
    keys = new long[capacity];
    values = new Object[capacity];
  }

  public int size() {
    return size;
  }

  public boolean isEmpty() {
    return size == 0;
  }

  /** The position of {@code key}, or {@code -(insertion position) - 1} as {@link Arrays#binarySearch} answers. */
  public int indexOf(long key) {
    if (size > 0 && keys[head + size - 1] == key) {
      return size - 1; // the newest entry is the one most often asked for
    }
    int found = Arrays.binarySearch(keys, head, head + size, key);
    return found >= 0 ? found - head : found + head;
  }

  /** The value at {@code key}, or null. */
  public V get(long key) {
    int at = indexOf(key);
    return at >= 0 ? valueAt(at) : null;
  }

  public long keyAt(int index) {
    checkIndex(index);
    return keys[head + index];
  }

  @SuppressWarnings("unchecked")
  public V valueAt(int index) {
    checkIndex(index);
    return (V) values[head + index];
  }

  public void setValueAt(int index, V value) {
    checkIndex(index);
    values[head + index] = requireValue(value);
  }

  /** Maps {@code key} to {@code value}; returns the value it replaced, or null. */
  public V put(long key, V value) {
    requireValue(value);
    if (size == 0 || key > keys[head + size - 1]) {
      makeRoomAtEnd();
      keys[head + size] = key;
      values[head + size] = value;
      size++;
      return null;
    }
    int at = indexOf(key);
    if (at >= 0) {
      V old = valueAt(at);
      values[head + at] = value;
      return old;
    }
    int insert = -at - 1;
    makeRoomAtEnd();
    int from = head + insert;
    System.arraycopy(keys, from, keys, from + 1, size - insert);
    System.arraycopy(values, from, values, from + 1, size - insert);
    keys[from] = key;
    values[from] = value;
    size++;
    return null;
  }

  /** Removes {@code key}; returns its value, or null when it was absent. */
  public V remove(long key) {
    int at = indexOf(key);
    if (at < 0) {
      return null;
    }
    V old = valueAt(at);
    removeAt(at);
    return old;
  }

  /** Removes the entry at position {@code index}. */
  public void removeAt(int index) {
    checkIndex(index);
    if (index == 0) {
      values[head] = null;
      head++;
      size--;
      if (size == 0) {
        head = 0;
      }
      return;
    }
    int from = head + index;
    System.arraycopy(keys, from + 1, keys, from, size - index - 1);
    System.arraycopy(values, from + 1, values, from, size - index - 1);
    size--;
    values[head + size] = null;
  }

  /** The lowest key; throws when empty (as {@code TreeMap.firstKey}). */
  public long firstKey() {
    if (size == 0) {
      throw new NoSuchElementException();
    }
    return keys[head];
  }

  /** The highest key; throws when empty (as {@code TreeMap.lastKey}). */
  public long lastKey() {
    if (size == 0) {
      throw new NoSuchElementException();
    }
    return keys[head + size - 1];
  }

  /** The number of keys below {@code key}: the position of the first key at or above it. */
  public int countBelow(long key) {
    int at = indexOf(key);
    return at >= 0 ? at : -at - 1;
  }

  /** Removes every key at or above {@code key} (as {@code tailMap(key, true).clear()}). */
  public void removeFrom(long key) {
    int keep = countBelow(key);
    Arrays.fill(values, head + keep, head + size, null);
    size = keep;
    if (size == 0) {
      head = 0;
    }
  }

  /** Removes every key below {@code key} (as {@code headMap(key, false).clear()}). */
  public void removeBelow(long key) {
    int drop = countBelow(key);
    Arrays.fill(values, head, head + drop, null);
    head += drop;
    size -= drop;
    if (size == 0) {
      head = 0;
    }
  }

  public void clear() {
    Arrays.fill(values, head, head + size, null);
    head = 0;
    size = 0;
  }

  private void makeRoomAtEnd() {
    if (head + size < keys.length) {
      return;
    }
    if (size * 2 <= keys.length && head > 0) {
      // Room freed at the front (lowest keys removed): slide down instead of growing.
      System.arraycopy(keys, head, keys, 0, size);
      System.arraycopy(values, head, values, 0, size);
      Arrays.fill(values, size, head + size, null);
    } else {
      long[] k = new long[keys.length * 2];
      Object[] v = new Object[keys.length * 2];
      System.arraycopy(keys, head, k, 0, size);
      System.arraycopy(values, head, v, 0, size);
      keys = k;
      values = v;
    }
    head = 0;
  }

  private void checkIndex(int index) {
    if (index < 0 || index >= size) {
      throw new IndexOutOfBoundsException("index " + index + " of " + size);
    }
  }

  private static <V> V requireValue(V value) {
    if (value == null) {
      throw new NullPointerException("value");
    }
    return value;
  }
}
