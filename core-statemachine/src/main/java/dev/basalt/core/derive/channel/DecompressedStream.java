package dev.basalt.core.derive.channel;

/** A channel's decompressed bytes, pulled on demand. Never throws on bad input. */
interface DecompressedStream {
  /**
   * Reads up to {@code len} bytes into {@code out}; returns how many (more than 0 when len is), or
   * -1 once there is no more data, either because the stream ended or because it failed.
   */
  int read(byte[] out, int off, int len);

  /** Null while healthy or after a clean end; what went wrong after a failure. */
  String failure();

  /** Frees the decoder; reads afterwards return -1. */
  void close();

  /** A stream that failed before yielding anything. */
  static DecompressedStream failed(String why) {
    return new DecompressedStream() {
      @Override
      public int read(byte[] out, int off, int len) {
        return -1;
      }

      @Override
      public String failure() {
        return why;
      }

      @Override
      public void close() {}
    };
  }
}
