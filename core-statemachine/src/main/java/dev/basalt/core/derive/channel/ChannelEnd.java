package dev.basalt.core.derive.channel;

/** Why a channel yields no further batches. Whatever the reason, batches already read stay valid. */
public enum ChannelEnd {
  /** The decompressed stream ended cleanly after the last batch. */
  EXHAUSTED,
  /** The channel data was empty. */
  EMPTY,
  /** The first byte names no known compression. */
  UNKNOWN_COMPRESSION,
  /** A brotli channel read before Fjord. */
  BROTLI_BEFORE_FJORD,
  /** A bad zlib header, a corrupt or truncated compressed stream, or a checksum mismatch. */
  DECOMPRESSION_FAILED,
  /** The next batch would cross {@code MAX_RLP_BYTES_PER_CHANNEL}. */
  RLP_LIMIT,
  /** The decompressed bytes are not a well-formed RLP byte string (a list, bad header, cut short). */
  MALFORMED_RLP,
  /** A batch of unknown type, or with malformed content. */
  MALFORMED_BATCH
}
