package dev.basalt.core.derive.pipeline.batches;

import dev.basalt.core.codec.BinaryReader;
import dev.basalt.core.codec.BinaryWriter;
import dev.basalt.core.codec.DecodeException;
import dev.basalt.core.codec.ValueCodec;
import dev.basalt.core.derive.pipeline.PipelineCodec;
import dev.basalt.core.heads.Refs;
import dev.basalt.core.state.StateVisitor;
import dev.basalt.core.types.L1BlockRef;
import java.util.Objects;

/** A batch with the L1 block it was included in (op-node {@code BatchWithL1InclusionBlock}). */
record QueuedBatch(ChannelBatch batch, L1BlockRef inclusion) {
  QueuedBatch {
    Objects.requireNonNull(batch, "batch");
    Objects.requireNonNull(inclusion, "inclusion");
  }

  /** Transaction bytes held, for the queue's memory bound. */
  long sizeBytes() {
    long size = 0;
    switch (batch) {
      case ChannelBatch.Singular s -> {
        for (var tx : s.batch().transactions()) {
          size += tx.length();
        }
      }
      case ChannelBatch.Span s -> {
        for (var e : s.batch().elements()) {
          for (var tx : e.transactions()) {
            size += tx.length();
          }
        }
      }
    }
    return size;
  }

  void writeTo(BinaryWriter w) {
    ValueCodec.write(w, inclusion);
    switch (batch) {
      case ChannelBatch.Singular s -> {
        w.u8(0);
        PipelineCodec.writeSingular(w, s.batch());
      }
      case ChannelBatch.Span s -> {
        w.u8(1);
        PipelineCodec.writeSpan(w, s.batch());
      }
    }
  }

  static QueuedBatch readFrom(BinaryReader r) {
    L1BlockRef inclusion = ValueCodec.readL1BlockRef(r);
    int kind = r.u8();
    ChannelBatch batch = switch (kind) {
      case 0 -> new ChannelBatch.Singular(PipelineCodec.readSingular(r));
      case 1 -> new ChannelBatch.Span(PipelineCodec.readSpan(r));
      default -> throw new DecodeException("unknown queued batch kind " + kind);
    };
    return new QueuedBatch(batch, inclusion);
  }

  void describeTo(StateVisitor v) {
    v.beginObject(null);
    Refs.describe(v, "inclusion", inclusion);
    switch (batch) {
      case ChannelBatch.Singular s -> PipelineCodec.describeSingular(v, "singular", s.batch());
      case ChannelBatch.Span s -> PipelineCodec.describeSpan(v, "span", s.batch());
    }
    v.endObject();
  }
}
