package dev.basalt.adapters.rpc;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.basalt.core.heads.SyncStatus;
import dev.basalt.core.types.BlockId;
import dev.basalt.core.types.L1BlockRef;
import dev.basalt.core.types.L2BlockRef;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/**
 * op-node's block reference and sync status JSON (op-service {@code eth/id.go},
 * {@code eth/sync_status.go}): hashes as 0x-hex strings, numbers and timestamps as JSON numbers,
 * unknown references zero-filled rather than null.
 *
 * <p>{@code SyncStatus} keys, in op-node's order: {@code current_l1} (the derivation origin),
 * {@code current_l1_finalized} (deprecated; op-node sets it to the finalized L1 block),
 * {@code head_l1}, {@code safe_l1}, {@code finalized_l1}, {@code unsafe_l2}, {@code safe_l2},
 * {@code finalized_l2}, {@code pending_safe_l2}, {@code local_safe_l2}. {@code cross_unsafe_l2}
 * left op-node in v1.19.6 (optimism PR 22555) and is written only when asked for.
 */
public final class RefJson {
  private static final JsonFactory JSON = new JsonFactory();

  private RefJson() {}

  /** {@code {"hash","number"}}. */
  public static void blockId(JsonGenerator g, BlockId id) throws IOException {
    g.writeStartObject();
    g.writeStringField("hash", id.hash().toHex());
    g.writeNumberField("number", id.number());
    g.writeEndObject();
  }

  /** {@code {"hash","number","parentHash","timestamp"}}. */
  public static void l1(JsonGenerator g, L1BlockRef ref) throws IOException {
    g.writeStartObject();
    g.writeStringField("hash", ref.hash().toHex());
    g.writeNumberField("number", ref.number());
    g.writeStringField("parentHash", ref.parentHash().toHex());
    g.writeNumberField("timestamp", ref.timestamp());
    g.writeEndObject();
  }

  /** {@code {"hash","number","parentHash","timestamp","l1origin":{"hash","number"},"sequenceNumber"}}. */
  public static void l2(JsonGenerator g, L2BlockRef ref) throws IOException {
    g.writeStartObject();
    g.writeStringField("hash", ref.hash().toHex());
    g.writeNumberField("number", ref.number());
    g.writeStringField("parentHash", ref.parentHash().toHex());
    g.writeNumberField("timestamp", ref.timestamp());
    g.writeFieldName("l1origin");
    blockId(g, ref.l1Origin());
    g.writeNumberField("sequenceNumber", ref.sequenceNumber());
    g.writeEndObject();
  }

  public static void syncStatus(JsonGenerator g, SyncStatus s, boolean crossUnsafeL2) throws IOException {
    g.writeStartObject();
    g.writeFieldName("current_l1");
    l1(g, s.currentL1());
    g.writeFieldName("current_l1_finalized");
    l1(g, s.finalizedL1());
    g.writeFieldName("head_l1");
    l1(g, s.headL1());
    g.writeFieldName("safe_l1");
    l1(g, s.safeL1());
    g.writeFieldName("finalized_l1");
    l1(g, s.finalizedL1());
    g.writeFieldName("unsafe_l2");
    l2(g, s.unsafeL2());
    g.writeFieldName("safe_l2");
    l2(g, s.safeL2());
    g.writeFieldName("finalized_l2");
    l2(g, s.finalizedL2());
    g.writeFieldName("pending_safe_l2");
    l2(g, s.pendingSafeL2());
    if (crossUnsafeL2) {
      // Pre-interop every unsafe block is cross-unsafe (op-node's own definition).
      g.writeFieldName("cross_unsafe_l2");
      l2(g, s.unsafeL2());
    }
    g.writeFieldName("local_safe_l2");
    l2(g, s.localSafeL2());
    g.writeEndObject();
  }

  public static String syncStatus(SyncStatus s, boolean crossUnsafeL2) {
    return write(g -> syncStatus(g, s, crossUnsafeL2));
  }

  public static String l2(L2BlockRef ref) {
    return write(g -> l2(g, ref));
  }

  /** Runs {@code body} against a generator and returns the text it wrote. */
  static String write(Body body) {
    StringWriter out = new StringWriter(256);
    try (JsonGenerator g = JSON.createGenerator(out)) {
      body.write(g);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  @FunctionalInterface
  interface Body {
    void write(JsonGenerator g) throws IOException;
  }
}
