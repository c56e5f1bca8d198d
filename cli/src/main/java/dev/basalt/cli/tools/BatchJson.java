package dev.basalt.cli.tools;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.basalt.core.codec.DecodeException;
import dev.basalt.core.config.RollupConfig;
import dev.basalt.core.crypto.Keccak;
import dev.basalt.core.derive.batch.BatchData;
import dev.basalt.core.derive.batch.RawSpanBatch;
import dev.basalt.core.derive.batch.SingularBatch;
import dev.basalt.core.derive.batch.SpanBatch;
import dev.basalt.core.derive.batch.SpanBatchElement;
import dev.basalt.core.types.Bytes;
import java.util.List;
import java.util.Optional;

/**
 * Renders batches. Without a chain only what the batch itself says is shown; with one, span
 * batches are also expanded (the chain's genesis time, block time and chain id give timestamps
 * and full transactions) and L2 block numbers are added.
 */
final class BatchJson {
  private BatchJson() {}

  static ObjectNode render(int index, BatchData batch, Optional<RollupConfig> chain, boolean withTxs) {
    return switch (batch) {
      case SingularBatch s -> singular(index, s, chain, withTxs);
      case RawSpanBatch r -> span(index, r, chain, withTxs);
    };
  }

  private static ObjectNode singular(int index, SingularBatch b, Optional<RollupConfig> chain, boolean withTxs) {
    ObjectNode out = ToolJson.object();
    out.put("index", index);
    out.put("type", "singular");
    out.put("parentHash", b.parentHash().toHex());
    ToolJson.putU64(out, "epochNum", b.epochNumber());
    out.put("epochHash", b.epochHash().toHex());
    ToolJson.putU64(out, "timestamp", b.timestamp());
    chain.ifPresent(c -> ToolJson.putU64(out, "l2BlockNumber", c.l2BlockNumberAt(b.timestamp())));
    out.put("txCount", b.transactions().size());
    if (withTxs) {
      out.set("txHashes", hashes(b.transactions()));
    }
    return out;
  }

  private static ObjectNode span(int index, RawSpanBatch b, Optional<RollupConfig> chain, boolean withTxs) {
    ObjectNode out = ToolJson.object();
    out.put("index", index);
    out.put("type", "span");
    ToolJson.putU64(out, "relTimestamp", b.prefix().relTimestamp());
    ToolJson.putU64(out, "l1OriginNumber", b.prefix().l1OriginNumber());
    out.put("parentCheck", b.prefix().parentCheck().toHex());
    out.put("l1OriginCheck", b.prefix().l1OriginCheck().toHex());
    out.put("blockCount", b.blockCount());
    out.put("txCount", b.txs().size());
    SpanBatch derived = null;
    if (chain.isPresent()) {
      RollupConfig c = chain.get();
      try {
        derived = b.derive(c.blockTimeSeconds(), c.genesis().l2Time(), c.l2ChainId());
        ToolJson.putU64(out, "firstTimestamp", derived.timestamp());
        ToolJson.putU64(out, "firstL2BlockNumber", c.l2BlockNumberAt(derived.timestamp()));
      } catch (DecodeException e) {
        // op-node drops such a span batch (but keeps reading the channel).
        out.put("deriveError", e.getMessage());
      }
    }
    if (withTxs && chain.isEmpty()) {
      out.put("txHashesNote", "span batch transactions need --chain: its chain id re-creates their signatures");
    }
    out.set("blocks", spanBlocks(b, chain, derived, withTxs));
    return out;
  }

  private static ArrayNode spanBlocks(RawSpanBatch b, Optional<RollupConfig> chain, SpanBatch derived, boolean withTxs) {
    long[] origins = b.l1OriginNumbers();
    ArrayNode blocks = ToolJson.array();
    for (int i = 0; i < origins.length; i++) {
      ObjectNode block = blocks.addObject();
      ToolJson.putU64(block, "l1OriginNumber", origins[i]);
      if (derived != null) {
        SpanBatchElement e = derived.elements().get(i);
        ToolJson.putU64(block, "timestamp", e.timestamp());
        ToolJson.putU64(block, "l2BlockNumber", chain.orElseThrow().l2BlockNumberAt(e.timestamp()));
      }
      ToolJson.putU64(block, "txCount", b.blockTxCounts().get(i));
      if (withTxs && derived != null) {
        block.set("txHashes", hashes(derived.elements().get(i).transactions()));
      }
    }
    return blocks;
  }

  private static ArrayNode hashes(List<Bytes> txs) {
    ArrayNode out = ToolJson.array();
    for (Bytes tx : txs) {
      out.add(Keccak.hash(tx).toHex());
    }
    return out;
  }
}
