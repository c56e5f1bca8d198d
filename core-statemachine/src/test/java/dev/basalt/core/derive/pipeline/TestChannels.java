package dev.basalt.core.derive.pipeline;

import dev.basalt.core.derive.batch.BatchCodec;
import dev.basalt.core.derive.batch.BatchData;
import dev.basalt.core.derive.frame.BatcherTxData;
import dev.basalt.core.derive.frame.ChannelId;
import dev.basalt.core.derive.frame.Frame;
import dev.basalt.core.types.Bytes;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.zip.Deflater;

/** zlib channels in one frame, as batcher transaction data, for the core's pipeline tests. */
public final class TestChannels {
  private TestChannels() {}

  public static Bytes zlib(BatchData... batches) {
    ByteArrayOutputStream rlp = new ByteArrayOutputStream();
    for (BatchData b : batches) {
      rlp.writeBytes(BatchCodec.encodeForChannel(b));
    }
    Deflater d = new Deflater(Deflater.BEST_COMPRESSION);
    d.setInput(rlp.toByteArray());
    d.finish();
    byte[] buf = new byte[rlp.size() + 1024];
    int n = d.deflate(buf);
    d.end();
    return Bytes.of(buf, 0, n);
  }

  /** Batcher transaction data: the whole channel as one closing frame 0. */
  public static Bytes txData(String channel, BatchData... batches) {
    ChannelId id = Fixtures.channelId(channel);
    return Bytes.wrapOwned(BatcherTxData.encode(List.of(new Frame(id, 0, zlib(batches), true))));
  }
}
