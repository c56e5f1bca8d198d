/**
 * The frame queue (op-node {@code frame_queue.go}): batcher transaction data split into frames,
 * one transaction at a time, with Holocene's strict ordering pruning.
 *
 * <p>Invariants: the queue holds the frames of at most one batcher transaction; from Holocene,
 * its frames are per channel contiguous, ordered and start at frame 0, and a first frame follows
 * only a closing frame or the start of the queue.
 */
package dev.basalt.core.derive.pipeline.frames;
