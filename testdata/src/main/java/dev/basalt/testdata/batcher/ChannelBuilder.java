package dev.basalt.testdata.batcher;

import dev.basalt.core.derive.batch.BatchCodec;
import dev.basalt.core.derive.batch.BatchData;
import dev.basalt.core.derive.channel.ChannelCompression;
import java.io.ByteArrayOutputStream;

/** Collects batches for one channel: each as an RLP byte string, then the whole stream compressed. */
public final class ChannelBuilder {
  private final ByteArrayOutputStream rlp = new ByteArrayOutputStream();
  private int batches;

  public ChannelBuilder add(BatchData batch) {
    rlp.writeBytes(BatchCodec.encodeForChannel(batch));
    batches++;
    return this;
  }

  public int batchCount() {
    return batches;
  }

  /** Uncompressed bytes so far (what counts against {@code MAX_RLP_BYTES_PER_CHANNEL}). */
  public int rlpBytes() {
    return rlp.size();
  }

  public byte[] rlpStream() {
    return rlp.toByteArray();
  }

  /** The channel data that frames carry. */
  public byte[] compress(ChannelCompression algo) {
    return ChannelCompressor.compress(rlp.toByteArray(), algo);
  }

  /** The stream compressed with brotli at {@code brotliQuality} (see {@link ChannelCompressor}). */
  public byte[] compress(ChannelCompression algo, int brotliQuality) {
    return ChannelCompressor.compress(rlp.toByteArray(), algo, brotliQuality);
  }
}
