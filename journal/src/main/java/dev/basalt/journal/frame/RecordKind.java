package dev.basalt.journal.frame;

/** What a journal record holds; the first byte of every record. Codes are never reused. */
public enum RecordKind {
  /** The journal header; the first record of each stream. */
  HEADER(1, false),
  /** One input event, with the time the node journaled it. */
  INPUT(2, true),
  /** The commands (and maybe the state hash) for one applied input. */
  OUTPUT(3, false);

  private final int code;
  private final boolean hasIngestMillis;

  RecordKind(int code, boolean hasIngestMillis) {
    this.code = code;
    this.hasIngestMillis = hasIngestMillis;
  }

  public int code() {
    return code;
  }

  /** Bytes before the payload: kind, tag, version, seq, [ingest millis], payload length. */
  int headerBytes() {
    return 1 + 2 + 1 + 8 + (hasIngestMillis ? 8 : 0) + 4;
  }

  boolean hasIngestMillis() {
    return hasIngestMillis;
  }

  /** The kind with this code, or null. */
  static RecordKind fromCode(int code) {
    for (RecordKind kind : values()) {
      if (kind.code == code) {
        return kind;
      }
    }
    return null;
  }
}
