package dev.basalt.journal;

/** A journal record failed a check (CRC, length, type, version, sequence). Names the record. */
public final class JournalCorruptException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String stream;
  private final long index;

  /**
   * @param stream {@code "inputs"} or {@code "outputs"}
   * @param index the record's index in that stream (the storage engine's index, printed in hex by
   *     Chronicle tools; for inputs also the sequence number we expected)
   */
  public JournalCorruptException(String stream, long index, String reason) {
    super(stream + " record at index " + index + " is corrupt: " + reason);
    this.stream = stream;
    this.index = index;
  }

  public String stream() {
    return stream;
  }

  public long index() {
    return index;
  }
}
