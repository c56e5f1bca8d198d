package dev.basalt.testdata.batcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.basalt.core.derive.batch.BatchCodec;
import dev.basalt.core.derive.batch.BatchData;
import dev.basalt.core.derive.batch.SingularBatch;
import dev.basalt.core.derive.channel.BatchRead;
import dev.basalt.core.derive.channel.ChannelBatchReader;
import dev.basalt.core.derive.channel.ChannelCompression;
import dev.basalt.core.derive.channel.ChannelEnd;
import dev.basalt.core.derive.channel.ChannelLimits;
import dev.basalt.core.rlp.RlpWriter;
import dev.basalt.testdata.gen.SimRng;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.Deflater;
import org.junit.jupiter.api.Test;

/** How a channel ends: op-node keeps the complete batches before any failure and drops the rest. */
class ChannelReaderEdgeTest {
  private static final ChannelLimits FJORD = new ChannelLimits(ChannelLimits.MAX_RLP_BYTES_FJORD, true);

  private record Outcome(List<BatchData> batches, BatchRead.End end) {}

  private static Outcome readAll(byte[] channel, ChannelLimits limits) {
    ChannelBatchReader reader = ChannelBatchReader.open(channel, limits);
    List<BatchData> out = new ArrayList<>();
    BatchRead r;
    while ((r = reader.next()) instanceof BatchRead.Batch b) {
      out.add(b.batch());
    }
    assertEquals(r, reader.next(), "the end is sticky");
    return new Outcome(out, (BatchRead.End) r);
  }

  private static List<SingularBatch> blocks(long seed, int n) {
    return RandomBatches.blocks(new SimRng(seed), n);
  }

  private static byte[] rlpOf(List<SingularBatch> batches) {
    ChannelBuilder b = new ChannelBuilder();
    batches.forEach(b::add);
    return b.rlpStream();
  }

  @Test
  void truncatedStreamsKeepEveryCompleteBatchAndDropThePartialOne() {
    List<SingularBatch> batches = blocks(1, 8);
    for (ChannelCompression algo : ChannelCompression.values()) {
      byte[] rlp = rlpOf(batches);
      byte[] full = ChannelCompressor.compress(rlp, algo);
      for (int cut = 1; cut < full.length; cut += Math.max(1, full.length / 97)) {
        Outcome o = readAll(Arrays.copyOf(full, cut), FJORD);
        assertTrue(o.batches().size() < batches.size() || cut >= full.length - 8, algo + " cut " + cut);
        assertEquals(batches.subList(0, o.batches().size()), o.batches(), "a prefix of the batches, " + algo + " cut " + cut);
        assertTrue(o.end().reason() != ChannelEnd.EXHAUSTED || o.batches().size() == batches.size(), o.end().toString());
      }
    }
  }

  @Test
  void syncFlushedZlibWithoutTrailerStillYieldsItsBatches() {
    List<SingularBatch> batches = blocks(2, 5);
    byte[] rlp = rlpOf(batches);
    Deflater d = new Deflater(9);
    d.setInput(rlp);
    byte[] buf = new byte[rlp.length + 1024];
    int n = d.deflate(buf, 0, buf.length, Deflater.SYNC_FLUSH);
    d.end();
    Outcome o = readAll(Arrays.copyOf(buf, n), FJORD);
    assertEquals(batches, o.batches());
    assertEquals(ChannelEnd.DECOMPRESSION_FAILED, o.end().reason());
  }

  @Test
  void badChecksumEndsTheChannelAfterTheData() {
    List<SingularBatch> batches = blocks(3, 4);
    byte[] z = ChannelCompressor.compress(rlpOf(batches), ChannelCompression.ZLIB);
    z[z.length - 1] ^= 1;
    Outcome o = readAll(z, FJORD);
    assertEquals(batches, o.batches());
    assertEquals(ChannelEnd.DECOMPRESSION_FAILED, o.end().reason());
    assertEquals("zlib checksum mismatch", o.end().detail());
    // Bytes after a valid zlib trailer are ignored (Go's zlib reader ignores them too).
    byte[] good = ChannelCompressor.compress(rlpOf(batches), ChannelCompression.ZLIB);
    byte[] padded = Arrays.copyOf(good, good.length + 5);
    Outcome o2 = readAll(padded, FJORD);
    assertEquals(batches, o2.batches());
    assertEquals(ChannelEnd.EXHAUSTED, o2.end().reason());
  }

  @Test
  void theRlpByteLimitStopsBeforeTheBatchThatWouldCrossIt() {
    List<SingularBatch> batches = blocks(4, 10);
    byte[] rlp = rlpOf(batches);
    byte[] channel = ChannelCompressor.compress(rlp, ChannelCompression.ZLIB);
    long sizeOfFirstFive = 0;
    for (int i = 0; i < 5; i++) {
      sizeOfFirstFive += BatchCodec.encodeForChannel(batches.get(i)).length;
    }
    // Exactly five batches fit: "length(input) <= MAX_RLP_BYTES_PER_CHANNEL".
    Outcome exact = readAll(channel, new ChannelLimits(sizeOfFirstFive, true));
    assertEquals(batches.subList(0, 5), exact.batches());
    assertEquals(ChannelEnd.RLP_LIMIT, exact.end().reason());
    Outcome oneLess = readAll(channel, new ChannelLimits(sizeOfFirstFive - 1, true));
    assertEquals(batches.subList(0, 4), oneLess.batches());
    assertEquals(ChannelEnd.RLP_LIMIT, oneLess.end().reason());
  }

