package dev.basalt.testdata.world;

import dev.basalt.core.config.RollupConfig;
import dev.basalt.core.derive.batch.BatchData;
import dev.basalt.core.derive.batch.RawSpanBatch;
import dev.basalt.core.derive.batch.SingularBatch;
import dev.basalt.core.derive.batch.SpanBatch;
import dev.basalt.core.derive.batch.SpanBatchElement;
import dev.basalt.core.derive.blob.BlobCodec;
import dev.basalt.core.derive.channel.BatchRead;
import dev.basalt.core.derive.channel.ChannelBatchReader;
import dev.basalt.core.derive.channel.ChannelLimits;
import dev.basalt.core.derive.frame.ChannelId;
import dev.basalt.core.derive.frame.Frame;
import dev.basalt.core.derive.frame.FrameParseResult;
import dev.basalt.core.derive.frame.FrameParser;
import dev.basalt.core.types.Address;
import dev.basalt.core.types.Bytes;
import dev.basalt.testdata.world.l1.BlobSidecar;
import dev.basalt.testdata.world.l1.L1Tx;
import dev.basalt.testdata.world.l1.MinedL1Block;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads the batcher's L1 data back with the core's frame, channel and batch decoders directly (no
 * derivation pipeline): frames from calldata or blobs of transactions the given senders sent to the
 * inbox, channels assembled by id in frame order once closed and complete, batches read out.
 * Span batches are expanded into per-block elements.
 */
final class BatcherDataDecoder {
  /** One block's batch content as the batcher encoded it. */
  record DecodedBlock(long timestamp, long epochNumber, List<Bytes> transactions) {}

  /**
   * One batch: its blocks and what ties it to a chain (a singular batch's parent and epoch hash,
   * a span batch's 20-byte parent and origin checks).
   */
  record DecodedBatch(List<DecodedBlock> blocks, Bytes parentCheck, Bytes originCheck) {}

  private BatcherDataDecoder() {}

  static List<DecodedBatch> decode(RollupConfig rollup, List<MinedL1Block> canonical, List<Address> senders) {
    Map<ChannelId, TreeMap<Integer, Frame>> open = new LinkedHashMap<>();
    List<DecodedBatch> out = new ArrayList<>();
    for (MinedL1Block block : canonical) {
      for (L1Tx tx : block.transactions()) {
        if (!rollup.batchInboxAddress().equals(tx.to()) || !senders.contains(tx.from())) {
          continue;
        }
        for (byte[] data : payloads(tx)) {
          FrameParseResult parsed = FrameParser.parse(data);
          for (Frame f : parsed.frames()) {
            TreeMap<Integer, Frame> frames = open.computeIfAbsent(f.channelId(), id -> new TreeMap<>());
            frames.putIfAbsent(f.number(), f);
            if (complete(frames)) {
              open.remove(f.channelId());
              out.addAll(read(rollup, channelData(frames), block.timestamp()));
            }
          }
        }
      }
    }
    return out;
  }

  private static List<byte[]> payloads(L1Tx tx) {
    if (tx.blobs().isEmpty()) {
      return List.of(tx.tx().data().toArray());
    }
    List<byte[]> out = new ArrayList<>();
    for (BlobSidecar s : tx.blobs()) {
      try {
        out.add(BlobCodec.decode(s.blob()));
      } catch (RuntimeException e) {
        // A garbage blob: derivation skips it too.
      }
    }
    return out;
  }

  private static boolean complete(TreeMap<Integer, Frame> frames) {
    Frame last = frames.lastEntry().getValue();
    return last.isLast() && frames.size() == last.number() + 1;
  }

  private static byte[] channelData(TreeMap<Integer, Frame> frames) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    frames.values().forEach(f -> out.writeBytes(f.data().toArray()));
    return out.toByteArray();
  }

  private static List<DecodedBatch> read(RollupConfig rollup, byte[] data, long l1Time) {
    List<DecodedBatch> out = new ArrayList<>();
    try (ChannelBatchReader reader = ChannelBatchReader.open(data, ChannelLimits.at(rollup, l1Time))) {
      for (BatchRead r = reader.next(); r instanceof BatchRead.Batch b; r = reader.next()) {
        out.add(batch(rollup, b.batch()));
      }
    }
    return out;
  }

  private static DecodedBatch batch(RollupConfig rollup, BatchData batch) {
    return switch (batch) {
      case SingularBatch s -> new DecodedBatch(List.of(new DecodedBlock(s.timestamp(), s.epochNumber(), s.transactions())),
          Bytes.wrapOwned(s.parentHash().toArray()), Bytes.wrapOwned(s.epochHash().toArray()));
      case RawSpanBatch r -> {
        SpanBatch span = r.derive(rollup.blockTimeSeconds(), rollup.genesis().l2Time(), rollup.l2ChainId());
        List<DecodedBlock> list = new ArrayList<>();
        for (SpanBatchElement e : span.elements()) {
          list.add(new DecodedBlock(e.timestamp(), e.epochNumber(), e.transactions()));
        }
        yield new DecodedBatch(list, span.parentCheck(), span.l1OriginCheck());
      }
    };
  }
}
