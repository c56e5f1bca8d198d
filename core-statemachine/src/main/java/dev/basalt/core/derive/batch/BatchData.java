package dev.basalt.core.derive.batch;

/** A batch as it is carried in a channel: a singular batch, or a span batch in wire form. */
public sealed interface BatchData permits SingularBatch, RawSpanBatch {
  BatchType type();
}