  @Test
  void aZipBombIsCutAtTheLimitWithoutInflatingIt() {
    // One string header claiming 500 MB, then 500 MB of zeros: ~0.5 MB compressed.
    int claimed = 500_000_000;
    byte[] header = {(byte) 0xbb, (byte) (claimed >>> 24), (byte) (claimed >>> 16), (byte) (claimed >>> 8), (byte) claimed};
    Deflater d = new Deflater(9);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buf = new byte[1 << 16];
    d.setInput(header);
    while (!d.needsInput()) {
      out.write(buf, 0, d.deflate(buf));
    }
    byte[] zeros = new byte[1 << 20];
    for (int i = 0; i < 480; i++) {
      d.setInput(zeros);
      while (!d.needsInput()) {
        out.write(buf, 0, d.deflate(buf));
      }
    }
    d.finish();
    while (!d.finished()) {
      out.write(buf, 0, d.deflate(buf));
    }
    d.end();
    long before = System.nanoTime();
    Outcome o = readAll(out.toByteArray(), FJORD);
    assertEquals(ChannelEnd.RLP_LIMIT, o.end().reason());
    assertTrue(o.batches().isEmpty());
    assertTrue(System.nanoTime() - before < 2_000_000_000L, "refused from the header alone");
  }

  @Test
  void everyOtherWayAChannelEnds() {
    assertEquals(ChannelEnd.EMPTY, readAll(new byte[0], FJORD).end().reason());
    assertEquals(ChannelEnd.UNKNOWN_COMPRESSION, readAll(new byte[] {0x02, 0, 0}, FJORD).end().reason());
    // Low nibble 15 is routed to zlib, whose header check then fails (op-node: zlib.ErrHeader).
    assertEquals(ChannelEnd.DECOMPRESSION_FAILED, readAll(new byte[] {0x7f, 0, 0, 0}, FJORD).end().reason());
    assertEquals(ChannelEnd.DECOMPRESSION_FAILED, readAll(new byte[] {0x78, (byte) 0xbb, 0, 0, 0, 0}, FJORD).end().reason());
    byte[] brotli = ChannelCompressor.compress(rlpOf(blocks(5, 2)), ChannelCompression.BROTLI);
    assertEquals(ChannelEnd.BROTLI_BEFORE_FJORD, readAll(brotli, new ChannelLimits(10_000_000, false)).end().reason());
    byte[] corrupt = brotli.clone();
    corrupt[1] = (byte) 0xff;
    assertTrue(readAll(corrupt, FJORD).end().reason() != ChannelEnd.EXHAUSTED);

    assertEnd(ChannelEnd.MALFORMED_RLP, new RlpWriter().startList().endList().toByteArray());
    assertEnd(ChannelEnd.MALFORMED_RLP, new byte[] {(byte) 0x81, 0x05});
    assertEnd(ChannelEnd.MALFORMED_RLP, new byte[] {(byte) 0xb8, 0x02, 0x00, 0x00});
    assertEnd(ChannelEnd.MALFORMED_RLP, new byte[] {(byte) 0x85, 0x00});
    assertEnd(ChannelEnd.MALFORMED_BATCH, new RlpWriter().bytes(new byte[] {2, 1, 2, 3}).toByteArray());
    assertEnd(ChannelEnd.MALFORMED_BATCH, new byte[] {0x00});
    assertEnd(ChannelEnd.MALFORMED_BATCH, new RlpWriter().bytes(new byte[] {0, (byte) 0xc0}).toByteArray());
  }

  private static void assertEnd(ChannelEnd expected, byte[] rlp) {
    Outcome o = readAll(ChannelCompressor.compress(rlp, ChannelCompression.ZLIB), FJORD);
    assertTrue(o.batches().isEmpty());
    assertEquals(expected, o.end().reason(), o.end().detail());
  }

  @Test
  void everyBrotliLevelTheWorldUsesDecodesToTheSameBatches() {
    for (int n : new int[] {1, 6, 40}) {
      List<SingularBatch> batches = blocks(30 + n, n);
      byte[] rlp = rlpOf(batches);
      for (int quality = 9; quality <= 11; quality++) {
        byte[] channel = ChannelCompressor.compress(rlp, ChannelCompression.BROTLI, quality);
        Outcome o = readAll(channel, FJORD);
        assertEquals(batches, o.batches(), "brotli-" + quality + ", " + n + " batches");
        assertEquals(ChannelEnd.EXHAUSTED, o.end().reason(), o.end().detail());
      }
    }
  }
}
