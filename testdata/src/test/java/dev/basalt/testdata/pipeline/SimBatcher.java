package dev.basalt.testdata.pipeline;

import dev.basalt.core.config.Fork;
import dev.basalt.core.config.RollupConfig;
import dev.basalt.core.crypto.SigningKey;
import dev.basalt.core.derive.batch.BatchData;
import dev.basalt.core.derive.batch.SingularBatch;
import dev.basalt.core.derive.batch.SpanBatchBuilder;
import dev.basalt.core.derive.blob.Blob;
import dev.basalt.core.derive.blob.BlobCodec;
import dev.basalt.core.derive.channel.ChannelCompression;
import dev.basalt.core.derive.frame.BatcherTxData;
import dev.basalt.core.derive.frame.ChannelId;
import dev.basalt.core.derive.frame.Frame;
import dev.basalt.core.types.Bytes;
import dev.basalt.testdata.batcher.BatcherPayloads;
import dev.basalt.testdata.batcher.ChannelBuilder;
import dev.basalt.testdata.batcher.ChannelFramer;
import dev.basalt.testdata.gen.SimRng;
import dev.basalt.testdata.pipeline.SimChain.SimBlock;
import dev.basalt.testdata.pipeline.SimPlan.Fault;
import dev.basalt.testdata.pipeline.SimPlan.Posting;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the plan's postings into the L1 chain as a batcher would (channels of singular or span
 * batches, zlib or brotli where allowed, frames in calldata or blobs, some channels spread over
 * several L1 blocks) together with each posting's fault.
 */
final class SimBatcher {
  private final SimChain chain;
  private final RollupConfig config;
  private final SimRng rng;
  /** Every honest channel's frames so far, for duplicates. */
  private final List<List<Frame>> sent = new ArrayList<>();

  SimBatcher(SimChain chain) {
    this.chain = chain;
    this.config = chain.config;
    this.rng = chain.rng.fork("batcher");
  }

  void emit() {
    for (Posting p : chain.postings) {
      emit(p);
    }
  }

  private long time(long l1Block) {
    return chain.l1.ref(l1Block).timestamp();
  }

  private void emit(Posting p) {
    long first = p.l1Block() - p.spread();
    List<SimBlock> blocks = new ArrayList<>();
    for (int i = p.from(); i < p.to(); i++) {
      blocks.add(chain.block(i + 1));
    }
    List<List<SimBlock>> channels = split(blocks, p.fault() == Fault.ACTIVATION_TXS ? activationIndex(blocks) : -1);
    long decoyBlock = p.fault() == Fault.TIMEOUT_DECOY ? p.decoyStart() : first;
    decoys(p, decoyBlock, blocks);
    List<List<Frame>> encoded = new ArrayList<>();
    for (List<SimBlock> c : channels) {
      encoded.add(encode(c, p.l1Block(), randomId(), p.spread() > 0 && c == channels.get(channels.size() - 1) ? p.spread() + 1 : 1));
    }
    if (p.fault() == Fault.FUTURE_FIRST && encoded.size() >= 2) {
      postFrames(first, encoded.get(encoded.size() - 1));
    }
    SimBlock activation = p.fault() == Fault.ACTIVATION_TXS ? blocks.get(activationIndex(blocks)) : null;
    for (int i = 0; i < encoded.size(); i++) {
      if (channels.get(i).get(0) == activation) {
        // Right before the activation block's channel, when the activation block is the next one.
        postFrames(first, activationDecoy(activation));
      }
      boolean last = i == encoded.size() - 1;
      if (last && p.spread() > 0) {
        postSpread(first, p.l1Block(), encoded.get(i));
      } else if (p.fault() == Fault.OUT_OF_ORDER && i == 0) {
        postShuffled(p.l1Block(), encoded.get(i));
      } else {
        postFrames(last ? p.l1Block() : first, encoded.get(i));
      }
      sent.add(encoded.get(i));
    }
    if (p.fault() == Fault.FUTURE_FIRST && encoded.size() >= 2) {
      postFrames(p.l1Block(), encode(channels.get(channels.size() - 1), p.l1Block(), randomId(), 1));
    }
  }

  private int activationIndex(List<SimBlock> blocks) {
    for (int i = 0; i < blocks.size(); i++) {
      long t = blocks.get(i).info().ref().timestamp();
      if (config.isActivationBlock(Fork.JOVIAN, t) || config.isActivationBlock(Fork.KARST, t)) {
        return i;
      }
    }
    return -1;
  }

