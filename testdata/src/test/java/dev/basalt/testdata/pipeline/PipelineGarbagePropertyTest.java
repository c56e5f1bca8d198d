package dev.basalt.testdata.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.basalt.core.config.Fork;
import dev.basalt.core.derive.L2BlockInfo;
import dev.basalt.core.derive.batch.BatchData;
import dev.basalt.core.derive.batch.SingularBatch;
import dev.basalt.core.derive.batch.SpanBatchBuilder;
import dev.basalt.core.derive.channel.ChannelCompression;
import dev.basalt.core.derive.frame.BatcherTxData;
import dev.basalt.core.derive.frame.ChannelId;
import dev.basalt.core.derive.frame.Frame;
import dev.basalt.core.derive.pipeline.StepResult;
import dev.basalt.core.types.Bytes;
import dev.basalt.core.types.Hash32;
import dev.basalt.testdata.batcher.ChannelBuilder;
import dev.basalt.testdata.batcher.ChannelCompressor;
import dev.basalt.testdata.batcher.ChannelFramer;
import dev.basalt.testdata.gen.SimRng;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Mutated batcher data from the authorised batcher, mixed into honest chains: corrupted compressed
 * bytes, corrupted RLP under valid compression, batches with extreme field values, and broken frame
 * sequences. Whatever is derived, the pipeline must never throw, halt or reset, must stay within
 * its bounds, and must reach the end of the L1 chain.
 */
class PipelineGarbagePropertyTest {
  private static final int CASES = 24;

  @Test
  void mutatedBatcherDataNeverBreaksThePipeline() {
    for (int c = 0; c < CASES; c++) {
      SimScenario scenario = c % 6 == 5 ? SimScenario.allForks(900 + c) : SimScenario.latestForks(900 + c, 60);
      SimChain chain = new SimChain(scenario);
      SimRng rng = new SimRng(0xbad0 + c);
      int injected = 0;
      for (long b = 1; b < chain.l1.size() - 1; b++) {
        if (rng.chance(1, 3)) {
          for (Bytes data : garbage(chain, rng, b)) {
            chain.l1.addCalldataTx(b, chain.batcherAt(b), data);
            injected++;
          }
        }
      }
      PipelineDriver d = new PipelineDriver(chain).start().runToEnd();
      StepResult last = d.results.get(d.results.size() - 1);
      assertEquals(new StepResult.Idle(chain.l1.ref(chain.l1.size() - 1)), last, "case " + c + " ends idle at the L1 head");
      assertTrue(injected > 0);
      assertTrue(d.maxCachedL1Blocks <= scenario.seqWindow() + 50 + 64, "case " + c + ": cache " + d.maxCachedL1Blocks);
      for (int i = 1; i < d.derived.size(); i++) {
        L2BlockInfo prev = d.derived.get(i - 1);
        assertEquals(prev.ref().hash(), d.derived.get(i).ref().parentHash(), "case " + c + ": derived blocks form a chain");
      }
    }
  }

  /** One or more batcher transactions' data, mutated in one of several ways. */
  private static List<Bytes> garbage(SimChain chain, SimRng rng, long l1Block) {
    List<BatchData> batches = batches(chain, rng);
    ChannelCompression algo = chain.config.isActive(Fork.FJORD, chain.l1.ref(l1Block).timestamp()) && rng.nextBoolean()
        ? ChannelCompression.BROTLI : ChannelCompression.ZLIB;
    ChannelBuilder channel = new ChannelBuilder();
    batches.forEach(channel::add);
    byte[] data;
    switch (rng.nextInt(3)) {
      case 0 -> data = flip(rng, channel.compress(algo));
      case 1 -> data = ChannelCompressor.compress(flip(rng, channel.rlpStream()), algo);
      default -> data = channel.compress(algo);
    }
    List<Frame> frames = ChannelFramer.frames(ChannelId.wrap(rng.bytes(16)), data, Frame.OVERHEAD_BYTES + 20 + rng.nextInt(400));
    frames = mangle(rng, frames);
    List<Bytes> out = new ArrayList<>();
    for (Frame f : frames) {
      out.add(Bytes.wrapOwned(BatcherTxData.encode(List.of(f))));
    }
    return out;
  }

