package dev.basalt.core.derive.channel;

/** How a channel's batches are compressed, told apart by the channel's first byte. */
public enum ChannelCompression {
  /** RFC 1950 zlib: the first byte is the zlib CMF, whose low nibble is 8 (or the reserved 15). */
  ZLIB,
  /** Fjord versioned format: byte 0x01, then an RFC 7932 brotli stream. */
  BROTLI;

  /** The channel version byte that announces brotli. */
  public static final int CHANNEL_VERSION_BROTLI = 0x01;

  /**
   * op-node's test order: a low nibble of 8 or 15 means zlib (15 then fails the zlib header check);
   * exactly 0x01 means brotli; anything else is unknown (null).
   */
  public static ChannelCompression detect(int firstByte) {
    int nibble = firstByte & 0x0f;
    if (nibble == 8 || nibble == 15) {
      return ZLIB;
    }
    return firstByte == CHANNEL_VERSION_BROTLI ? BROTLI : null;
  }
}
