package dev.basalt.testdata.batcher;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.basalt.core.derive.batch.RawSpanBatch;
import dev.basalt.core.derive.channel.BatchRead;
import dev.basalt.core.derive.channel.ChannelBatchReader;
import dev.basalt.core.derive.channel.ChannelLimits;
import dev.basalt.core.derive.frame.FrameParser;
import dev.basalt.core.rlp.RlpReader;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/**
 * A rough decode-throughput figure for the real OP Mainnet zlib channel (119,799 compressed bytes,
 * 240,308 decompressed, one span batch of 27 blocks): frames, inflate, span decode and expansion
 * into full signed transactions. Printed, not asserted: proper benchmarks live in benchmarks/.
 */
class ChannelDecodeThroughputTest {
  @Test
  void realZlibChannel() throws IOException {
    byte[] rawTx;
    try (InputStream in = getClass().getResourceAsStream("/vectors/frames-channels-batches/kona_raw_batcher_tx.bin")) {
      rawTx = in.readAllBytes();
    }
    RlpReader fields = new RlpReader(rawTx, 1, rawTx.length - 1).readList();
    for (int i = 0; i < 7; i++) {
      fields.skip();
    }
    byte[] calldata = fields.readBytes();
    ChannelLimits limits = new ChannelLimits(ChannelLimits.MAX_RLP_BYTES_BEDROCK, false);
    int warmup = 40;
    int runs = 100;
    long best = Long.MAX_VALUE;
    long total = 0;
    int txs = 0;
    for (int i = 0; i < warmup + runs; i++) {
      long start = System.nanoTime();
      byte[] channel = FrameParser.parse(calldata).frames().get(0).data().toArray();
      ChannelBatchReader reader = ChannelBatchReader.open(channel, limits);
      RawSpanBatch raw = (RawSpanBatch) ((BatchRead.Batch) reader.next()).batch();
      reader.next();
      txs = raw.derive(2, 1_686_068_903L, 10).elements().stream().mapToInt(e -> e.transactions().size()).sum();
      long took = System.nanoTime() - start;
      if (i >= warmup) {
        best = Math.min(best, took);
        total += took;
      }
    }
    assertEquals(raw(calldata), txs);
    double meanMs = total / 1e6 / runs;
    System.out.printf(
        "real zlib channel: %d txs; best %.2f ms, mean %.2f ms => %.0f MB/s decompressed (mean), %.0f tx/ms%n",
        txs, best / 1e6, meanMs, 240_308 / 1e6 / (meanMs / 1e3), txs / meanMs);
  }

  private static int raw(byte[] calldata) {
    byte[] channel = FrameParser.parse(calldata).frames().get(0).data().toArray();
    RawSpanBatch raw =
        (RawSpanBatch) ((BatchRead.Batch) ChannelBatchReader.open(channel, new ChannelLimits(10_000_000, false)).next()).batch();
    return raw.txs().size();
  }
}