  /** Batches near the chain's blocks, some with extreme or random fields. */
  private static List<BatchData> batches(SimChain chain, SimRng rng) {
    int from = 1 + rng.nextInt(chain.blocks.size() - 6);
    int count = 1 + rng.nextInt(5);
    List<SingularBatch> singles = new ArrayList<>();
    for (int i = from; i < from + count; i++) {
      SimChain.SimBlock b = chain.block(i);
      SingularBatch s = new SingularBatch(b.info().ref().parentHash(), b.epoch().number(), b.epoch().hash(), b.info().ref().timestamp(),
          b.userTxs());
      singles.add(rng.chance(1, 3) ? extreme(rng, s) : s);
    }
    List<BatchData> out = new ArrayList<>();
    if (rng.nextBoolean()) {
      SpanBatchBuilder span = new SpanBatchBuilder(chain.config.genesis().l2Time(), chain.config.l2ChainId());
      long previous = -1;
      for (SingularBatch s : singles) {
        if (Long.compareUnsigned(s.timestamp(), previous) < 0) {
          break;
        }
        span.add(s.transactions().stream().allMatch(tx -> tx.length() > 0 && (tx.get(0) & 0xff) <= 4)
            ? s : new SingularBatch(s.parentHash(), s.epochNumber(), s.epochHash(), s.timestamp(), List.of()), 0);
        previous = s.timestamp();
      }
      if (span.blockCount() > 0) {
        out.add(span.build());
      }
    } else {
      out.addAll(singles);
    }
    return out;
  }

  private static SingularBatch extreme(SimRng rng, SingularBatch s) {
    long[] edges = {0, 1, -1L, Long.MAX_VALUE, Long.MIN_VALUE, s.timestamp() + 2, s.epochNumber() + 1};
    return switch (rng.nextInt(5)) {
      case 0 -> new SingularBatch(s.parentHash(), s.epochNumber(), s.epochHash(), edges[rng.nextInt(edges.length)], s.transactions());
      case 1 -> new SingularBatch(s.parentHash(), edges[rng.nextInt(edges.length)], s.epochHash(), s.timestamp(), s.transactions());
      case 2 -> new SingularBatch(Hash32.wrap(rng.bytes(32)), s.epochNumber(), s.epochHash(), s.timestamp(), s.transactions());
      case 3 -> new SingularBatch(s.parentHash(), s.epochNumber(), Hash32.wrap(rng.bytes(32)), s.timestamp(), s.transactions());
      default -> new SingularBatch(s.parentHash(), s.epochNumber(), s.epochHash(), s.timestamp(),
          List.of(Bytes.wrapOwned(rng.bytes(rng.nextInt(40))), Bytes.fromHex("0x7e")));
    };
  }

  private static byte[] flip(SimRng rng, byte[] data) {
    byte[] out = data.clone();
    if (out.length == 0) {
      return out;
    }
    for (int i = 1 + rng.nextInt(3); i > 0; i--) {
      out[rng.nextInt(out.length)] ^= (byte) (1 << rng.nextInt(8));
    }
    return rng.chance(1, 5) ? java.util.Arrays.copyOf(out, rng.nextInt(out.length)) : out;
  }

  /** Drops, duplicates, reorders or renumbers frames, or flips their closing flags. */
  private static List<Frame> mangle(SimRng rng, List<Frame> frames) {
    List<Frame> out = new ArrayList<>(frames);
    switch (rng.nextInt(6)) {
      case 0 -> out.remove(rng.nextInt(out.size()));
      case 1 -> out.add(out.get(rng.nextInt(out.size())));
      case 2 -> java.util.Collections.reverse(out);
      case 3 -> {
        int i = rng.nextInt(out.size());
        Frame f = out.get(i);
        out.set(i, new Frame(f.channelId(), rng.nextInt(Frame.MAX_NUMBER + 1), f.data(), rng.nextBoolean()));
      }
      case 4 -> {
        Frame f = out.get(0);
        out.set(0, new Frame(f.channelId(), f.number(), f.data(), true));
      }
      default -> {}
    }
    return out;
  }
}
