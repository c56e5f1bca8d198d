/**
 * The production journal on Chronicle Queue: one queue of input records, one of output records,
 * raw bytes framed by {@link dev.basalt.journal.frame.RecordFormat} (no Chronicle Wire
 * marshalling), plus {@code journal.meta} (header copy, first retained input seq, tail cuts).
 *
 * <p>Invariants: the first record of each queue is the header; input seqs are contiguous and
 * output seqs strictly increasing across everything readers see; a tail that fails its checks on
 * open is cut (recorded in {@code journal.meta} before anything is appended after it, reported as
 * a {@link dev.basalt.journal.TailRepair}), and readers skip exactly the cut ranges; any other bad
 * record is reported with its index, never skipped; appenders are created on their writer thread
 * and appends never fsync; a cycle file is deleted only behind a snapshot and never while a cursor
 * or appender may map it.
 */
package dev.basalt.journal.chronicle;
