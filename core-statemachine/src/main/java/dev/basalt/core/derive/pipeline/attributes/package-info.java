/**
 * The attributes queue (op-node {@code attributes_queue.go}): the pipeline's last stage, from a
 * valid batch to payload attributes on top of the safe head.
 *
 * <p>Invariants: attributes are built only for a batch whose parent hash and timestamp follow the
 * given safe head, with the canonical epoch block; their transactions are the preparer's deposits
 * followed by the batch's transactions, and {@code noTxPool} is always set.
 */
package dev.basalt.core.derive.pipeline.attributes;
