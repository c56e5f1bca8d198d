/**
 * The derivation pipeline: L1 data in, L2 payload attributes out, exactly as op-node derives them,
 * for every fork from Bedrock through Karst. Subpackages hold the wire formats (frames, channels,
 * batches, blobs); this package holds what the stages exchange and the ports through which the
 * pipeline asks the rest of the core for data.
 *
 * <p>Invariants: pure and bounded — the pipeline never performs I/O; when it needs data it does not
 * have, it says so as a value and the core fetches it with a command.
 */
package dev.basalt.core.derive;
