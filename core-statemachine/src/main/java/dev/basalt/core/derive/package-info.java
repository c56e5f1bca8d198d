/**
 * The data formats between an L1 batcher transaction and an L2 batch: frames, channels, batches
 * and blobs (specs {@code protocol/derivation.md}, {@code delta/span-batches.md},
 * {@code ecotone/derivation.md}, {@code fjord/derivation.md}, {@code isthmus/derivation.md}).
 *
 * <p>Subpackages, in the order data flows through them: {@code blob} turns a blob into batcher
 * data; {@code frame} splits batcher data into frames; {@code channel} decompresses a channel's
 * assembled frame data into a stream of typed batches; {@code batch} decodes singular and span
 * batches and expands a span batch into full signed transactions.
 *
 * <p>Invariants: everything here is pure and deterministic; malformed input never throws past
 * the documented entry points (it becomes a {@link dev.basalt.core.codec.DecodeException} or a
 * result value), and no length read from input is trusted for an allocation before it is checked
 * against the bytes that are actually there. Where op-node and the spec text disagree, op-node's
 * behaviour is followed and the class says so.
 */
package dev.basalt.core.derive;