  /** One to three channels, cut so that {@code boundary} (if not -1 or 0) starts a channel. */
  private List<List<SimBlock>> split(List<SimBlock> blocks, int boundary) {
    List<Integer> cuts = new ArrayList<>();
    int parts = 1 + rng.nextInt(Math.min(3, blocks.size()));
    for (int k = 1; k < parts; k++) {
      cuts.add(blocks.size() * k / parts);
    }
    if (boundary > 0 && !cuts.contains(boundary)) {
      cuts.add(boundary);
    }
    cuts.sort(Integer::compare);
    List<List<SimBlock>> out = new ArrayList<>();
    int from = 0;
    for (int c : cuts) {
      if (c > from) {
        out.add(blocks.subList(from, c));
        from = c;
      }
    }
    out.add(blocks.subList(from, blocks.size()));
    return out;
  }

  private ChannelId randomId() {
    return ChannelId.wrap(rng.bytes(ChannelId.LENGTH));
  }

  private static SingularBatch batchOf(SimBlock b, List<Bytes> txs) {
    return new SingularBatch(b.info().ref().parentHash(), b.epoch().number(), b.epoch().hash(), b.info().ref().timestamp(), txs);
  }

  /**
   * The channel's frames: a span batch where Delta allows it (by the reading block's time and the
   * span's first epoch), brotli where Fjord allows it; at least {@code minFrames} frames.
   */
  private List<Frame> encode(List<SimBlock> blocks, long readAt, ChannelId id, int minFrames) {
    boolean spanAllowed = config.isActive(Fork.DELTA, time(readAt)) && config.isActive(Fork.DELTA, blocks.get(0).epoch().timestamp());
    List<BatchData> batches = new ArrayList<>();
    if (spanAllowed && rng.chance(1, 2)) {
      batches.add(span(blocks, b -> b.userTxs()));
    } else {
      for (SimBlock b : blocks) {
        batches.add(batchOf(b, b.userTxs()));
      }
    }
    boolean brotli = config.isActive(Fork.FJORD, time(readAt)) && rng.chance(1, 2);
    return frames(id, batches, brotli ? ChannelCompression.BROTLI : ChannelCompression.ZLIB, minFrames);
  }

  private BatchData span(List<SimBlock> blocks, java.util.function.Function<SimBlock, List<Bytes>> txs) {
    SpanBatchBuilder builder = new SpanBatchBuilder(config.genesis().l2Time(), config.l2ChainId());
    for (SimBlock b : blocks) {
      builder.add(batchOf(b, txs.apply(b)), b.info().ref().sequenceNumber());
    }
    return builder.build();
  }

  private List<Frame> frames(ChannelId id, List<BatchData> batches, ChannelCompression algo, int minFrames) {
    ChannelBuilder builder = new ChannelBuilder();
    batches.forEach(builder::add);
    byte[] data = builder.compress(algo);
    int maxFrame = Frame.OVERHEAD_BYTES + 60 + rng.nextInt(1500);
    if (minFrames > 1) {
      maxFrame = Math.min(maxFrame, Frame.OVERHEAD_BYTES + Math.max(1, data.length / minFrames));
    }
    return ChannelFramer.frames(id, data, maxFrame);
  }

  private SigningKey key(long l1Block) {
    return chain.batcherAt(l1Block);
  }

  /** Frames into one block's transactions, as calldata or (from Ecotone, sometimes) blobs. */
  private void postFrames(long l1Block, List<Frame> frames) {
    postFrames(l1Block, frames, key(l1Block));
  }

  private void postFrames(long l1Block, List<Frame> frames, SigningKey signer) {
    if (config.isActive(Fork.ECOTONE, time(l1Block)) && rng.chance(1, 2)) {
      chain.l1.addBlobTx(l1Block, signer, BatcherPayloads.blobs(frames));
      return;
    }
    for (byte[] payload : BatcherPayloads.calldata(frames, 1 + Frame.OVERHEAD_BYTES + 4000 + rng.nextInt(4000))) {
      chain.l1.addCalldataTx(l1Block, signer, Bytes.wrapOwned(payload));
    }
  }

