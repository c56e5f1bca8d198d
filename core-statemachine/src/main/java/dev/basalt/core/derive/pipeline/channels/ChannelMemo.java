package dev.basalt.core.derive.pipeline.channels;

import dev.basalt.core.codec.DecodeException;
import dev.basalt.core.derive.batch.RawSpanBatch;
import dev.basalt.core.derive.batch.SpanBatch;
import dev.basalt.core.derive.channel.BatchRead;
import dev.basalt.core.derive.channel.ChannelLimits;
import dev.basalt.core.types.Bytes;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Remembers what reading a channel gave, so that a channel read again (after every pipeline reset,
 * which walks L1 back by a channel timeout and re-reads each channel of that stretch; after a
 * restart from a snapshot) is not decompressed and decoded again, and its span batches are not
 * expanded again.
 *
 * <p>A read of a channel is a pure function of its compressed bytes and the limits it was opened
 * with; a span batch's expansion is a pure function of the batch and three chain constants. The key
 * is exactly those inputs, compared by value, so a hit answers what reading would: a memo can never
 * change an output, and whether it is fresh, shared or full is invisible to the core's decisions.
 * Only channels read to their end are remembered (a reset or flush can stop a reader half-way).
 *
 * <p>Bounded: at most {@value #MAX_CHANNELS} channels and {@value #MAX_TOTAL_BYTES} decompressed
 * bytes, oldest forgotten first; a channel of more than {@value #MAX_CHANNEL_BYTES} decompressed bytes
 * is never kept. Never iterated where order could reach an output, never written to a snapshot. Not
 * thread-safe: one memo belongs to one core's thread.
 */
public final class ChannelMemo {
  static final int MAX_CHANNELS = 256;
  static final long MAX_CHANNEL_BYTES = 8L << 20;
  static final long MAX_TOTAL_BYTES = 32L << 20;

  /** The chain constants a span batch's expansion reads besides the batch. */
  record SpanRules(long blockTimeSeconds, long genesisTimestamp, long chainId) {}

  /** One channel's reads, in order, the last being its end. */
  static final class Reads {
    private final int hash;
    private final Bytes data;
    private final ChannelLimits limits;
    private final List<BatchRead> reads;
    /** What this entry counts against the memo's byte bound. */
    private final long decompressedBytes;
    /** Per read: the expanded span batch or the reason it could not be expanded; filled when asked. */
    private final Object[] spans;
    private SpanRules spanRules;

    private Reads(int hash, Bytes data, ChannelLimits limits, List<BatchRead> reads, long decompressedBytes) {
      this.hash = hash;
      this.data = data;
      this.limits = limits;
      this.reads = List.copyOf(reads);
      this.decompressedBytes = decompressedBytes;
      this.spans = new Object[reads.size()];
    }

    /** Read number {@code index} of the channel; past the last, its end again (as a reader answers). */
    BatchRead read(int index) {
      return reads.get(Math.min(index, reads.size() - 1));
    }

    /**
     * Read {@code index}'s span batch expanded under {@code rules}, as {@link RawSpanBatch#derive}
     * answers; the expansion is kept for the next read of this channel under the same rules.
     */
    SpanBatch span(int index, RawSpanBatch raw, SpanRules rules) {
      if (!rules.equals(spanRules)) {
        Arrays.fill(spans, null);
        spanRules = rules;
      }
      if (spans[index] == null) {
        try {
          spans[index] = raw.derive(rules.blockTimeSeconds(), rules.genesisTimestamp(), rules.chainId());
        } catch (DecodeException e) {
          spans[index] = e.getMessage();
        }
      }
      if (spans[index] instanceof String failure) {
        throw new DecodeException(failure);
      }
      return (SpanBatch) spans[index];
    }
  }

  /**
   * The entries oldest first, as a ring of {@code count} from {@code oldest}; their hashes sit in a
   * parallel array, so a lookup scans 1 KiB of ints instead of chasing up to 256 entries.
   */
  private final Reads[] ring = new Reads[MAX_CHANNELS];
  private final int[] ringHashes = new int[MAX_CHANNELS];
  private int oldest;
  private int count;
  private long totalBytes;

  /** What reading {@code data} with {@code limits} gave, or null when it is not remembered. */
  Reads find(Bytes data, ChannelLimits limits) {
    int hash = data.hashCode();
    for (int i = 0; i < count; i++) {
      int at = (oldest + i) % MAX_CHANNELS;
      if (ringHashes[at] == hash) {
        Reads r = ring[at];
        if (r.limits.equals(limits) && r.data.equals(data)) {
          return r;
        }
      }
    }
    return null;
  }

  /**
   * Keeps the complete reads of a channel: {@code reads} ends with the channel's end, and reading
   * consumed {@code decompressedBytes}. Returns what is kept (null when the channel is too large).
   */
  Reads remember(Bytes data, ChannelLimits limits, List<BatchRead> reads, long decompressedBytes) {
    Objects.requireNonNull(data, "data");
    if (reads.isEmpty() || !(reads.get(reads.size() - 1) instanceof BatchRead.End)) {
      throw new IllegalArgumentException("only a channel read to its end is remembered");
    }
    long bytes = Math.max(decompressedBytes, data.length());
    if (bytes > MAX_CHANNEL_BYTES) {
      return null;
    }
    while (count > 0 && (count >= MAX_CHANNELS || totalBytes + bytes > MAX_TOTAL_BYTES)) {
      totalBytes -= ring[oldest].decompressedBytes;
      ring[oldest] = null;
      oldest = (oldest + 1) % MAX_CHANNELS;
      count--;
    }
    Reads kept = new Reads(data.hashCode(), data, limits, reads, bytes);
    int at = (oldest + count) % MAX_CHANNELS;
    ring[at] = kept;
    ringHashes[at] = kept.hash;
    count++;
    totalBytes += bytes;
    return kept;
  }

  /** Channels remembered now (for tests). */
  int size() {
    return count;
  }
}
