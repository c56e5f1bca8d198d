package dev.basalt.testdata.world.rollup;

import dev.basalt.core.derive.channel.ChannelCompression;
import dev.basalt.testdata.batcher.ChannelCompressor;
import dev.basalt.testdata.world.l1.BlobCommitments;
import java.util.Objects;
import java.util.Optional;

/**
 * How the world batcher posts.
 *
 * @param maxBlocksPerChannel blocks packed into one channel at most
 * @param maxFrameBytes frame size cap for calldata posting (op-batcher's max L1 tx size minus the
 *     version byte); blob frames always fill a blob
 * @param compression forced channel compression, or empty for op-batcher's choice (zlib before
 *     Fjord, brotli from Fjord)
 * @param blobs forced data availability, or empty for blobs from Ecotone (on a Cancun L1)
 * @param spanBatches forced batch type, or empty for span batches from Delta
 * @param faults injected batcher misbehaviour
 * @param mixedDa where blobs would be used, every second channel goes as calldata instead (op-batcher's
 *     {@code auto} data-availability type switches the same way when blob fees climb), so both forms
 *     reach derivation
 * @param commitments how blob commitments are made: real KZG for a node that checks them, pseudo
 *     values (far cheaper) for an in-process node that never sees them
 * @param brotliQuality 9, 10 or 11 (op-batcher's {@code brotli-9/10/11}); 10 is op-batcher's
 *     default, 9 costs some 50 times less per small channel and decodes with the same machinery
 */
public record BatcherConfig(int maxBlocksPerChannel, int maxFrameBytes, Optional<ChannelCompression> compression,
    Optional<Boolean> blobs, Optional<Boolean> spanBatches, BatcherFaults faults, boolean mixedDa,
    BlobCommitments commitments, int brotliQuality) {
  public BatcherConfig {
    Objects.requireNonNull(compression, "compression");
    Objects.requireNonNull(blobs, "blobs");
    Objects.requireNonNull(spanBatches, "spanBatches");
    Objects.requireNonNull(faults, "faults");
    Objects.requireNonNull(commitments, "commitments");
    if (maxBlocksPerChannel <= 0 || maxFrameBytes < 100 || brotliQuality < 9 || brotliQuality > 11) {
      throw new IllegalArgumentException("invalid batcher configuration");
    }
  }

  /** A configuration with real KZG commitments and brotli-10. */
  public BatcherConfig(int maxBlocksPerChannel, int maxFrameBytes, Optional<ChannelCompression> compression, Optional<Boolean> blobs,
      Optional<Boolean> spanBatches, BatcherFaults faults, boolean mixedDa) {
    this(maxBlocksPerChannel, maxFrameBytes, compression, blobs, spanBatches, faults, mixedDa, BlobCommitments.REAL,
        ChannelCompressor.BROTLI_QUALITY);
  }

  public static BatcherConfig defaults() {
    return new BatcherConfig(32, 120_000, Optional.empty(), Optional.empty(), Optional.empty(), BatcherFaults.NONE, false);
  }

  public BatcherConfig withFaults(BatcherFaults newFaults) {
    return new BatcherConfig(maxBlocksPerChannel, maxFrameBytes, compression, blobs, spanBatches, newFaults, mixedDa, commitments, brotliQuality);
  }

  public BatcherConfig withMaxFrameBytes(int bytes) {
    return new BatcherConfig(maxBlocksPerChannel, bytes, compression, blobs, spanBatches, faults, mixedDa, commitments, brotliQuality);
  }

  /** Alternates blobs and calldata per channel where blobs are possible (see {@code mixedDa}). */
  public BatcherConfig withMixedDa() {
    return new BatcherConfig(maxBlocksPerChannel, maxFrameBytes, compression, blobs, spanBatches, faults, true, commitments, brotliQuality);
  }

  /** Makes blob commitments as {@code kind} says (see {@code commitments}). */
  public BatcherConfig withCommitments(BlobCommitments kind) {
    return new BatcherConfig(maxBlocksPerChannel, maxFrameBytes, compression, blobs, spanBatches, faults, mixedDa, kind, brotliQuality);
  }

  /** Compresses brotli channels at {@code quality} (see {@code brotliQuality}). */
  public BatcherConfig withBrotliQuality(int quality) {
    return new BatcherConfig(maxBlocksPerChannel, maxFrameBytes, compression, blobs, spanBatches, faults, mixedDa, commitments, quality);
  }
}