  /** The channel's frames over {@code first..last}: at least one frame per block, the closing one last. */
  private void postSpread(long first, long last, List<Frame> frames) {
    int blocks = (int) (last - first + 1);
    int perBlock = Math.max(1, (frames.size() - 1) / (blocks - 1));
    int next = 0;
    for (long b = first; b < last; b++) {
      int end = Math.min(frames.size() - 1, next + perBlock);
      if (end > next) {
        postFrames(b, frames.subList(next, end));
      }
      next = end;
    }
    postFrames(last, frames.subList(next, frames.size()));
  }

  private void postShuffled(long l1Block, List<Frame> frames) {
    List<Frame> shuffled = new ArrayList<>(frames);
    for (int i = shuffled.size() - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      Frame t = shuffled.get(i);
      shuffled.set(i, shuffled.get(j));
      shuffled.set(j, t);
    }
    for (Frame f : shuffled) {
      postFrames(l1Block, List.of(f));
    }
  }

  private List<Frame> activationDecoy(SimBlock activation) {
    SingularBatch nonEmpty = batchOf(activation, List.of(chain.randomTx(rng.fork("activation"), false)));
    return frames(randomId(), List.of(nonEmpty), ChannelCompression.ZLIB, 1);
  }

  /** Conflicting versions of the blocks: same parent, epoch and time, other transactions. */
  private List<BatchData> conflicting(List<SimBlock> blocks, boolean setCode) {
    List<BatchData> out = new ArrayList<>();
    for (SimBlock b : blocks) {
      out.add(batchOf(b, List.of(chain.randomTx(rng.fork("decoy" + b.info().ref().number()), setCode))));
    }
    return out;
  }

  private void decoys(Posting p, long at, List<SimBlock> blocks) {
    boolean holocene = config.isActive(Fork.HOLOCENE, time(at));
    SimBlock a = blocks.get(0);
    switch (p.fault()) {
      case UNAUTHORIZED -> postFrames(at, frames(randomId(), conflicting(blocks, false), ChannelCompression.ZLIB, 1), chain.stranger);
      case OLD_BATCHER -> postFrames(at, frames(randomId(), conflicting(blocks, false), ChannelCompression.ZLIB, 1), chain.batcher);
      case INVALID_FIRST, SETCODE_PRE_ISTHMUS -> {
        List<BatchData> batches = new ArrayList<>();
        batches.add(p.fault() == Fault.INVALID_FIRST
            ? batchOf(a, List.of(Bytes.fromHex("0x7e0102")))
            : (SingularBatch) conflicting(List.of(a), true).get(0));
        if (holocene) {
          // From Holocene the invalid batch takes the rest of its channel down with it.
          batches.addAll(conflicting(blocks.subList(1, blocks.size()), false));
        }
        postFrames(at, frames(randomId(), batches, ChannelCompression.ZLIB, 1));
      }
      case SPAN_PRE_DELTA -> postFrames(at, frames(randomId(),
          List.of(span(blocks, b -> List.of(chain.randomTx(rng.fork("span" + b.info().ref().number()), false)))),
          ChannelCompression.ZLIB, 1));
      case BROTLI_PRE_FJORD -> postFrames(at, frames(randomId(), conflicting(blocks, false), ChannelCompression.BROTLI, 1));
      case TIMEOUT_DECOY -> {
        List<Frame> decoy = frames(randomId(), conflicting(blocks, false), ChannelCompression.ZLIB, 2);
        postFrames(at, decoy.subList(0, decoy.size() - 1));
        postFrames(p.l1Block(), decoy.subList(decoy.size() - 1, decoy.size()));
      }
      case DUPLICATE -> postFrames(at, sent.get(rng.nextInt(sent.size())));
      case GARBAGE -> garbage(at);
      default -> {}
    }
  }

  private void garbage(long at) {
    chain.l1.addCalldataTx(at, key(at), Bytes.wrapOwned(rng.bytes(1 + rng.nextInt(200))));
    Frame junkChannel = new Frame(randomId(), 0, Bytes.wrapOwned(rng.bytes(50 + rng.nextInt(200))), true);
    chain.l1.addCalldataTx(at, key(at), Bytes.wrapOwned(BatcherTxData.encode(List.of(junkChannel))));
    if (config.isActive(Fork.ECOTONE, time(at))) {
      byte[] blob = BlobCodec.encode(rng.bytes(100)).toArray();
      blob[1] = 5;
      chain.l1.addBlobTx(at, key(at), List.of(Blob.wrap(blob)));
    }
  }
}
