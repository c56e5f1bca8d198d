/**
 * Batcher transaction data and channel frames (derivation spec, "Batcher Transaction Format" and
 * "Frame Format").
 *
 * <p>Invariants: a {@link dev.basalt.core.derive.frame.Frame} always satisfies the wire limits
 * (frame number fits u16, at most {@link dev.basalt.core.derive.frame.Frame#MAX_DATA_BYTES} data
 * bytes), so every frame value can be encoded; {@link
 * dev.basalt.core.derive.frame.FrameParser#parse} is all-or-nothing per transaction, exactly like
 * op-node's {@code ParseFrames}: one bad frame rejects every frame of that transaction.
 */
package dev.basalt.core.derive.frame;
