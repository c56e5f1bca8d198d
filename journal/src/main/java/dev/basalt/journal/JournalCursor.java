package dev.basalt.journal;

/**
 * Reads records in order. Not thread-safe; close it on the thread that opened it.
 *
 * @param <T> {@link InputRecord} or {@link OutputRecord}
 */
public interface JournalCursor<T> extends AutoCloseable {
  /**
   * The next record, or null at the current end of the journal (a later call may return records
   * appended since).
   *
   * @throws JournalCorruptException when the next record fails its checks
   */
  T next();

  @Override
  void close();
}
