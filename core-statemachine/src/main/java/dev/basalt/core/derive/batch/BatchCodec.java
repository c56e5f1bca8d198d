package dev.basalt.core.derive.batch;

import dev.basalt.core.codec.BinaryWriter;
import dev.basalt.core.codec.DecodeException;
import dev.basalt.core.rlp.RlpReader;
import dev.basalt.core.rlp.RlpWriter;

/**
 * Typed batches: {@code batch_type ++ content}. In a channel each typed batch is further wrapped as
 * one RLP byte string; {@link #encodeForChannel} produces that wrapping.
 */
public final class BatchCodec {
  private BatchCodec() {}

  /**
   * Decodes a typed batch (op-node {@code BatchData.decodeTyped}).
   *
   * @throws DecodeException for an empty input, an unknown type (op-node: "unrecognized batch
   *     type") or malformed content
   */
  public static BatchData decode(byte[] typed, int offset, int length) {
    if (length == 0) {
      throw new DecodeException("empty batch");
    }
    int code = typed[offset] & 0xff;
    BatchType type = BatchType.fromCode(code);
    if (type == null) {
      throw new DecodeException("unrecognized batch type " + code);
    }
    return switch (type) {
      // Trailing bytes after the list are ignored, like go-ethereum's rlp.Decode.
      case SINGULAR -> SingularBatch.readContent(new RlpReader(typed, offset + 1, length - 1));
      case SPAN -> SpanBatchCodec.decode(typed, offset + 1, length - 1);
    };
  }

  public static BatchData decode(byte[] typed) {
    return decode(typed, 0, typed.length);
  }

  /** {@code batch_type ++ content}. */
  public static byte[] encode(BatchData batch) {
    return switch (batch) {
      case SingularBatch s -> {
        RlpWriter w = new RlpWriter(256);
        s.writeContent(w);
        byte[] content = w.toByteArray();
        byte[] out = new byte[1 + content.length];
        out[0] = (byte) BatchType.SINGULAR.code();
        System.arraycopy(content, 0, out, 1, content.length);
        yield out;
      }
      case RawSpanBatch r -> {
        BinaryWriter w = new BinaryWriter(1024);
        w.u8(BatchType.SPAN.code());
        SpanBatchCodec.encode(r, w);
        yield w.toByteArray();
      }
    };
  }

  /** The typed batch wrapped as an RLP byte string, as it appears in decompressed channel data. */
  public static byte[] encodeForChannel(BatchData batch) {
    return new RlpWriter(64).bytes(encode(batch)).toByteArray();
  }
}
