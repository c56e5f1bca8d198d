package dev.basalt.bench;

import dev.basalt.core.crypto.SigningKey;
import dev.basalt.core.derive.batch.BatchCodec;
import dev.basalt.core.derive.batch.SingularBatch;
import dev.basalt.core.derive.batch.SpanBatchBuilder;
import dev.basalt.core.derive.frame.FrameParseResult;
import dev.basalt.core.derive.frame.FrameParser;
import dev.basalt.core.tx.DynamicFeeTx;
import dev.basalt.core.tx.TxCodec;
import dev.basalt.core.types.Address;
import dev.basalt.core.types.Bytes;
import dev.basalt.core.types.Hash32;
import dev.basalt.testdata.gen.SimRng;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/** Channels the decode benchmarks run on: the real OP Mainnet one and a generated mainnet-sized one. */
final class ChannelSamples {
  private ChannelSamples() {}

  /** The zlib channel inside the real OP Mainnet calldata batcher tx (kona's test vector). */
  static byte[] realZlibChannel() throws IOException {
    byte[] tx;
    try (InputStream in = ChannelSamples.class.getResourceAsStream("/vectors/frames-channels-batches/kona_raw_batcher_tx.bin")) {
      tx = in.readAllBytes();
    }
    var decoded = (dev.basalt.core.tx.SignedTx) TxCodec.decode(tx);
    var data = ((DynamicFeeTx) decoded.tx()).data().toArray();
    var frames = ((FrameParseResult.Parsed) FrameParser.parse(data)).frames();
    return frames.get(0).data().toArray();
  }

  /**
   * A span batch shaped like OP Mainnet's (anchors-performance §1.4: 143 blocks, ~12 txs per block,
   * calldata with a heavy tail around a median of ~86 bytes), as the RLP stream a channel carries.
   */
  static byte[] mainnetSizedRlp(long seed) {
    SimRng rng = new SimRng(seed);
    SigningKey key = SigningKey.fromBytes(rng.bytes(32));
    SpanBatchBuilder builder = new SpanBatchBuilder(1_686_068_903L, 10);
    long timestamp = 1_700_000_000L;
    long nonce = 0;
    for (int block = 0; block < 143; block++) {
      List<Bytes> txs = new ArrayList<>();
      int count = 2 + rng.nextInt(22);
      for (int i = 0; i < count; i++) {
        int size = rng.chance(1, 10) ? rng.nextInt(8_000) : rng.nextInt(300);
        DynamicFeeTx unsigned =
            new DynamicFeeTx(BigInteger.TEN, nonce++, BigInteger.valueOf(1_000_000), BigInteger.valueOf(2_000_000_000L),
                21_000 + rng.nextInt(500_000), Address.wrap(rng.bytes(20)), BigInteger.ZERO,
                abiLikeCalldata(rng, size), List.of(), TxCodec.placeholderSignature());
        txs.add(Bytes.wrapOwned(TxCodec.encode(TxCodec.sign(unsigned, key))));
      }
      builder.add(new SingularBatch(Hash32.ZERO, 19_000_000 + block / 6, Hash32.ZERO, timestamp, txs), block % 6);
      timestamp += 2;
    }
    return BatchCodec.encodeForChannel(builder.build());
  }

  /**
   * Calldata shaped like ABI calls: a selector, then 32-byte words that are mostly zero padding
   * around a few significant bytes, so it compresses about as well as real batches do.
   */
  private static Bytes abiLikeCalldata(SimRng rng, int size) {
    byte[] data = new byte[size];
    int selector = Math.min(4, size);
    System.arraycopy(rng.bytes(selector), 0, data, 0, selector);
    for (int word = selector; word < size; word += 32) {
      int significant = rng.chance(1, 3) ? 20 : 1 + rng.nextInt(8);
      int start = Math.max(word, Math.min(size, word + 32) - significant);
      byte[] tail = rng.bytes(Math.min(size, word + 32) - start);
      System.arraycopy(tail, 0, data, start, tail.length);
    }
    return Bytes.wrapOwned(data);
  }
}
