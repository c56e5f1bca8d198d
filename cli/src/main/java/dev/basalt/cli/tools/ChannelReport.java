package dev.basalt.cli.tools;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.basalt.core.config.RollupConfig;
import dev.basalt.core.derive.channel.BatchRead;
import dev.basalt.core.derive.channel.ChannelBatchReader;
import dev.basalt.core.derive.channel.ChannelCompression;
import dev.basalt.core.derive.channel.ChannelEnd;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a channel's compressed bytes with the core's {@link ChannelBatchReader}, exactly as
 * derivation does, and reports every batch and where and why the channel ended.
 *
 * @param json the report: compression, sizes, rules, batches and end
 * @param batchCount how many batches were read before the end
 * @param end why the channel yields no more batches
 * @param endDetail the reader's detail for {@code end}
 */
record ChannelReport(ObjectNode json, int batchCount, ChannelEnd end, String endDetail) {
  /** Ends that, before any batch, mean the bytes are not a channel at all. */
  private static final Set<ChannelEnd> GARBAGE = Set.of(
      ChannelEnd.EMPTY, ChannelEnd.UNKNOWN_COMPRESSION, ChannelEnd.DECOMPRESSION_FAILED,
      ChannelEnd.MALFORMED_RLP, ChannelEnd.MALFORMED_BATCH);

  static ChannelReport read(byte[] channel, ChannelRules rules, Optional<RollupConfig> chain, boolean withTxs) {
    ArrayNode batches = ToolJson.array();
    BatchRead.End end;
    ChannelCompression compression;
    long decompressed;
    try (ChannelBatchReader reader = ChannelBatchReader.open(channel, rules.limits())) {
      BatchRead read = reader.next();
      while (read instanceof BatchRead.Batch b) {
        batches.add(BatchJson.render(batches.size(), b.batch(), chain, withTxs));
        read = reader.next();
      }
      end = (BatchRead.End) read;
      // A channel refused by a fork rule was still recognised: name its compression anyway.
      compression = reader.compression() != null || channel.length == 0
          ? reader.compression()
          : ChannelCompression.detect(channel[0] & 0xff);
      decompressed = reader.consumedBytes();
    }
    ObjectNode json = ToolJson.object();
    json.put("compression", compression == null ? null : compression.name().toLowerCase(Locale.ROOT));
    json.put("compressedBytes", channel.length);
    json.put("decompressedBytes", decompressed);
    json.set("limits", rules.describe());
    json.put("batchCount", batches.size());
    json.set("batches", batches);
    ObjectNode endJson = json.putObject("end");
    endJson.put("reason", end.reason().name());
    endJson.put("early", end.reason() != ChannelEnd.EXHAUSTED);
    endJson.put("detail", end.detail());
    endJson.put("afterBatches", batches.size());
    endJson.put("atDecompressedByte", decompressed);
    return new ChannelReport(json, batches.size(), end.reason(), end.detail());
  }

  /** True when nothing in the bytes was a channel: no batch, and an end no rule explains. */
  boolean notAChannel() {
    return batchCount == 0 && GARBAGE.contains(end);
  }

  /** One line saying why {@link #notAChannel()}. */
  String problem() {
    return switch (end) {
      case EMPTY -> "the channel data is empty";
      case UNKNOWN_COMPRESSION -> "not a channel: unknown compression (" + endDetail
          + "; zlib has a low nibble of 8, brotli is 0x01)";
      case DECOMPRESSION_FAILED -> "the channel does not decompress: " + endDetail;
      case MALFORMED_RLP -> "the decompressed channel holds no RLP-wrapped batch: " + endDetail;
      case MALFORMED_BATCH -> "the channel's first batch does not decode: " + endDetail;
      default -> end + ": " + endDetail;
    };
  }
}
