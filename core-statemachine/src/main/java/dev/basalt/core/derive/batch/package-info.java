/**
 * Batches: singular batches (type 0, one L2 block) and span batches (type 1, a run of L2 blocks in
 * the column layout of {@code delta/span-batches.md}, with Isthmus SetCode transactions).
 *
 * <p>Two decoding levels, because op-node treats their failures differently: {@link
 * dev.basalt.core.derive.batch.BatchCodec} decodes the wire form (a failure there ends the whole
 * channel), and {@link dev.basalt.core.derive.batch.RawSpanBatch#derive} expands a span batch into
 * blocks of full signed transactions (a failure there drops only that batch in op-node). Both
 * throw {@link dev.basalt.core.codec.DecodeException}.
 *
 * <p>Invariants: every count read from input is checked against {@link
 * dev.basalt.core.derive.batch.SpanBatchLimits#MAX_ELEMENT_COUNT} and against the bytes left before
 * anything is allocated; the wire encoders reproduce canonical input byte for byte; trailing bytes
 * after a complete batch are ignored, as op-node ignores them (spec: "extra content does not
 * invalidate the decoded batch").
 */
package dev.basalt.core.derive.batch;
